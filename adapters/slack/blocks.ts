// Renders the core's platform-neutral Reply as a Slack message: Block Kit blocks within
// Slack's limits (3,000 characters a section, 50 blocks a message) plus a plain `text`
// fallback for notifications. Only `reply.mention` is ever written as a `<@…>` mention.
import type { types as Slack } from '@slack/bolt';
import {
  type AnswerReply,
  type AskedVia,
  type Entry,
  knowledgeLine,
  NO_STATISTICS,
  type Person,
  type Phrases,
  phrasesFor,
  plainAnswer,
  type Reply,
  type StatsReply,
  statsTitle,
} from '../../src/index.js';
import { ACTION, encodeValue } from './action-value.js';
import { echoWithoutLinks, escapeMrkdwn, link, markdownToMrkdwnParts, plainTextSafe } from './mrkdwn.js';
import { splitMrkdwn, truncate } from './split.js';

export type Block = Slack.KnownBlock;

export interface SlackMessage {
  readonly text: string;
  readonly blocks: Block[];
}

export interface RenderContext {
  /** How the question was asked; buttons carry it so a pick keeps the original visibility. */
  readonly via: AskedVia;
  /** What the member typed (plain, unescaped), echoed in "no answer" replies. */
  readonly queryText?: string;
  /** The member an answer was aimed at, so a picked suggestion still reaches them. */
  readonly target?: Person;
  /** A line shown above the reply, e.g. why it could not be posted in public. */
  readonly notice?: string;
}

export const MAX_BLOCKS = 50;
const HEADER_LIMIT = 150;
const BUTTON_LIMIT = 75;
const MAX_BUTTONS = 5;

export function renderReply(reply: Reply, ctx: RenderContext): SlackMessage {
  const message = reply.handoff ? withHandoffButton(renderKind(reply, ctx), reply, ctx) : renderKind(reply, ctx);
  if (!ctx.notice) return message;
  return {
    text: `${escapeMrkdwn(ctx.notice)} ${message.text}`,
    blocks: [section(escapeMrkdwn(ctx.notice)), ...message.blocks].slice(0, MAX_BLOCKS),
  };
}

/** The entry a hand-off is about: the answer, the first suggestion, or none ("-") after "no answer". */
const NO_ENTRY = '-';

/** "Ask a human": beside Helpful / Not helpful on an answer, its own row under a list. */
function withHandoffButton(message: SlackMessage, reply: Reply, ctx: RenderContext): SlackMessage {
  const entryId = reply.kind === 'answer' ? reply.entry.id : reply.kind === 'suggest' ? (reply.candidates[0]?.id ?? NO_ENTRY) : NO_ENTRY;
  const ask = button(
    `🙋 ${phrasesFor(reply.language).askHuman}`,
    ACTION.handoff,
    encodeValue({ askId: reply.askId, entryId, via: ctx.via }),
  );
  const blocks = [...message.blocks];
  const feedback = blocks.findIndex((b) => b.type === 'actions' && b.block_id === 'faq_feedback');
  if (feedback >= 0) {
    const row = blocks[feedback] as Slack.ActionsBlock;
    blocks[feedback] = { ...row, elements: [...row.elements, ask] };
  } else if (blocks.length < MAX_BLOCKS) {
    blocks.push({ type: 'actions', block_id: 'faq_handoff', elements: [ask] });
  }
  return { ...message, blocks };
}

/** What was asked, links left out and escaped, to quote; undefined when nothing is left to echo. */
function echo(queryText: string | undefined): string | undefined {
  const shown = queryText ? echoWithoutLinks(queryText) : '';
  return shown ? escapeMrkdwn(truncate(shown, 200)) : undefined;
}

function renderKind(reply: Reply, ctx: RenderContext): SlackMessage {
  const say = phrasesFor(reply.language);
  switch (reply.kind) {
    case 'answer':
      return answer(reply.entry, reply.related, reply, ctx, say);
    case 'suggest': {
      const lead = say.notSure(echo(ctx.queryText));
      return { text: lead, blocks: [section(lead), ...choiceButtons(reply.candidates, reply.askId, ctx)] };
    }
    case 'none': {
      if (reply.smallTalk) {
        const line = say.smallTalk[reply.smallTalk];
        return { text: line, blocks: [section(line)] };
      }
      const asked = echo(ctx.queryText);
      const lead = asked ? say.noAnswer(asked) : say.noAnswer();
      const blocks: Block[] = [section(lead)];
      if (reply.suggestions.length > 0) {
        blocks.push(context(say.closeTopics), ...choiceButtons(reply.suggestions, reply.askId, ctx));
      }
      blocks.push(context(say.tryOtherWords));
      return { text: lead, blocks };
    }
    case 'help': {
      const lead = `${say.canAnswer(reply.entryCount)} ${say.askWithCommandMentionOrDm(`\`/faq ${say.yourQuestion}\``)}`;
      const blocks: Block[] = [header(reply.title), section(lead)];
      if (reply.topics.length > 0) {
        blocks.push(section(`*${say.popularTopics}*\n${reply.topics.map((t) => `• ${escapeMrkdwn(t.question)}`).join('\n')}`));
        blocks.push(...choiceButtons(reply.topics, reply.askId, ctx));
      }
      if (reply.footer) blocks.push(context(escapeMrkdwn(reply.footer)));
      return { text: `${escapeMrkdwn(reply.title)}: ${lead}`, blocks };
    }
    case 'held':
      return { text: escapeMrkdwn(reply.message), blocks: [section(escapeMrkdwn(reply.message))] };
    case 'stats':
      return stats(reply);
  }
}

function answer(entry: Entry, related: readonly Entry[], reply: AnswerReply, ctx: RenderContext, say: Phrases): SlackMessage {
  const mentions = reply.mention.map((p) => `<@${p.id}>`).join(' ');
  const top: Block[] = [];
  if (mentions) top.push(section(say.mayHelp(mentions)));
  top.push(header(entry.question));

  const tail: Block[] = [];
  if (entry.links.length > 0) {
    tail.push(section(`*${say.links}:* ${entry.links.map((l) => link(l.url, l.title)).join(' · ')}`));
  }
  if (related.length > 0) {
    // Anyone can press buttons on a public message: they must not re-send answers to the member.
    const buttonCtx = reply.visibility === 'public' ? { via: ctx.via } : ctx;
    tail.push(context(`${say.related}:`), ...choiceButtons(related, reply.askId, buttonCtx));
  }
  const notes: string[] = [];
  if (reply.suggestedBy) notes.push(say.suggestedBy(escapeMrkdwn(displayName(reply.suggestedBy))));
  if (entry.meta.source) notes.push(`${say.source}: ${link(entry.meta.source, entry.meta.title ?? entry.meta.source)}`);
  if (entry.meta.footer) notes.push(escapeMrkdwn(entry.meta.footer));
  if (notes.length > 0) tail.push(context(truncate(notes.join(' · '), 2900)));

  const value = encodeValue({ askId: reply.askId, entryId: entry.id, via: ctx.via, ...(ctx.target ? { targetId: ctx.target.id } : {}) });
  const buttons: Slack.Button[] = [];
  if (reply.visibility === 'private') buttons.push(button(say.shareInChannel, ACTION.share, value, 'primary'));
  buttons.push(button(`👍 ${say.helpful}`, ACTION.helpful, value), button(`👎 ${say.notHelpful}`, ACTION.notHelpful, value));
  if (reply.dismissibleBy) {
    const who = reply.dismissibleBy;
    buttons.push(
      button(
        `🗑️ ${say.dismiss}`,
        ACTION.dismiss,
        encodeValue({
          askId: reply.askId,
          entryId: entry.id,
          via: ctx.via,
          askerId: who.askerId,
          ...(who.targetId ? { targetId: who.targetId } : {}),
        }),
      ),
    );
  }
  tail.push({ type: 'actions', block_id: 'faq_feedback', elements: buttons });

  // Keep the whole message within 50 blocks: the answer gets what the frame leaves.
  const room = MAX_BLOCKS - top.length - tail.length;
  const rendered = renderedAnswer(entry);
  let sections = [...rendered.sections];
  if (sections.length > room) {
    const more = entry.meta.source ? ` Read the rest at ${link(entry.meta.source, entry.meta.title ?? 'the source')}.` : '';
    sections = sections.slice(0, room);
    sections[room - 1] = `${truncate(sections[room - 1]!, 2800)}\n\n_The answer is too long to show in full here._${more}`;
  }
  const plain = rendered.plain;
  return {
    text: `${mentions ? `${mentions} ` : ''}${escapeMrkdwn(entry.question)} — ${plain}`,
    blocks: [...top, ...sections.map(section), ...tail],
  };
}

// Entries are immutable and answers are asked again and again: render each one once.
const renderedAnswers = new WeakMap<Entry, { sections: readonly string[]; plain: string }>();

function renderedAnswer(entry: Entry): { sections: readonly string[]; plain: string } {
  let hit = renderedAnswers.get(entry);
  if (!hit) {
    hit = {
      sections: splitMrkdwn(markdownToMrkdwnParts(entry.answer)),
      plain: truncate(escapeMrkdwn(plainAnswer(entry)).replace(/\s+/g, ' '), 300),
    };
    renderedAnswers.set(entry, hit);
  }
  return hit;
}

function stats(reply: StatsReply): SlackMessage {
  const s = reply.summary;
  const knowledge = reply.knowledge ? [context(escapeMrkdwn(knowledgeLine(reply.knowledge)))] : [];
  if (!s) {
    const message = escapeMrkdwn(reply.message ?? NO_STATISTICS);
    return { text: message, blocks: [section(message), ...knowledge] };
  }
  const blocks: Block[] = [
    header(statsTitle(s.days)),
    {
      type: 'section',
      fields: [
        ['Questions', s.asks],
        ['Answered', s.answered],
        ['Suggestions only', s.suggested],
        ['Unanswered', s.unanswered],
        ['Topic lists', s.topicLists],
        ['Helpful', s.helpful],
        ['Not helpful', s.notHelpful],
      ].map(([label, n]) => ({ type: 'mrkdwn' as const, text: `*${label}*\n${n}` })),
    },
  ];
  if (s.topEntries.length > 0) {
    blocks.push(
      section(
        truncate(
          `*Most asked*\n${s.topEntries
            .slice(0, 10)
            .map((e) => `• ${escapeMrkdwn(e.question)} (${e.count})`)
            .join('\n')}`,
          2900,
        ),
      ),
    );
  }
  if (s.topUnanswered.length > 0) {
    blocks.push(
      section(
        truncate(
          `*Asked but not answered*\n${s.topUnanswered
            .slice(0, 10)
            .map((u) => `• “${escapeMrkdwn(truncate(u.text, 200))}” (${u.count})`)
            .join('\n')}`,
          2900,
        ),
      ),
    );
  }
  blocks.push(...knowledge);
  return { text: `FAQ statistics: ${s.asks} questions, ${s.unanswered} unanswered.`, blocks };
}

function choiceButtons(entries: readonly Entry[], askId: string, ctx: RenderContext): Block[] {
  const shown = entries.slice(0, MAX_BUTTONS);
  if (shown.length === 0) return [];
  return [
    {
      type: 'actions',
      elements: shown.map((e, i) =>
        button(
          e.question,
          `${ACTION.choose}:${i}`,
          encodeValue({ askId, entryId: e.id, via: ctx.via, ...(ctx.target ? { targetId: ctx.target.id } : {}) }),
        ),
      ),
    },
  ];
}

function button(label: string, actionId: string, value: string, style?: 'primary'): Slack.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(plainTextSafe(label), BUTTON_LIMIT), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

export function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: truncate(plainTextSafe(text), HEADER_LIMIT), emoji: true } };
}

function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

export function displayName(person: Person): string {
  return person.name?.trim() || 'a member';
}

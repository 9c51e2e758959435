// The one reply formatter: a platform-neutral Reply → a Discord message (embeds, components,
// allowed_mentions, ephemeral flag). Every message the adapter sends is built here, so every
// message names exactly who may be pinged.
import type { APIActionRowComponent, APIButtonComponent, APIComponentInMessageActionRow, APIEmbed, APISelectMenuOption } from 'discord.js';
import {
  DEFAULT_LANGUAGE,
  type Entry,
  type Language,
  knowledgeLine,
  NO_STATISTICS,
  type Person,
  type Phrases,
  phrasesFor,
  plainAnswer,
  type Reply,
  shorten,
  type StatsSummary,
  statsTitle,
} from '../../src/index.js';
import { QUERY_OPTION } from './command-data.js';
import { dismissCustomId, entryCustomId, encodeCustomId, entryRef } from './custom-id.js';
import { packBlocks, truncateText } from './fit.js';
import { LIMITS } from './limits.js';
import { escapeText, markdownToDiscordBlocks } from './markdown.js';
import { neutralizeMentions } from './safe-text.js';

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ActionRow[];
  /** discord.js form of allowed_mentions; `parse` is always empty. */
  allowedMentions: { parse: []; users: string[]; repliedUser: boolean };
  ephemeral: boolean;
}

export interface RenderContext {
  /** How the question reached the bot; decides which buttons make sense. */
  origin: 'command' | 'mention' | 'message-menu';
  /** False in DMs, where "Post in channel" has nowhere to post. */
  inGuild: boolean;
  /** The member a command aimed at, kept in menus so a pick still goes to them. */
  target?: Person;
  /** "Answer with FAQ": the message being answered and its author. */
  message?: { id: string; authorId: string };
  /** The author of the message this reply will reply to, if any. */
  replyTo?: string;
}

const BLURPLE = 0x5865f2;
const GREY = 0x99aab5;

export function renderReply(reply: Reply, ctx: RenderContext): DiscordMessage {
  const msg = renderBody(reply, ctx);
  return reply.handoff && ctx.origin !== 'message-menu' && ctx.inGuild ? withHandoffButton(msg, reply) : msg;
}

/** "Ask a human": in the answer's first row, or a row of its own under suggestions. */
function withHandoffButton(msg: DiscordMessage, reply: Reply): DiscordMessage {
  // After "no answer" the hand-off is about no entry: the close topics did not fit.
  const first = reply.kind === 'answer' ? reply.entry : reply.kind === 'suggest' ? reply.candidates[0] : undefined;
  const ask = button(
    first ? entryCustomId('h', reply.askId, first.id) : encodeCustomId({ action: 'h', key: reply.askId, arg: '-' }),
    phrasesFor(reply.language).askHuman,
    2,
    '🙋',
  );
  const rows = [...msg.components];
  const top = rows[0];
  if (reply.kind === 'answer' && top && top.components.length < LIMITS.buttonsPerRow)
    rows[0] = { ...top, components: [...top.components, ask] };
  else if (rows.length < LIMITS.actionRows) rows.push(row([ask]));
  return { ...msg, components: rows };
}

function renderBody(reply: Reply, ctx: RenderContext): DiscordMessage {
  const say = phrasesFor(reply.language);
  const users = reply.mention.map((p) => p.id);
  const base = {
    embeds: [] as APIEmbed[],
    components: [] as ActionRow[],
    allowedMentions: { parse: [] as [], users, repliedUser: ctx.replyTo !== undefined && users.includes(ctx.replyTo) },
    ephemeral: reply.visibility === 'private',
  };
  switch (reply.kind) {
    case 'answer': {
      const target = reply.mention[0];
      const by = reply.suggestedBy;
      // Mention syntax shows names that cannot be faked; allowed_mentions pings only the target.
      const content =
        target && by
          ? say.suggestedForYou(`<@${target.id}>`, `<@${by.id}>`)
          : target
            ? say.forYou(`<@${target.id}>`)
            : by
              ? say.sharedBy(`<@${by.id}>`)
              : undefined;
      const rows: ActionRow[] = [];
      const first: APIButtonComponent[] = [];
      if (reply.visibility === 'private' && ctx.inGuild && ctx.origin !== 'mention') {
        first.push(button(entryCustomId('p', reply.askId, reply.entry.id), say.postInChannel, 1));
      }
      first.push(button(entryCustomId('y', reply.askId, reply.entry.id), say.helpful, 3, '👍'));
      first.push(button(entryCustomId('n', reply.askId, reply.entry.id), say.notHelpful, 2, '👎'));
      if (reply.dismissibleBy) first.push(button(dismissCustomId(reply.askId, reply.dismissibleBy, reply.entry.id), say.dismiss, 2, '🗑️'));
      rows.push(row(first));
      const open = ctx.origin === 'mention' ? 'm' : 'o';
      rows.push(
        ...buttonRows(
          reply.related.map((e) => button(entryCustomId(open, reply.askId, e.id), e.question, 2)),
          LIMITS.actionRows - 1,
        ),
      );
      return { ...base, ...(content ? { content } : {}), embeds: answerEmbeds(reply.entry, reply.language), components: rows };
    }
    case 'suggest': {
      if (ctx.origin === 'message-menu' && ctx.message) {
        return {
          ...base,
          content: say.pickForMessage(`<@${ctx.message.authorId}>`),
          embeds: [previewEmbed(reply.candidates)],
          components: [
            pickMenu(
              encodeCustomId({ action: 'w', key: ctx.message.id, arg: ctx.message.authorId }),
              reply.candidates,
              say.chooseAnswerToPost,
            ),
          ],
        };
      }
      return {
        ...base,
        content: say.notSure(),
        components: choiceComponents(reply.askId, reply.candidates, ctx, say),
      };
    }
    case 'none': {
      if (ctx.origin === 'message-menu' && ctx.message) {
        return {
          ...base,
          content: say.noEntryForMessage + (reply.suggestions.length ? ` ${say.stillPickTopic}` : ''),
          components: reply.suggestions.length
            ? [
                pickMenu(
                  encodeCustomId({ action: 'w', key: ctx.message.id, arg: ctx.message.authorId }),
                  reply.suggestions,
                  say.chooseAnswerToPost,
                ),
              ]
            : [],
        };
      }
      if (reply.smallTalk) return { ...base, content: say.smallTalk[reply.smallTalk], components: [] };
      const lines = [say.noAnswer()];
      if (reply.suggestions.length) lines.push(say.closeTopics);
      const tail = ctx.origin === 'mention' ? `${say.askHumansHere} ${say.tipAutocomplete}` : say.askInChannel;
      return { ...base, content: `${lines.join(' ')}\n${tail}`, components: choiceComponents(reply.askId, reply.suggestions, ctx, say) };
    }
    case 'help': {
      const list = reply.topics.map((e, i) => `${i + 1}. ${escapeText(shorten(e.question, 200))}`).join('\n');
      const example = `\`/faq ${QUERY_OPTION[reply.language ?? 'en']}:<${say.yourQuestion}>\``;
      const description = truncateText(
        `${say.canAnswer(reply.entryCount)} ${say.popularTopics}:\n${list}\n\n${say.askWithCommandOrMention(example)}`,
        LIMITS.embedDescription,
      );
      const embed: APIEmbed = { title: shorten(neutralizeMentions(reply.title), LIMITS.embedTitle), description, color: BLURPLE };
      if (reply.footer) embed.footer = { text: shorten(neutralizeMentions(reply.footer), LIMITS.footer) };
      return { ...base, embeds: [embed], components: choiceComponents(reply.askId, reply.topics, ctx, say) };
    }
    case 'held':
      return { ...base, content: neutralizeMentions(truncateText(reply.message, LIMITS.content)) };
    case 'stats':
      return reply.summary
        ? {
            ...base,
            embeds: [
              {
                ...statsEmbed(reply.summary),
                ...(reply.knowledge
                  ? { footer: { text: shorten(neutralizeMentions(knowledgeLine(reply.knowledge)), LIMITS.footer) } }
                  : {}),
              },
            ],
          }
        : {
            ...base,
            content: neutralizeMentions(
              truncateText(
                [reply.message ?? NO_STATISTICS, ...(reply.knowledge ? [knowledgeLine(reply.knowledge)] : [])].join('\n'),
                LIMITS.content,
              ),
            ),
          };
  }
}

/**
 * A short notice of the adapter's own wording (errors, thanks, permission problems); it may
 * show channel and member mentions, and allowed_mentions lets it ping nobody.
 */
export function notice(text: string, ephemeral = true): DiscordMessage {
  return {
    content: truncateText(text, LIMITS.content),
    embeds: [],
    components: [],
    allowedMentions: { parse: [], users: [], repliedUser: false },
    ephemeral,
  };
}

// Entries are immutable and a reload makes new ones (a translated entry is one of its own), so
// an entry's embeds can be kept with it: parsing Markdown is most of the cost of a reply.
// Kept per language too: an entry without a translation is shown with the reply's labels.
const embedCache = new WeakMap<Entry, Map<Language, APIEmbed[]>>();

/** The answer as embeds: question as title, converted Markdown, links, source, footer. */
export function answerEmbeds(entry: Entry, language: Language = DEFAULT_LANGUAGE): APIEmbed[] {
  let byLanguage = embedCache.get(entry);
  if (!byLanguage) embedCache.set(entry, (byLanguage = new Map()));
  let embeds = byLanguage.get(language);
  if (!embeds) {
    embeds = buildAnswerEmbeds(entry, phrasesFor(language));
    byLanguage.set(language, embeds);
  }
  return structuredClone(embeds);
}

function buildAnswerEmbeds(entry: Entry, say: Phrases): APIEmbed[] {
  const title = shorten(neutralizeMentions(entry.question), LIMITS.embedTitle);
  const source = entry.meta.source && /^https?:\/\//.test(entry.meta.source) ? entry.meta.source : undefined;
  const linkLines = entry.links
    .filter((l) => /^https?:\/\//.test(l.url))
    .map((l) => `[${escapeText(shorten(l.title, 100)).replace(/[[\]]/g, '')}](${l.url.replace(/\)/g, '%29')})`);
  if (source)
    linkLines.push(
      `[${say.source}${entry.meta.title ? `: ${escapeText(shorten(entry.meta.title, 80)).replace(/[[\]]/g, '')}` : ''}](${source.replace(/\)/g, '%29')})`,
    );
  const linksValue = fitLines(linkLines, LIMITS.fieldValue);
  const footerText = entry.meta.footer ?? entry.meta.title;
  const footer = footerText ? shorten(neutralizeMentions(footerText), LIMITS.footer) : undefined;

  const fixed = title.length + (linksValue ? say.links.length + linksValue.length : 0) + (footer?.length ?? 0);
  let budget = LIMITS.embedTotal - fixed;
  const chunks = packBlocks(markdownToDiscordBlocks(entry.answer), LIMITS.embedDescription);
  const descriptions: string[] = [];
  for (const [i, chunk] of chunks.entries()) {
    const last = descriptions.length === LIMITS.embedsPerMessage - 1;
    if (chunk.length <= budget && (!last || i === chunks.length - 1)) {
      descriptions.push(chunk);
      budget -= chunk.length;
      continue;
    }
    // Over Discord's 6,000-character embed total: shorten cleanly and point at the full text.
    const note = source
      ? `\n\n*The answer continues in the source: ${source}*`
      : '\n\n*(shortened: the full answer is too long for Discord)*';
    const room = Math.min(LIMITS.embedDescription, budget) - note.length;
    if (room > 200) descriptions.push(truncateText(chunk, room) + note);
    else if (descriptions.length > 0)
      descriptions[descriptions.length - 1] = truncateText(descriptions.at(-1)!, descriptions.at(-1)!.length + budget - note.length) + note;
    break;
  }
  if (descriptions.length === 0) descriptions.push('(no answer text)');
  const embeds: APIEmbed[] = descriptions.map((description) => ({ description, color: BLURPLE }));
  embeds[0]!.title = title;
  if (source) embeds[0]!.url = source;
  const lastEmbed = embeds.at(-1)!;
  if (linksValue) lastEmbed.fields = [{ name: say.links, value: linksValue }];
  if (footer) lastEmbed.footer = { text: footer };
  return embeds;
}

function fitLines(lines: string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (line.length > max || length + line.length + 1 > max) break;
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}

function previewEmbed(candidates: readonly Entry[]): APIEmbed {
  return {
    color: GREY,
    fields: candidates
      .slice(0, LIMITS.selectOptions)
      .slice(0, 10)
      .map((e) => ({
        name: shorten(neutralizeMentions(e.question), LIMITS.fieldName),
        value: shorten(preview(e), 300) || '(no text)',
      })),
  };
}

/** Suggestions: a menu in private replies (it turns into the answer), buttons in public ones. */
function choiceComponents(askId: string, entries: readonly Entry[], ctx: RenderContext, say: Phrases): ActionRow[] {
  if (entries.length === 0) return [];
  if (ctx.origin === 'mention')
    return buttonRows(
      entries.map((e) => button(entryCustomId('m', askId, e.id), e.question, 2)),
      LIMITS.actionRows,
    );
  return [pickMenu(encodeCustomId({ action: 's', key: askId, arg: ctx.target?.id ?? '-' }), entries, say.chooseTopic)];
}

function pickMenu(customId: string, entries: readonly Entry[], placeholder: string): ActionRow {
  const seen = new Set<string>();
  const options: APISelectMenuOption[] = [];
  for (const e of entries.slice(0, LIMITS.selectOptions)) {
    const value = entryRef(e.id, LIMITS.selectValue);
    if (seen.has(value)) continue;
    seen.add(value);
    const description = shorten(preview(e), LIMITS.selectDescription);
    options.push({ label: shorten(neutralizeMentions(e.question), LIMITS.selectLabel), value, ...(description ? { description } : {}) });
  }
  return { type: 1, components: [{ type: 3, custom_id: customId, placeholder, min_values: 1, max_values: 1, options }] };
}

function button(customId: string, label: string, style: 1 | 2 | 3 | 4, emoji?: string): APIButtonComponent {
  return {
    type: 2,
    style,
    custom_id: customId,
    label: shorten(neutralizeMentions(label), LIMITS.buttonLabel),
    ...(emoji ? { emoji: { name: emoji } } : {}),
  };
}

function row(buttons: APIButtonComponent[]): ActionRow {
  return { type: 1, components: buttons.slice(0, LIMITS.buttonsPerRow) };
}

function buttonRows(buttons: APIButtonComponent[], maxRows: number): ActionRow[] {
  const rows: ActionRow[] = [];
  for (let i = 0; i < buttons.length && rows.length < maxRows; i += LIMITS.buttonsPerRow)
    rows.push(row(buttons.slice(i, i + LIMITS.buttonsPerRow)));
  return rows;
}

/** The answer as plain words, for menus and previews (callers cut it to their limit). */
function preview(entry: Entry): string {
  return neutralizeMentions(plainAnswer(entry));
}

function statsEmbed(s: StatsSummary): APIEmbed {
  const top = s.topEntries
    .slice(0, 10)
    .map((e, i) => `${i + 1}. ${escapeText(shorten(e.question, 90))} (${e.count})`)
    .join('\n');
  const missed = s.topUnanswered
    .slice(0, 10)
    .map((e, i) => `${i + 1}. ${escapeText(shorten(e.text, 90))} (${e.count})`)
    .join('\n');
  return {
    title: statsTitle(s.days),
    color: BLURPLE,
    fields: [
      { name: 'Questions', value: String(s.asks), inline: true },
      { name: 'Answered', value: String(s.answered), inline: true },
      { name: 'Suggested', value: String(s.suggested), inline: true },
      { name: 'Unanswered', value: String(s.unanswered), inline: true },
      { name: 'Topic lists', value: String(s.topicLists), inline: true },
      { name: 'Helpful', value: `${s.helpful} 👍 · ${s.notHelpful} 👎`, inline: true },
      { name: 'Most asked', value: truncateText(top || 'nothing yet', LIMITS.fieldValue) },
      { name: 'Not answered (add these to the knowledge base)', value: truncateText(missed || 'nothing yet', LIMITS.fieldValue) },
    ],
  };
}

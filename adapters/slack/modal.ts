// The "Answer with FAQ" modal: the message being answered, the best candidates to pick from,
// and a preview of the picked answer. What the submit handler needs travels in
// private_metadata, because Slack hands the view back without any other state.
import type { types as Slack } from '@slack/bolt';
import type { Entry, Reply } from '../../src/index.js';
import { ACTION } from './action-value.js';
import { section, type Block } from './blocks.js';
import { escapeMrkdwn, markdownToMrkdwnParts, plainTextSafe } from './mrkdwn.js';
import { splitMrkdwn, truncate } from './split.js';

export const MODAL_CALLBACK = 'faq_answer_modal';
export const PICK_BLOCK = 'faq_pick';
const MAX_OPTIONS = 10;

export interface ModalState {
  /** Channel of the message being answered. */
  readonly channelId: string;
  /** Thread to answer in: the message's thread, or the message itself. */
  readonly threadTs: string;
  /** The message's author, who will be mentioned. */
  readonly authorId?: string;
  /** The message text (cut short to keep private_metadata under Slack's 3,000 characters), for the records. */
  readonly text: string;
  /** Candidate entry ids, best first, so a change of pick can redraw the same list. */
  readonly entryIds: readonly string[];
  /** The ask that found the candidates, so the pick is recorded against the message's wording. */
  readonly askId?: string;
}

export function encodeState(s: ModalState): string {
  return JSON.stringify({ c: s.channelId, t: s.threadTs, u: s.authorId, q: truncate(s.text, 800), e: s.entryIds, a: s.askId });
}

export function decodeState(raw: string | undefined): ModalState | undefined {
  try {
    const o = JSON.parse(raw ?? '') as Record<string, unknown>;
    if (typeof o.c !== 'string' || typeof o.t !== 'string' || !Array.isArray(o.e)) return undefined;
    return {
      channelId: o.c,
      threadTs: o.t,
      text: typeof o.q === 'string' ? o.q : '',
      entryIds: o.e.filter((x): x is string => typeof x === 'string'),
      ...(typeof o.u === 'string' ? { authorId: o.u } : {}),
      ...(typeof o.a === 'string' ? { askId: o.a } : {}),
    };
  } catch {
    return undefined;
  }
}

/** The candidates a reply to a message-menu ask offers. */
export function candidatesOf(reply: Reply): readonly Entry[] {
  if (reply.kind === 'suggest') return reply.candidates;
  if (reply.kind === 'none') return reply.suggestions;
  // A message without words asks nothing; offer the topics the bot leads with.
  if (reply.kind === 'help') return reply.topics;
  return [];
}

export function buildModal(
  reply: Reply,
  state: Omit<ModalState, 'entryIds'>,
  entries: readonly Entry[] = candidatesOf(reply),
  picked = entries[0],
): Slack.ModalView {
  const shown = entries.slice(0, MAX_OPTIONS);
  const blocks: Block[] = [
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: state.authorId ? `Answering <@${state.authorId}>:` : 'Answering this message:' }],
    },
    section(quoteOf(state.text)),
  ];
  const full: ModalState = { ...state, entryIds: shown.map((e) => e.id), ...(reply.askId && !state.askId ? { askId: reply.askId } : {}) };
  if (reply.kind === 'held') {
    blocks.push(section(escapeMrkdwn(reply.message)));
    return view(blocks, full, false);
  }
  if (shown.length === 0) {
    blocks.push(section('No FAQ entry matches this message, and the knowledge base has nothing to offer instead.'));
    return view(blocks, full, false);
  }
  if (reply.kind === 'none') blocks.push(section('No entry matches this message well; these are the closest topics.'));
  const option = (e: Entry): Slack.Option => ({
    text: { type: 'plain_text', text: truncate(plainTextSafe(e.question), 75), emoji: true },
    value: e.id,
  });
  blocks.push({
    type: 'input',
    block_id: PICK_BLOCK,
    dispatch_action: true,
    label: { type: 'plain_text', text: 'Answer to post in the thread' },
    element: {
      type: 'radio_buttons',
      action_id: ACTION.modalPick,
      options: shown.map(option),
      ...(picked ? { initial_option: option(picked) } : {}),
    },
  });
  if (picked) {
    blocks.push({ type: 'divider' }, { type: 'context', elements: [{ type: 'mrkdwn', text: '*Preview*' }] });
    blocks.push({ type: 'header', text: { type: 'plain_text', text: truncate(plainTextSafe(picked.question), 150), emoji: true } });
    const [first = ''] = splitMrkdwn(markdownToMrkdwnParts(picked.answer), 2900);
    blocks.push(section(first || '_(this answer has no text)_'));
  }
  return view(blocks, full, true);
}

function view(blocks: Block[], state: ModalState, canSubmit: boolean): Slack.ModalView {
  return {
    type: 'modal',
    callback_id: MODAL_CALLBACK,
    title: { type: 'plain_text', text: 'Answer with FAQ' },
    close: { type: 'plain_text', text: canSubmit ? 'Cancel' : 'Close' },
    ...(canSubmit ? { submit: { type: 'plain_text' as const, text: 'Post answer' } } : {}),
    private_metadata: encodeState(state),
    blocks,
  };
}

function quoteOf(text: string): string {
  const t = truncate(text.trim(), 500);
  return t
    ? t
        .split('\n')
        .map((l) => `> ${escapeMrkdwn(l)}`)
        .join('\n')
    : '_(a message without text)_';
}

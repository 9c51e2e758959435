// Buttons and menus carry what a click needs in their custom_id (at most 100 characters), so
// the bot keeps no per-message state and a restart does not break old buttons.
import { createHash } from 'node:crypto';
import type { Dismissers, Entry, KnowledgeBase } from '../../src/index.js';
import { LIMITS } from './limits.js';

const PREFIX = 'faq';

/**
 * p: post in channel · y / n: helpful / not helpful · o: open an entry for the clicker ·
 * m: open an entry in reply to a mention · s: suggestion menu (arg: the member a command
 * aimed at, or "-") · w: "Answer with FAQ" pick (key: the message, arg: its author) ·
 * d: dismiss a public answer (arg: its asker, its target or "", and the entry; see dismissCustomId) ·
 * h: "Ask a human" (arg: the entry answered or suggested first, or "-").
 */
export type Action = 'p' | 'y' | 'n' | 'o' | 'm' | 's' | 'w' | 'd' | 'h';

export interface CustomId {
  action: Action;
  /** An ask id, a member id or a message id, depending on the action. */
  key: string;
  /** An entry reference, a member id, or "-". */
  arg: string;
}

const ACTIONS = new Set<string>(['p', 'y', 'n', 'o', 'm', 's', 'w', 'd', 'h']);

export function encodeCustomId(id: CustomId): string {
  const text = `${PREFIX}:${id.action}:${id.key}:${id.arg}`;
  if (text.length > LIMITS.customId) throw new Error(`custom_id over ${LIMITS.customId} characters: ${text.length}`);
  return text;
}

/** A custom_id naming an entry, hashing the entry id only when it would not fit. */
export function entryCustomId(action: Action, key: string, entryId: string): string {
  const room = LIMITS.customId - `${PREFIX}:${action}:${key}:`.length;
  return encodeCustomId({ action, key, arg: entryRef(entryId, room) });
}

export function decodeCustomId(text: string): CustomId | undefined {
  const [prefix, action, key, ...rest] = text.split(':');
  if (prefix !== PREFIX || !action || !ACTIONS.has(action) || !key || rest.length === 0) return undefined;
  return { action: action as Action, key, arg: rest.join(':') };
}

/**
 * A short, stable way to name an entry in a custom_id or a menu value: the id itself when it
 * fits (`room` characters), otherwise `#` and a hash of it.
 */
export function entryRef(entryId: string, room = 50): string {
  return entryId.length <= room ? entryId : `#${createHash('sha256').update(entryId).digest('hex').slice(0, 16)}`;
}

export function resolveEntryRef(kb: KnowledgeBase, ref: string): Entry | undefined {
  if (!ref.startsWith('#')) return kb.byId.get(ref);
  return kb.entries.find((e) => entryRef(e.id, 0) === ref);
}

/**
 * "Dismiss" carries who may use it besides moderators, so no state is kept per message. Two
 * snowflakes, an ask id and an entry do not always fit in 100 characters as decimal: the
 * member ids are written in base 36 (13 characters at most).
 */
export function dismissCustomId(askId: string, who: Dismissers, entryId: string): string {
  const people = `${toBase36(who.askerId)}.${who.targetId ? toBase36(who.targetId) : ''}.`;
  const room = LIMITS.customId - `${PREFIX}:d:${askId}:${people}`.length;
  return encodeCustomId({ action: 'd', key: askId, arg: `${people}${entryRef(entryId, room)}` });
}

export function decodeDismissArg(arg: string): { dismissers: Dismissers; entryRef: string } | undefined {
  const [asker, target, ...ref] = arg.split('.');
  if (!asker || target === undefined || ref.length === 0) return undefined;
  const askerId = fromBase36(asker);
  const targetId = target === '' ? undefined : fromBase36(target);
  if (askerId === undefined || (target !== '' && targetId === undefined)) return undefined;
  return { dismissers: { askerId, ...(targetId ? { targetId } : {}) }, entryRef: ref.join('.') };
}

function toBase36(snowflake: string): string {
  return /^\d+$/.test(snowflake) ? BigInt(snowflake).toString(36) : snowflake;
}

function fromBase36(text: string): string | undefined {
  if (!/^[0-9a-z]+$/.test(text)) return undefined;
  let n = 0n;
  for (const c of text) n = n * 36n + BigInt(parseInt(c, 36));
  return n.toString();
}

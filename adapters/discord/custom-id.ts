// Buttons and menus carry what a click needs in their custom_id (at most 100 characters), so
// the bot keeps no per-message state and a restart does not break old buttons.
import { createHash } from 'node:crypto';
import type { Entry, KnowledgeBase } from '../../src/domain.js';
import { LIMITS } from './limits.js';

const PREFIX = 'faq';

/**
 * p: post in channel · y / n: helpful / not helpful · o: open an entry for the clicker ·
 * m: open an entry in reply to a mention · s: suggestion menu (arg: the member a command
 * aimed at, or "-") · w: "Answer with FAQ" pick (key: the message, arg: its author).
 */
export type Action = 'p' | 'y' | 'n' | 'o' | 'm' | 's' | 'w';

export interface CustomId {
  action: Action;
  /** An ask id, a member id or a message id, depending on the action. */
  key: string;
  /** An entry reference, a member id, or "-". */
  arg: string;
}

const ACTIONS = new Set<string>(['p', 'y', 'n', 'o', 'm', 's', 'w']);

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

// What the store keeps about people and their words: asker ids only as a keyed hash, query
// text without platform ids, or only a redacted form when the operator asks for it.
import { createHmac } from 'node:crypto';
import { terms } from '../text/normalize.js';

/**
 * A keyed hash: the same person hashes the same within one community of one database, and ids
 * cannot be recovered without the salt. Each community hashes with its own salt (derived from
 * the database's), so records of one community cannot be joined to another's by person.
 */
export function hashPerson(salt: string, platform: string, id: string, communityId?: string): string {
  return createHmac('sha256', communitySalt(salt, communityId)).update(`${platform}:${id}`).digest('hex').slice(0, 32);
}

/** The salt of one community; records without a community (the console, older rows) keep the database's. */
export function communitySalt(salt: string, communityId: string | undefined): string {
  return communityId === undefined ? salt : createHmac('sha256', salt).update(`community:${communityId}`).digest('hex');
}

/** Mention syntax carries other people's raw platform ids; keep the words, drop the ids. */
const MENTIONS = /<(?:@[!&]?|#|!)[^>\s]{0,100}>/g;

export function stripIds(text: string): string {
  return text.replace(MENTIONS, '@someone').slice(0, 2000);
}

const IDENTIFYING = [
  /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, // e-mail addresses
  /\bhttps?:\/\/\S+/gi, // URLs (may carry tokens or names)
  /\b\w*\d{3,}\w*\b/g, // numbers and anything containing 3+ digits (order numbers, phones, ids)
];

/**
 * The redacted form kept when `storeQueryText` is false: the query's matching terms (stemmed,
 * stop words dropped), sorted, without addresses, links or numbers. Enough to group and read
 * what people lack, not enough to reconstruct what someone wrote.
 */
export function redactQuery(text: string): string {
  let out = stripIds(text);
  for (const pattern of IDENTIFYING) out = out.replace(pattern, ' ');
  return [...new Set(terms(out))].sort().join(' ');
}

/** What a store keeps of a question, whichever engine: the words without ids, or only the redacted form. */
export function storedText(raw: string, storeQueryText: boolean): { text: string; redacted: boolean } {
  return storeQueryText ? { text: stripIds(raw), redacted: false } : { text: redactQuery(raw), redacted: true };
}

/** A pick without text is linked to the same person's undecided ask at most this old. */
export const LINK_WINDOW_MS = 15 * 60_000;

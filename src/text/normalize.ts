// One normalisation for knowledge text and queries alike, so that both sides of a comparison
// went through exactly the same steps.
import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stop-words.js';

/** Platform mention and markup syntax that carries no meaning for matching. */
const PLATFORM_MARKUP = [
  /<[@#!][^>\s]{0,100}>/g, // <@U024BE7LH> <@!123> <#C123|general> <!here> <@&role>
  /<a?:\w{1,64}:\d{1,30}>/g, // custom emoji <:name:123>
  /(^|\s):[a-z0-9_+-]{1,64}:(?=\s|$)/g, // :shortcode: emoji
  /@(everyone|here|channel)\b/gi,
];
/**
 * Characters that render as nothing (soft hyphen, word joiner, zero-width space and joiners,
 * BOM, variation selectors...): removed without a trace, so "pass\u2060word" is "password".
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
// Each joiner and variation selector is dropped on its own, not as part of a sequence.
// eslint-disable-next-line no-misleading-character-class
const PICTOGRAPHS = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f]/gu;
const COMBINING = /[\u0300-\u036f]/g;

/** `text` without the characters that render as nothing (see INVISIBLE). */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Lower-cased, accent-free, markup-free text with words separated by single spaces. */
export function cleanText(text: string): string {
  return clean(text, false);
}

/**
 * As cleanText, accents kept: the German and Spanish stemmers read them ("instalación" is
 * stemmed as a noun of action, "instalacion" not), and fold them away afterwards.
 */
export function cleanTextWithAccents(text: string): string {
  return clean(text, true);
}

function clean(text: string, keepAccents: boolean): string {
  // Plain ASCII needs no Unicode work, and most text has no platform markup: skip what does
  // not apply (this runs for every phrasing of a knowledge base at start-up).
  // eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
  const ascii = /^[\x00-\x7f]*$/.test(text);
  let out = ascii
    ? text
    : keepAccents
      ? text.replace(INVISIBLE, '').normalize('NFKC')
      : text.replace(INVISIBLE, '').normalize('NFKD').replace(COMBINING, '').normalize('NFKC');
  if (/[<:@]/.test(out)) for (const pattern of PLATFORM_MARKUP) out = out.replace(pattern, ' ');
  if (!ascii) out = out.replace(PICTOGRAPHS, ' ');
  out = out.toLowerCase();
  // Apostrophes join ("what's" → "whats"); every other non-letter, non-digit separates.
  out = out.replace(/['’`]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ');
  return out.trim();
}

/** The words of `text`, cleaned but neither filtered nor stemmed. */
export function words(text: string): string[] {
  const clean = cleanText(text);
  return clean === '' ? [] : clean.split(' ');
}

const stemCache = new Map<string, string>();

export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\p{N}+$/u.test(word) || word.length <= 3 ? word : stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/**
 * The terms matching works on: cleaned, stop words dropped, stemmed. When a text is nothing but
 * stop words ("what is it"), they are kept, so that short phrasings still have terms.
 */
export function terms(text: string): string[] {
  const all = words(text);
  const content = all.filter((w) => !STOP_WORDS.has(w));
  return (content.length > 0 ? content : all).map(stem);
}

/** True when the text has nothing to match on: only emoji, punctuation, mentions or spaces. */
export function isContentless(text: string): boolean {
  return words(text).length === 0;
}

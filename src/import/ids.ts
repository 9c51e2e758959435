// Entry ids from questions: kebab-case, short enough to type, unique in one file. The matcher
// indexes an id as one more phrasing, so an id that repeats the question word for word adds
// nothing: the words that only make it a question ("how do I", "the", "my") are dropped.
import { ID_PATTERN } from '../knowledge/validate.js';
import type { Language } from '../language/languages.js';
import { STOP_WORDS_BY_LANGUAGE } from '../text/stop-words.js';

const MAX_SLUG_LENGTH = 60;
export const MAX_ID_LENGTH = 40;

/** Words that make a sentence a question, or glue it, but do not say what it is about. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'how',
  'what',
  'whats',
  'why',
  'where',
  'when',
  'who',
  'whom',
  'whose',
  'which',
  'do',
  'does',
  'did',
  'i',
  'im',
  'ive',
  'me',
  'my',
  'we',
  'our',
  'us',
  'you',
  'your',
  'youre',
  'it',
  'its',
  'is',
  'are',
  'am',
  'was',
  'were',
  'be',
  'been',
  'can',
  'could',
  'should',
  'would',
  'will',
  'shall',
  'may',
  'might',
  'must',
  'has',
  'have',
  'had',
  'there',
  'this',
  'that',
  'these',
  'those',
  'to',
  'of',
  'in',
  'on',
  'for',
  'with',
  'at',
  'by',
  'from',
  'as',
  'into',
  'about',
  'so',
  'if',
  'or',
  'and',
  'any',
  'some',
  'just',
  'actually',
  'really',
  'also',
  'still',
  'then',
  'than',
  'even',
]);

/** Kept in an id whatever the stop lists say: "zustand-nicht-aktualisiert" is not "zustand-aktualisiert". */
const NEGATIONS = new Set([
  'not',
  'no',
  'nicht',
  'kein',
  'keine',
  'keinen',
  'keinem',
  'keiner',
  'keines',
  'nichts',
  'ohne',
  'ni',
  'nunca',
  'nada',
  'sin',
]);

export function slugify(text: string): string {
  const slug = words(text).join('-');
  if (slug.length <= MAX_SLUG_LENGTH) return slug || 'question';
  return cutAtWord(slug, MAX_SLUG_LENGTH);
}

/** The id an entry gets from its question: its meaningful words, at most 40 characters, cut at a word. */
export function shortId(text: string, language: Language = 'en'): string {
  const all = words(text);
  // A German or Spanish question's function words ("wie", "kann", "ich"; "cómo", "puedo") too.
  const own = language === 'en' ? undefined : STOP_WORDS_BY_LANGUAGE[language];
  const meaningful = all.filter((word) => !STOP_WORDS.has(word) && (!own?.has(word) || NEGATIONS.has(word)));
  // "Why?" or "What is it?" have no word left; the whole question is better than nothing.
  // A number alone ("Why? (2)" → "2") is no name either.
  const kept = meaningful.some((word) => /[a-z]/.test(word)) ? meaningful : all;
  const slug = kept.join('-');
  if (slug === '') return 'question';
  return slug.length <= MAX_ID_LENGTH ? slug : cutAtWord(slug, MAX_ID_LENGTH);
}

/** A short id for `text` not yet in `taken` (then adds it): `foo`, `foo-2`, `foo-3`... */
export function uniqueId(text: string, taken: Set<string>, language: Language = 'en'): string {
  const base = shortId(text, language);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  if (!ID_PATTERN.test(id)) throw new Error(`internal: slug "${id}" is not kebab-case`);
  taken.add(id);
  return id;
}

function words(text: string): string[] {
  return (
    text
      // Marks, not words: NFKD would spell ™ as "tm" ("Why Zephyr™?" → "zephyrtm").
      .replace(/[™®©℠]/g, ' ')
      // "up-to-date" is one word: its "to" must not be dropped as a stop word ("keep-up-date").
      .replace(/\b\w+(?:-\w+){2,}\b/g, (compound) => compound.replace(/-/g, '_'))
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // "what's" reads better as "whats" than "what-s".
      .replace(/['’]/g, '')
      .split(/[^a-z0-9_]+/)
      .map((word) => word.replace(/_+/g, '-').replace(/^-|-$/g, ''))
      .filter(Boolean)
  );
}

/** Words that only join what follows: an id cut after one ends mid-thought ("client-but"). */
const DANGLING = new Set([
  'but',
  'like',
  'and',
  'or',
  'nor',
  'than',
  'because',
  'so',
  'yet',
  'then',
  'when',
  'while',
  'if',
  'vs',
  'versus',
  'without',
  'cant',
  'dont',
  'doesnt',
  'isnt',
  'wont',
  'also',
  'still',
  'even',
  'only',
  'just',
  'very',
]);

function cutAtWord(slug: string, max: number): string {
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  const words = (at > 0 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '').split('-');
  while (words.length > 1 && DANGLING.has(words.at(-1)!)) words.pop();
  return words.join('-');
}

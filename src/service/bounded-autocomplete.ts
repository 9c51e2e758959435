// Autocomplete whose work per keystroke does not grow with the knowledge base. The matcher's
// autocomplete runs fuse.js over every entry, and its cost per entry grows with the text typed
// (past 32 characters fuse.js searches in chunks): 5 s a keystroke at 10,000 entries and 43
// characters, on the one thread that also answers everyone else. Here a prefix index picks at
// most MAX_CANDIDATES entries that share word beginnings with what was typed, rarest words
// first, and fuse.js ranks only those, on the typed words without stop words, at most
// MAX_TYPED_CHARS of them.
import type { AutocompleteChoice, Entry, KnowledgeBase } from '../domain.js';
import type { Language } from '../language/languages.js';
import { Autocompleter } from '../match/autocomplete.js';
import { isStopWord, words } from '../text/normalize.js';

/** Entries fuse.js looks at per keystroke, at most. */
export const MAX_CANDIDATES = 100;
/** The text typed that fuse.js sees: the end, where the member is typing, whole words. */
export const MAX_TYPED_CHARS = 32;

/**
 * The keys an entry is found by: each word of its titles whole, and its first 2 and 3 letters
 * (for the word being typed, and for a typo after the third letter).
 */
function keysOf(word: string): string[] {
  if (word.length < 2) return [];
  return word.length === 2 ? [`p:${word}`, `w:${word}`] : [`w:${word}`, `p:${word.slice(0, 2)}`, `p:${word.slice(0, 3)}`];
}

/** Two words in a row (the second by its beginning): what tells "reset my password" from "my password reset" apart. */
function pairKey(first: string, second: string): string {
  return `b:${first} ${second.slice(0, 3)}`;
}

/** The content words of a phrasing, in order (stop words say nothing about the entry). */
function contentWords(text: string): string[] {
  const all = words(text);
  const content = all.filter((w) => !isStopWord(w));
  return content.length > 0 ? content : all;
}

/**
 * What typed text looks for: finished words whole and by their beginning, the last one (maybe
 * half typed) by its beginning, and each two words in a row.
 */
function queryKeys(typed: string): string[] {
  const all = contentWords(typed);
  return all.flatMap((w, i) => {
    const keys = i > 0 && w.length >= 2 ? [pairKey(all[i - 1]!, w)] : [];
    if (w.length < 2) return keys;
    const start = `p:${w.slice(0, Math.min(3, w.length))}`;
    return i < all.length - 1 ? [...keys, `w:${w}`, start] : [...keys, start];
  });
}

function entryText(e: Entry): string[] {
  const translated = Object.values(e.translations ?? {}).flatMap((t) => (t ? [t.question, ...t.alternates] : []));
  return [e.question, e.id.replace(/-/g, ' '), ...e.keywords, ...e.alternates, ...translated];
}

export class BoundedAutocomplete {
  /** Word and word beginning → indexes of the entries that have it; built on first use. */
  #postings: Map<string, number[]> | undefined;
  /** Each entry's words, to follow the word being typed past its third letter. */
  #words: (readonly string[])[] = [];

  constructor(private readonly kb: KnowledgeBase) {}

  private get postings(): Map<string, number[]> {
    if (this.#postings) return this.#postings;
    const postings = new Map<string, number[]>();
    const add = (key: string, i: number, own: Set<string>) => {
      if (own.has(key)) return;
      own.add(key);
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    };
    this.#words = this.kb.entries.map((entry, i) => {
      const own = new Set<string>();
      const entryWords = new Set<string>();
      for (const text of entryText(entry)) {
        const all = words(text);
        let previous: string | undefined;
        for (const w of all) {
          entryWords.add(w);
          for (const key of keysOf(w)) add(key, i, own);
          if (isStopWord(w)) continue;
          if (previous !== undefined) add(pairKey(previous, w), i, own);
          previous = w;
        }
      }
      return [...entryWords];
    });
    this.#postings = postings;
    return postings;
  }

  /**
   * The entries worth ranking for `typed`: those sharing the most, and the rarest, word
   * beginnings with it (a typo after the third letter still finds its entry).
   */
  candidates(typed: string, limit = MAX_CANDIDATES): Entry[] {
    const n = this.kb.entries.length;
    if (n <= limit) return [...this.kb.entries];
    const postings = this.postings;
    const keys = new Set(queryKeys(typed));
    const score = new Float64Array(n);
    const hit: number[] = [];
    for (const key of keys) {
      const list = postings.get(key);
      if (!list) continue;
      const rarity = Math.log(1 + n / list.length);
      for (const i of list) {
        if (score[i] === 0) hit.push(i);
        score[i] = score[i]! + rarity;
      }
    }
    // The word being typed, past its third letter, tells entries sharing its beginning apart.
    const last = words(typed).at(-1) ?? '';
    if (last.length > 3) {
      const bonus = 1.5 * Math.log(1 + n / (postings.get(`p:${last.slice(0, 3)}`)?.length ?? n));
      for (const i of hit) if (this.#words[i]!.some((w) => w.startsWith(last))) score[i] = score[i]! + bonus;
    }
    return hit
      .sort((a, b) => score[b]! - score[a]! || a - b)
      .slice(0, limit)
      .map((i) => this.kb.entries[i]!);
  }

  /** `language`: whose questions the labels are (the base's when absent). */
  complete(partial: string, limit: number, popularity: ReadonlyMap<string, number>, language?: Language): AutocompleteChoice[] {
    const typed = typedPart(partial);
    const shortlist = this.candidates(typed);
    if (shortlist.length === 0) return [];
    const sub: KnowledgeBase = { ...this.kb, entries: shortlist, byId: new Map(shortlist.map((e) => [e.id, e] as const)) };
    return new Autocompleter(sub, language).complete(typed, limit, popularity);
  }
}

/**
 * What fuse.js is given of a partly typed query: its words without stop words ("how do I" says
 * nothing about the entry), and of a long one the last `max` characters, starting at a word.
 */
export function typedPart(text: string, max = MAX_TYPED_CHARS): string {
  const all = words(text);
  const content = all.filter((w) => !isStopWord(w));
  return tail((content.length > 0 ? content : all).join(' '), max);
}

/** The last `max` characters of `text`, starting at a word. */
export function tail(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const cut = one.slice(one.length - max);
  if (one[one.length - max - 1] === ' ') return cut; // it starts at a word already
  const space = cut.indexOf(' ');
  return space > 0 && space < cut.length - 1 ? cut.slice(space + 1) : cut;
}

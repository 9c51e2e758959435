// Autocomplete for a partly typed query: fuse.js is at its best here (short strings, typos,
// prefixes), searching titles, keywords and alternates.
import Fuse from 'fuse.js';
import type { AutocompleteChoice, Entry, KnowledgeBase } from '../domain.js';
import type { Language } from '../language/languages.js';
import { localized } from '../language/localize.js';
import { cleanText } from '../text/normalize.js';

/** A choice's label: the question on one line. Each adapter cuts it to its platform's limit. */
export function label(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What to show before anyone types (an empty autocomplete box, help, "no answer" in a menu):
 * pinned entries first, then the most asked, then knowledge-base order.
 */
export function leadingEntries(kb: KnowledgeBase, popularity: ReadonlyMap<string, number>, limit: number): Entry[] {
  return kb.entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        Number(b.entry.pinned) - Number(a.entry.pinned) ||
        (popularity.get(b.entry.id) ?? 0) - (popularity.get(a.entry.id) ?? 0) ||
        a.index - b.index,
    )
    .slice(0, limit)
    .map((x) => x.entry);
}

/**
 * What autocomplete searches for members of a language: the entry in that language, with the
 * base's question and alternates among its alternates (product names and English words are
 * typed in every language).
 */
function searchable(entry: Entry, language: Language | undefined): Entry {
  const shown = localized(entry, language);
  return shown === entry ? entry : { ...shown, alternates: [...shown.alternates, entry.question, ...entry.alternates] };
}

export class Autocompleter {
  private fuseIndex: Fuse<Entry> | undefined;

  /** `language`: whose questions the labels are; the base's when absent. */
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly language?: Language,
  ) {}

  /** Built on first use: answering never needs it, and a large base starts faster without it. */
  private get fuse(): Fuse<Entry> {
    this.fuseIndex ??= new Fuse(
      this.kb.entries.map((e) => searchable(e, this.language)),
      {
        keys: [
          { name: 'question', weight: 3 },
          { name: 'keywords', weight: 3 },
          { name: 'id', weight: 2 },
          { name: 'alternates', weight: 1 },
        ],
        ignoreLocation: true,
        threshold: 0.4,
        includeScore: true,
        getFn: (entry, path) => {
          const key = Array.isArray(path) ? path[0] : path;
          const value = (entry as unknown as Record<string, string | readonly string[]>)[key as string];
          return Array.isArray(value) ? value.map(cleanText) : cleanText(String(value ?? ''));
        },
      },
    );
    return this.fuseIndex;
  }

  complete(partial: string, limit: number, popularity: ReadonlyMap<string, number>): AutocompleteChoice[] {
    const query = cleanText(partial);
    const entries = query === '' ? leadingEntries(this.kb, popularity, limit) : this.fuse.search(query, { limit }).map((r) => r.item);
    return entries.slice(0, limit).map((entry) => ({ label: label(localized(entry, this.language).question), entryId: entry.id }));
  }
}

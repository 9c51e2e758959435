// How the text of one language becomes matching terms: its words, its stop words, its
// stemmer. English keeps the Porter stemmer (`stemmer`) the matcher was tuned with; German and
// Spanish use Snowball's stemmers as @orama/stemmers ships them (maintained, no dependencies,
// ESM with types). Stems are folded (no accents, umlauts or tildes), so a member who types
// "contrasena" or "Passworter" meets "contraseña" and "Passwörter".
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import type { Language } from '../language/languages.js';
import { cleanTextWithAccents, stem as englishStem, terms as englishTerms, words as englishWords } from './normalize.js';
import { fold, STOP_WORDS_BY_LANGUAGE } from './stop-words.js';

export interface Analyzer {
  readonly language: Language;
  /** A phrasing's terms: words without stop words (all of them when nothing else is left), stemmed. */
  terms(text: string): string[];
  /** The words of a text as this language splits them, cleaned but neither filtered nor stemmed. */
  words(text: string): string[];
  isStopWord(word: string): boolean;
  stem(word: string): string;
}

const english: Analyzer = {
  language: 'en',
  // Exactly the functions the matcher used before it knew languages: English figures must not move.
  terms: englishTerms,
  words: englishWords,
  isStopWord: (word) => STOP_WORDS_BY_LANGUAGE.en.has(fold(word)),
  stem: (word) => englishStem(fold(word)),
};

/**
 * A member who leaves out the accent of the most common Spanish ending ("instalacion",
 * "configuracion") still means the noun: the stemmer only knows it accented. Spanish writes
 * no word ending in an unaccented -cion.
 */
const spanishSpelling = (word: string) => word.replace(/cion$/, 'ción');

function snowball(language: Language, stemmer: (word: string) => string, spelling: (word: string) => string = (w) => w): Analyzer {
  const stops = STOP_WORDS_BY_LANGUAGE[language];
  const cache = new Map<string, string>();
  const isStopWord = (word: string) => stops.has(fold(word));
  const stem = (word: string) => {
    let s = cache.get(word);
    if (s === undefined) {
      // As in English: numbers and short words are their own stems.
      s = fold(/^\p{N}+$/u.test(word) || word.length <= 3 ? word : stemmer(spelling(word)));
      if (cache.size < 200_000) cache.set(word, s);
    }
    return s;
  };
  const words = (text: string) => {
    const clean = cleanTextWithAccents(text);
    return clean === '' ? [] : clean.split(' ');
  };
  return {
    language,
    words,
    isStopWord,
    stem,
    terms(text) {
      const all = words(text);
      const content = all.filter((w) => !isStopWord(w));
      return (content.length > 0 ? content : all).map(stem);
    },
  };
}

const ANALYZERS: Readonly<Record<Language, Analyzer>> = {
  en: english,
  de: snowball('de', german),
  es: snowball('es', spanish, spanishSpelling),
};

export function analyzerFor(language: Language): Analyzer {
  return ANALYZERS[language];
}

/**
 * A query's terms in an index that holds phrasings of two languages: the member's and the
 * base's. Words that are stop words in either are dropped (a German member may write "how do
 * I", an English base's phrasings never keep "wie"); each word takes the stem of the member's
 * language, or the base language's stem when only that one is a term the index knows.
 */
export function mixedQueryTerms(text: string, member: Analyzer, base: Analyzer, known: (term: string) => boolean): string[] {
  const all = member.words(text);
  const content = all.filter((w) => !member.isStopWord(w) && !base.isStopWord(w));
  return (content.length > 0 ? content : all).map((w) => {
    const own = member.stem(w);
    if (known(own)) return own;
    const other = base.stem(w);
    return known(other) ? other : own;
  });
}

// The language a page is written in, so a fresh import of a German or Spanish FAQ says
// `language: de` and the bot answers its members with German words around the answers. From
// what the page says first (its front matter), then where it is published (`/de/faq/`), then
// its questions' function words. English is the default and is never written.
import { LANGUAGES, languageOfLocale, type Language } from '../language/languages.js';
import { analyzerFor } from '../text/analyzer.js';

export interface PageLanguage {
  readonly language: Language;
  /** Where it was read from, for the report. */
  readonly from: string;
}

/** A language folder in a published address: `/de/`, `/es-mx/`, `/de-de/`. */
const LANGUAGE_FOLDER = /^([a-z]{2})(?:[-_][a-z]{2,4})?$/i;
/** Function words of a language among the questions' words: this many, and twice any other's. */
const MIN_FUNCTION_WORDS = 3;

export function pageLanguage(
  frontMatter: Record<string, unknown> | undefined,
  baseUrl: URL | undefined,
  questions: readonly string[],
): PageLanguage | undefined {
  for (const key of ['lang', 'language', 'locale']) {
    const value = frontMatter?.[key];
    if (typeof value !== 'string') continue;
    const language = languageOfLocale(value);
    if (language) return language === 'en' ? undefined : { language, from: `the front matter's \`${key}: ${value}\`` };
  }
  for (const folder of baseUrl?.pathname.split('/') ?? []) {
    const language = LANGUAGE_FOLDER.test(folder) ? languageOfLocale(folder) : undefined;
    if (language && language !== 'en') return { language, from: `the /${folder}/ folder of --base-url` };
  }
  const counts = new Map<Language, number>();
  for (const language of LANGUAGES) {
    const analyzer = analyzerFor(language);
    const hits = questions.flatMap((q) => analyzer.words(q)).filter((word) => analyzer.isStopWord(word)).length;
    if (hits > 0) counts.set(language, hits);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, next] = ranked;
  if (!best || best[0] === 'en' || best[1] < MIN_FUNCTION_WORDS || best[1] < 2 * (next?.[1] ?? 0)) return undefined;
  return { language: best[0], from: `the questions' words (${best[1]} ${best[0]} function words)` };
}

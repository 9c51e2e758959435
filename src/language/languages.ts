// The languages faqbot matches in and speaks, and how a platform's locale names one. A
// language is here only when all three exist for it: a stemmer, stop words and the bot's
// sentences (phrases.ts). Pure.

export const LANGUAGES = ['en', 'de', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A knowledge base that declares no `language:` is in English. */
export const DEFAULT_LANGUAGE: Language = 'en';

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', de: 'German', es: 'Spanish' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language of a platform locale: Discord's `de`, `es-ES`, `es-419`, `en-GB`; Slack's
 * `de-DE`, `es-LA`; case and `_` forgiven. Undefined for a language faqbot does not speak.
 */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  const primary = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : undefined;
}

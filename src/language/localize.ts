// An entry as members of one language read it, and which language a reply is in. Pure.
import type { Entry, KnowledgeBase } from '../domain.js';
import { languageOfLocale, type Language } from './languages.js';

// Entries are immutable and a reload makes new ones: each entry's translated form is made once,
// so the adapters' per-entry render caches keep working.
const made = new WeakMap<Entry, Map<Language, Entry>>();

/**
 * The entry in `language`: its translated question, answer and alternates, everything else as
 * it is. The entry itself when it has no translation into that language (the base's words).
 */
export function localized(entry: Entry, language: Language | undefined): Entry {
  const t = language === undefined ? undefined : entry.translations?.[language];
  if (!t || language === undefined) return entry;
  let forms = made.get(entry);
  if (!forms) made.set(entry, (forms = new Map()));
  let form = forms.get(language);
  if (!form) forms.set(language, (form = { ...entry, question: t.question, answer: t.answer, alternates: t.alternates }));
  return form;
}

/**
 * The language a reply is in: the first of `preferences` (the member's locale, then the
 * channel's and the community's configured language, then the place's locale) that the base
 * speaks, else the base's own. A base speaks its language and those it has translations into.
 */
export function replyLanguage(kb: Pick<KnowledgeBase, 'language' | 'languages'>, preferences: readonly (string | undefined)[]): Language {
  for (const preference of preferences) {
    const language = languageOfLocale(preference);
    if (language && kb.languages.includes(language)) return language;
  }
  return kb.language;
}

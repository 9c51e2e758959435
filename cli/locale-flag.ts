// `--locale LOCALE` for the console commands: ask as a member whose Discord or Slack is set to
// that locale would (`de`, `es-ES`), to try a knowledge base's translations from a terminal.
import { FaqbotError } from '../src/errors.js';
import { LANGUAGES } from '../src/language/languages.js';
import { stringFlag } from './context.js';
import type { Query } from '../src/domain.js';

export const localeOption = { locale: { type: 'string' } } as const;
export const localeHelp = {
  locale: `answer as for a member with this locale, e.g. de or es-ES (the knowledge's languages among ${LANGUAGES.join(', ')}; others get its own)`,
};

export function localeOf(value: unknown): { locale?: string } {
  const locale = stringFlag(value)?.trim();
  if (locale === undefined) return {};
  if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(locale)) {
    throw new FaqbotError('usage', `--locale ${JSON.stringify(locale)} is not a locale; write a language code such as de, es or es-ES`);
  }
  return { locale };
}

/** What the terminal asks the service with: the console is one member in one place. */
export function consoleQuery(text: string, locale: { locale?: string }): Query {
  return { text, platform: 'console', channelId: 'console', asker: { id: 'console' }, via: 'console', ...locale };
}

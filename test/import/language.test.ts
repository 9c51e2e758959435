// A German or Spanish FAQ page imports as one: `language:` set, its headings kept in its own
// words, ids without its function words.
import { describe, expect, it } from 'vitest';
import { importPage } from '../../src/import/page.js';
import { mergeDraft } from '../../src/import/merge.js';
import { formatNotes } from '../../src/import/report.js';
import { pageLanguage } from '../../src/import/language.js';

const german =
  '## Wie kann ich ein Logfile zur Fehleranalyse erstellen?\n\nMit `app --log`.\n\n## Zustand nicht aktualisiert\n\nAlle Felder übergeben.\n\n## Kann ich mehrere Geräte nutzen?\n\nJa, bis zu fünf.\n';

describe('the language of an imported page', () => {
  it('is read from the questions, and the report says so', () => {
    const page = importPage(german);
    expect(page.draft.language).toBe('de');
    expect(formatNotes(page)).toContain("  language: de, from the questions' words (8 de function words)");
  });

  it('keeps a statement heading in its own words, and leaves function words but not negations out of ids', () => {
    const { draft } = importPage(german);
    expect(draft.entries.map((e) => [e.id, e.question])).toEqual([
      ['logfile-fehleranalyse-erstellen', 'Wie kann ich ein Logfile zur Fehleranalyse erstellen?'],
      ['zustand-nicht-aktualisiert', 'Zustand nicht aktualisiert'],
      ['mehrere-gerate-nutzen', 'Kann ich mehrere Geräte nutzen?'],
    ]);
  });

  it.each([
    [{ lang: 'es-MX' }, undefined, [], 'es', "the front matter's `lang: es-MX`"],
    [undefined, 'https://docs.example.org/de/faq/', ['How do I start?'], 'de', 'the /de/ folder of --base-url'],
    [undefined, 'https://docs.example.org/es-es/faq', [], 'es', 'the /es-es/ folder of --base-url'],
    [
      undefined,
      undefined,
      ['¿Cómo puedo crear un registro de errores?', '¿Podré pasar de la versión beta a las siguientes?'],
      'es',
      "the questions' words (8 es function words)",
    ],
  ] as const)('%j, %s, %j → %s', (frontMatter, base, questions, language, from) => {
    expect(pageLanguage(frontMatter, base ? new URL(base) : undefined, questions)).toEqual({ language, from });
  });

  it.each([
    [
      'an English page',
      undefined,
      undefined,
      ['How do I reset my password?', 'Is there a mobile app?', 'What is the difference between plans?'],
    ],
    ['English front matter on German-looking words', { lang: 'en' }, undefined, ['Wie kann ich das machen?', 'Was ist das?']],
    ['too few words to tell', undefined, undefined, ['Ja?']],
    ['a folder that is no language', undefined, 'https://osu.ppy.sh/wiki/en/FAQ', ['How to play?']],
  ])('is English (left out of the file) for %s', (_name, frontMatter, base, questions) => {
    expect(pageLanguage(frontMatter, base ? new URL(base) : undefined, questions)).toBeUndefined();
  });

  it('is taken on re-import into a file that declares none, and never replaces one it declares', () => {
    const fresh = importPage(german).draft;
    expect(mergeDraft({ entries: [] }, fresh).draft.language).toBe('de');
    expect(mergeDraft({ language: 'es', entries: [] }, fresh).draft.language).toBe('es');
  });
});

// Translations in the knowledge format: what the loader (and so `faqbot check` and the bot at
// start-up) refuses, each at file:line:col with the fix.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKnowledge, formatProblem } from '../../src/knowledge/load.js';

function problems(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-lang-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return checkKnowledge(dir, dir).problems.filter((p) => p.severity === 'error').map(formatProblem);
}

const entry = (translations: string, id = 'reset-password', question = 'How do I reset my password?') => `  - id: ${id}
    question: ${question}
    answer: Use the reset link.
    translations:
${translations}`;

describe('translations in the knowledge format', () => {
  it('loads a valid translation with its question, answer and alternates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-lang-'));
    writeFileSync(join(dir, 'faq.yaml'), `entries:\n${entry('      de:\n        question: Wie setze ich mein Passwort zurück?\n        answer: Mit dem Link.\n        alternates: [Passwort vergessen]\n')}`);
    const { knowledge, problems: found } = checkKnowledge(dir, dir);
    expect(found).toEqual([]);
    expect(knowledge!.languages).toEqual(['en', 'de']);
    expect(knowledge!.entries[0]!.translations!.de).toMatchObject({ question: 'Wie setze ich mein Passwort zurück?', alternates: ['Passwort vergessen'], location: { file: 'faq.yaml', line: 7 } });
  });

  it('refuses an unknown language code, naming the languages faqbot speaks', () => {
    expect(problems({ 'faq.yaml': `entries:\n${entry('      fr:\n        question: Comment ?\n        answer: Ainsi.\n')}` })).toEqual([
      'faq.yaml:6:7: entry `reset-password`: unknown language code `fr` in `translations`; use one of en (English), de (German), es (Spanish)',
    ]);
  });

  it('refuses a regional locale, saying to write the language alone', () => {
    const [problem] = problems({ 'faq.yaml': `entries:\n${entry('      es-ES:\n        question: ¿Cómo?\n        answer: Así.\n')}` });
    expect(problem).toMatch(/^faq\.yaml:6:7: entry `reset-password`: unknown language code `es-ES` in `translations`; write the language alone, `es`/);
  });

  it('refuses a translation without its answer or its question, at the translation', () => {
    expect(problems({ 'faq.yaml': `entries:\n${entry('      de:\n        question: Wie?\n      es:\n        answer: Así.\n')}` })).toEqual([
      'faq.yaml:7:9: entry `reset-password`: the `de` translation: missing `answer`; add `answer: ...` (a translation needs its question and its answer)',
      'faq.yaml:9:9: entry `reset-password`: the `es` translation: missing `question`; add `question: ...` (a translation needs its question and its answer)',
    ]);
  });

  it('refuses keys a translation cannot have, and a translation that is not a mapping', () => {
    const found = problems({ 'faq.yaml': `entries:\n${entry('      de:\n        question: Wie?\n        answer: So.\n        keywords: [passwort]\n      es: Así.\n')}` });
    expect(found).toEqual([
      'faq.yaml:9:9: entry `reset-password`: the `de` translation: unknown key `keywords`; a translation has question, answer, alternates; ids, keywords, links and the rest are shared by every language',
      'faq.yaml:10:11: entry `reset-password`: the `es` translation must be a mapping with `question` and `answer`; indent `question:` and `answer:` (in Spanish) under `es:`',
    ]);
  });

  it('refuses a base language faqbot does not speak, and files of one base declaring different languages', () => {
    expect(problems({ 'faq.yaml': `language: english\nentries:\n${entry('      de:\n        question: Wie?\n        answer: So.\n')}` })[0])
      .toBe('faq.yaml:1:11: `language` "english" is not a language faqbot matches in; use one of en (English), de (German), es (Spanish)');
    const two = problems({
      'a.yaml': 'language: de\nentries:\n  - id: one\n    question: Eins?\n    answer: Ja.\n',
      'b.yaml': 'language: es\nentries:\n  - id: two\n    question: ¿Dos?\n    answer: Sí.\n',
    });
    expect(two).toEqual([expect.stringMatching(/^b\.yaml:1:1: `language: es` differs from `language: de` in a\.yaml; a knowledge base has one language/)]);
  });

  it('refuses a translation into the base language', () => {
    const [problem] = problems({ 'faq.yaml': `language: de\nentries:\n${entry('      de:\n        question: Wie?\n        answer: So.\n', 'reset', 'Wie setze ich es zurück?')}` });
    expect(problem).toMatch(/^faq\.yaml:8:9: entry `reset`: a `de` translation, but German is the knowledge base's language/);
  });

  it('refuses a phrasing two entries share in one language, translated or not', () => {
    const found = problems({
      'faq.yaml': `entries:\n${entry('      de:\n        question: Wie setze ich mein Passwort zurück?\n        answer: So.\n        alternates: [Konto Hilfe]\n')}\n`
        + `${entry('      de:\n        question: Wie lösche ich mein Konto?\n        answer: So.\n        alternates: [konto hilfe, How do I reset my password]\n', 'delete-account', 'How do I delete my account?')}`,
    });
    expect(found).toEqual([
      expect.stringMatching(/^faq\.yaml:\d+:9: entry `delete-account`: the German phrasing "konto hilfe" is also a phrasing of `reset-password`/),
      expect.stringMatching(/^faq\.yaml:\d+:9: entry `delete-account`: the German phrasing "How do I reset my password" is also a phrasing of `reset-password`/),
    ]);
  });
});

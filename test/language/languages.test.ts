// Languages in the core: the member's locale picks the reply's language, the query is matched
// against the phrasings of its language (plus the base's) with that language's stemmer and stop
// words, and a missing translation falls back to the base language. On the English, German and
// Spanish fixture base (test/fixtures/languages), written for these tests.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildMatcher } from '../../src/match/matcher.js';
import { analyzerFor } from '../../src/text/analyzer.js';
import { terms } from '../../src/text/normalize.js';
import { AnswerService } from '../../src/service/answer-service.js';
import { languageOfLocale } from '../../src/language/languages.js';
import { PHRASES } from '../../src/language/phrases.js';
import type { Query, Reply } from '../../src/domain.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/languages/knowledge');
const { knowledge } = loadKnowledge(FIXTURE);
const matcher = buildMatcher(knowledge);

const top = (language: 'en' | 'de' | 'es', text: string) => {
  const m = matcher.inLanguage(language).match(text);
  return { decision: m.decision, id: m.candidates[0]?.entry.id };
};

describe('the fixture base', () => {
  it('is in English and speaks German and Spanish through its translations', () => {
    expect(knowledge.language).toBe('en');
    expect(knowledge.languages).toEqual(['en', 'de', 'es']);
    expect(knowledge.byId.get('reset-password')!.translations!.de!.question).toBe('Wie setze ich mein Passwort zurück?');
  });
});

describe('stemming per language', () => {
  it('German: plural and inflected forms share a stem with the word the knowledge uses, umlauts or not', () => {
    const de = analyzerFor('de');
    expect(de.terms('Passwörtern')).toEqual(de.terms('Passwort'));
    expect(de.terms('Passworter')).toEqual(de.terms('Passwort'));
    expect(de.terms('Geräten')).toEqual(de.terms('Gerät'));
    expect(de.terms('Rechnungen')).toEqual(de.terms('Rechnung'));
  });

  it('Spanish: accents and tildes may be left out, and the -ción noun meets its verb', () => {
    const es = analyzerFor('es');
    expect(es.terms('contrasena')).toEqual(es.terms('contraseña'));
    expect(es.terms('contraseñas')).toEqual(es.terms('contraseña'));
    expect(es.terms('instalacion')).toEqual(es.terms('instalo'));
    expect(es.terms('aplicacion')).toEqual(es.terms('aplicación'));
  });

  it("drops each language's own stop words and chat filler", () => {
    expect(analyzerFor('de').terms('Wie kann ich bitte mein Konto löschen?')).toEqual(analyzerFor('de').terms('Konto löschen'));
    expect(analyzerFor('es').terms('Hola, ¿cómo puedo eliminar mi cuenta por favor?')).toEqual(analyzerFor('es').terms('eliminar cuenta'));
  });

  it('leaves English exactly as the matcher was tuned: the Porter stems and the English stop words', () => {
    for (const text of ['How do I reset my passwords?', 'Résumé of the café’s accounts', 'cannot log in']) {
      expect(analyzerFor('en').terms(text)).toEqual(terms(text));
    }
  });
});

describe("matching in the member's language", () => {
  it('finds the entry for a German question whose words appear only inflected in the knowledge', () => {
    // "Passwörter" is nowhere in the knowledge: only "Passwort".
    expect(JSON.stringify(knowledge)).not.toContain('Passwörter');
    expect(top('de', 'Ich habe meine Passwörter vergessen')).toEqual({ decision: 'answer', id: 'reset-password' });
    expect(top('de', 'Wie kann ich bitte mein Konto löschen?')).toEqual({ decision: 'answer', id: 'delete-account' });
  });

  it('finds the entry for a Spanish question typed without accents', () => {
    expect(top('es', 'como restablezco mi contrasena')).toEqual({ decision: 'answer', id: 'reset-password' });
    expect(top('es', 'instalacion de la aplicacion de escritorio')).toEqual({ decision: 'answer', id: 'install-desktop' });
  });

  it("matches the base language's phrasings too: a German member may ask in English", () => {
    expect(top('de', 'how do I reset my password')).toEqual({ decision: 'answer', id: 'reset-password' });
  });

  it('does not match German phrasings for an English query: the English index is the base alone', () => {
    expect(top('en', 'Konto schließen').decision).toBe('none');
    expect(top('de', 'Konto schließen')).toEqual({ decision: 'answer', id: 'delete-account' });
  });

  it("builds a language's index on first use and keeps it; a language with no translations is the base's", () => {
    const fresh = buildMatcher(knowledge);
    const de = fresh.inLanguage('de');
    expect(de).not.toBe(fresh);
    expect(de.language).toBe('de');
    expect(fresh.inLanguage('de')).toBe(de);
    expect(de.inLanguage('en')).toBe(fresh);
    const englishOnly = buildMatcher(loadKnowledge('knowledge').knowledge);
    expect(englishOnly.inLanguage('es')).toBe(englishOnly);
  });

  it("autocompletes with the questions of the member's language, searching its words and the base's", () => {
    const de = matcher.inLanguage('de');
    expect(de.autocomplete('Notizen export', 25)[0]).toEqual({ entryId: 'export-notes', label: 'Wie exportiere ich meine Notizen?' });
    expect(de.autocomplete('shortcuts', 25)[0]).toEqual({ entryId: 'keyboard-shortcuts', label: 'Which keyboard shortcuts are there?' });
  });
});

describe("the reply's language", () => {
  let ids = 0;
  const service = (extra: Partial<ConstructorParameters<typeof AnswerService>[0]> = {}) =>
    new AnswerService({ knowledge, newId: () => `ask-${++ids}`, ...extra });
  const ask = (s: AnswerService, text: string, extra: Partial<Query> = {}): Promise<Reply> =>
    s.ask({ text, platform: 'test', channelId: 'C1', asker: { id: `U${++ids}` }, via: 'command', ...extra });

  it("follows the member's locale, with its regional forms", async () => {
    expect(languageOfLocale('es-ES')).toBe('es');
    expect(languageOfLocale('es-419')).toBe('es');
    expect(languageOfLocale('de_AT')).toBe('de');
    expect(languageOfLocale('fr')).toBeUndefined();
    const s = service();
    const de = await ask(s, 'Passwort vergessen', { locale: 'de' });
    expect(de).toMatchObject({
      kind: 'answer',
      language: 'de',
      entry: { id: 'reset-password', question: 'Wie setze ich mein Passwort zurück?' },
    });
    if (de.kind !== 'answer') throw new Error('no answer');
    expect(de.entry.answer).toContain('Einstellungen → Konto');
    expect(de.related.map((e) => e.question)).toEqual(['Wie lösche ich mein Konto?']);
    const es = await ask(s, 'olvidé mi contraseña', { locale: 'es-ES' });
    expect(es).toMatchObject({ kind: 'answer', language: 'es', entry: { question: '¿Cómo restablezco mi contraseña?' } });
  });

  it("falls back to the base language for a locale the knowledge does not speak, or the place's locale first", async () => {
    const s = service();
    expect(await ask(s, 'forgot my password', { locale: 'fr' })).toMatchObject({
      language: 'en',
      entry: { question: 'How do I reset my password?' },
    });
    expect(await ask(s, 'Passwort vergessen', { locale: 'fr', placeLocale: 'de' })).toMatchObject({
      language: 'de',
      entry: { question: 'Wie setze ich mein Passwort zurück?' },
    });
  });

  it("answers in the base language an entry with no translation, with the sentences of the member's language", async () => {
    const reply = await ask(service(), 'shortcuts', { locale: 'es-ES' });
    expect(reply).toMatchObject({
      kind: 'answer',
      language: 'es',
      entry: { id: 'keyboard-shortcuts', question: 'Which keyboard shortcuts are there?' },
    });
    const offline = await ask(service(), 'funciona sin internet', { locale: 'es' });
    expect(offline).toMatchObject({ kind: 'answer', entry: { id: 'offline', question: 'Can I write notes offline?' } });
  });

  it("uses the channel's, then the community's configured language for asks without a locale (mentions)", async () => {
    const s = service({ channels: { CDE: { language: 'de' } }, language: 'es' });
    expect(await ask(s, 'Passwort vergessen', { via: 'mention', channelId: 'CDE' })).toMatchObject({
      language: 'de',
      entry: { question: 'Wie setze ich mein Passwort zurück?' },
    });
    expect(await ask(s, 'olvidé mi contraseña', { via: 'mention', channelId: 'COTHER' })).toMatchObject({
      language: 'es',
      entry: { question: '¿Cómo restablezco mi contraseña?' },
    });
    // The member's own locale still comes first.
    expect(await ask(s, 'forgot my password', { channelId: 'CDE', locale: 'en-US' })).toMatchObject({ language: 'en' });
    expect(await ask(service(), 'forgot my password', { via: 'mention' })).toMatchObject({ language: 'en' });
  });

  it("words held replies, suggestions and the topic list in the member's language", async () => {
    const s = service({ policy: { targeting: 'moderators' } });
    const held = await ask(s, 'Passwort vergessen', { locale: 'de', target: { id: 'UOTHER' } });
    expect(held).toMatchObject({ kind: 'held', language: 'de', message: PHRASES.de.notAllowedToTarget });
    const help = await ask(s, '', { locale: 'es' });
    if (help.kind !== 'help') throw new Error('no topic list');
    expect(help.language).toBe('es');
    expect(help.topics.map((e) => e.question)).toContain('¿Cómo exporto mis notas?');
    expect(s.autocomplete('', 25, {}, { locale: 'de' }).map((c) => c.label)).toContain('Wie lösche ich mein Konto?');
  });

  it('has every sentence in every language, none empty', () => {
    const keys = Object.keys(PHRASES.en).sort();
    for (const phrases of Object.values(PHRASES)) {
      expect(Object.keys(phrases).sort()).toEqual(keys);
      for (const value of Object.values(phrases)) {
        const text =
          typeof value === 'function' ? value('X', 'Y', 'Z') : typeof value === 'string' ? value : Object.values(value).join(' ');
        expect(String(text).trim()).not.toBe('');
      }
    }
    expect(PHRASES.de.canAnswer(1)).toBe('Ich kann 1 Frage beantworten.');
    expect(PHRASES.es.noAnswer('xyz')).toBe('Lo siento, no tengo una respuesta para «xyz».');
  });
});

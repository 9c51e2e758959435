// Languages on Slack, end to end against the fake: the member's Slack locale (users.info with
// include_locale, looked up once and kept) picks the answer's language; a locale the knowledge
// does not speak gets the base language, English.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, blockActions, eventCallback, slashCommand } from '../fakes/slack/payloads.js';
import { button, buttons, headerText, sectionTexts } from './blocks-of.js';
import { startHarness, USERS, type Harness } from './harness.js';

const KNOWLEDGE = resolve(import.meta.dirname, '../fixtures/languages/knowledge');

describe("Slack in the member's language", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('socket', { FAQBOT_KNOWLEDGE: KNOWLEDGE }, undefined, [
      ...USERS,
      { id: 'UELENA', name: 'Elena', locale: 'es-ES' },
      { id: 'UDIETER', name: 'Dieter', locale: 'de-DE' },
      { id: 'UFLEUR', name: 'Fleur', locale: 'fr-FR' },
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function faq(text: string, userId: string) {
    const responseUrl = h.fake.responseUrl();
    const channelId = h.id('C');
    const acked = await h.driver.command(slashCommand({ text, userId, channelId, responseUrl }));
    return { body: JSON.parse(acked.body) as Record<string, unknown>, channelId, responseUrl };
  }

  it('answers a member whose Slack is in Spanish (es-ES) in Spanish, asking users.info for the locale once', async () => {
    const { body } = await faq('olvidé mi contraseña', 'UELENA');
    expect(body.response_type).toBe('ephemeral');
    expect(headerText(body)).toBe('¿Cómo restablezco mi contraseña?');
    expect(sectionTexts(body).join('\n')).toContain('*Ajustes → Cuenta*');
    expect(buttons(body).map((b) => b.label)).toEqual(expect.arrayContaining(['Compartir en el canal', '👍 Útil', '👎 No es útil']));
    const lookups = h.fake.callsTo('users.info').filter((c) => c.args.user === 'UELENA');
    expect(lookups).toHaveLength(1);
    expect(String(lookups[0]!.args.include_locale)).toBe('true');
    // Kept: the next question costs no second lookup.
    const again = await faq('exportar notas', 'UELENA');
    expect(headerText(again.body)).toBe('¿Cómo exporto mis notas?');
    expect(h.fake.callsTo('users.info').filter((c) => c.args.user === 'UELENA')).toHaveLength(1);
  });

  it("answers a member whose Slack is in French in English, the knowledge's own language", async () => {
    const { body } = await faq('forgot my password', 'UFLEUR');
    expect(headerText(body)).toBe('How do I reset my password?');
    expect(buttons(body).map((b) => b.label)).toContain('👍 Helpful');
  });

  it('says "no answer" in the member\'s language, echoing their words', async () => {
    const { body } = await faq('xyzzy quantum', 'UELENA');
    expect(sectionTexts(body)[0]).toBe('Lo siento, no tengo una respuesta para «xyzzy quantum».');
  });

  it("answers a mention in the thread in the member's language", async () => {
    const channel = h.id('C');
    await h.driver.event(
      eventCallback(
        appMention({ text: '<@UBOT> Wie lösche ich mein Konto?', userId: 'UDIETER', channelId: channel, ts: '1700000100.000100' }),
      ),
    );
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channel);
    expect(headerText(post.args)).toBe('Wie lösche ich mein Konto?');
    expect(post.args.thread_ts).toBe('1700000100.000100');
  });

  it("thanks for feedback in the member's language", async () => {
    const { body, channelId } = await faq('olvidé mi contraseña', 'UELENA');
    const helpful = button(body, 'faq_helpful');
    const responseUrl = h.fake.responseUrl();
    await h.driver.interactive(
      blockActions({ actionId: helpful.actionId, value: helpful.value, userId: 'UELENA', channelId, responseUrl }),
    );
    const thanks = await h.fake.waitForResponse(responseUrl.split('/').pop());
    expect(thanks.body.text).toBe('Gracias, me alegra que te haya ayudado.');
  });
});

describe('Slack with knowledge in one language', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('socket', {}, undefined, [...USERS, { id: 'UELENA', name: 'Elena', locale: 'es-ES' }]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("asks users.info for no locale: every reply is in the knowledge's language anyway", async () => {
    const responseUrl = h.fake.responseUrl();
    const acked = await h.driver.command(slashCommand({ text: 'migrate', userId: 'UELENA', channelId: h.id('C'), responseUrl }));
    const body = JSON.parse(acked.body) as Record<string, unknown>;
    expect(headerText(body)).toBe('How do I migrate from CentOS to AlmaLinux?');
    expect(buttons(body).map((b) => b.label)).toContain('👍 Helpful');
    expect(h.fake.callsTo('users.info')).toHaveLength(0);
  });
});

// Languages on Discord, end to end against the fake: the member's client language
// (`locale` on each interaction) picks the answer's language, the server's language
// (`guild_locale`) stands in for one the knowledge does not speak, and English, the base,
// answers the rest. Mentions carry no locale: the channel's configured language, else the base.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { autocomplete, button, guildMessage, slashFaq } from '../fakes/discord/payloads.js';
import { expectSafeMentions, startHarness, type Harness } from './harness.js';

const KNOWLEDGE = resolve(import.meta.dirname, '../fixtures/languages/knowledge');

let h: Harness;
beforeAll(async () => {
  h = await startHarness((ids) => `channels:\n  "${ids.news}": { language: de }\n`, { FAQBOT_KNOWLEDGE: KNOWLEDGE });
});
afterAll(async () => {
  expectSafeMentions(h.fake.requests);
  await h?.stop();
});

const labels = (data: any): string[] => (data.components ?? []).flatMap((r: any) => r.components).map((c: any) => c.label ?? c.placeholder);
const inLocale = (payload: Record<string, unknown>, locale: string, guildLocale = 'en-US') => ({
  ...payload,
  locale,
  guild_locale: guildLocale,
});

describe("/faq in the member's language", () => {
  test('a member whose Discord is in German gets the German answer, with German buttons', async () => {
    const { body } = await h.fake.callbackOf(
      h.fake.interact(inLocale(slashFaq(h.general, h.member(), 'Ich habe meine Passwörter vergessen'), 'de')),
    );
    const [embed] = body.data.embeds;
    expect(embed.title).toBe('Wie setze ich mein Passwort zurück?');
    expect(embed.description).toContain('**Einstellungen → Konto**');
    expect(labels(body.data)).toEqual(['Im Kanal posten', 'Hilfreich', 'Nicht hilfreich', 'Wie lösche ich mein Konto?']);
  });

  test('a member whose Discord is in French gets the English answer: the knowledge has no French', async () => {
    const { body } = await h.fake.callbackOf(h.fake.interact(inLocale(slashFaq(h.general, h.member(), 'forgot my password'), 'fr')));
    expect(body.data.embeds[0].title).toBe('How do I reset my password?');
    expect(body.data.embeds[0].description).toContain('**Settings → Account**');
    expect(labels(body.data)).toEqual(['Post in channel', 'Helpful', 'Not helpful', 'How do I delete my account?']);
  });

  test("a French member on a Spanish server gets the Spanish answer: the server's language stands in", async () => {
    const { body } = await h.fake.callbackOf(
      h.fake.interact(inLocale(slashFaq(h.general, h.member(), 'olvidé mi contraseña'), 'fr', 'es-ES')),
    );
    expect(body.data.embeds[0].title).toBe('¿Cómo restablezco mi contraseña?');
    expect(labels(body.data)).toContain('Útil');
  });

  test('an entry without a German translation is answered in English, with the German sentences around it', async () => {
    const { body } = await h.fake.callbackOf(h.fake.interact(inLocale(slashFaq(h.general, h.member(), 'shortcuts'), 'de')));
    expect(body.data.embeds[0].title).toBe('Which keyboard shortcuts are there?');
    expect(labels(body.data)).toEqual(['Im Kanal posten', 'Hilfreich', 'Nicht hilfreich']);
  });

  test('"Helpful" thanks the member in their language', async () => {
    const asker = h.member();
    const first = await h.fake.callbackOf(h.fake.interact(inLocale(slashFaq(h.general, asker, 'exportar notas'), 'es-ES')));
    const helpful = (first.body.data.components as any[]).flatMap((r) => r.components).find((b: any) => b.label === 'Útil');
    const thanks = await h.fake.callbackOf(h.fake.interact(inLocale(button(h.general, asker, helpful.custom_id), 'es-ES')));
    expect(thanks.body.data.content).toBe('Gracias, me alegra que te haya ayudado.');
  });

  test("autocomplete offers the questions of the member's language", async () => {
    const { body } = await h.fake.callbackOf(h.fake.interact(inLocale(autocomplete(h.general, h.member(), 'Konto'), 'de')));
    expect(body.type).toBe(8);
    expect(body.data.choices[0]).toEqual({ name: 'Wie lösche ich mein Konto?', value: 'delete-account' });
  });

  test("the topic list is in the member's language, its example in the localised option name", async () => {
    const { body } = await h.fake.callbackOf(h.fake.interact(inLocale(slashFaq(h.general, h.member(), undefined), 'de')));
    const description = body.data.embeds[0].description as string;
    expect(description).toMatch(/^Ich kann 7 Fragen beantworten\. Beliebte Themen:/);
    expect(description).toContain('`/faq frage:<deine Frage>`');
  });
});

describe('mentions, which carry no locale', () => {
  function postTo(channelId: string, after: number) {
    return h.fake.waitFor(
      (r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages` && h.fake.requests.indexOf(r) >= after,
    );
  }

  test('are answered in the base language', async () => {
    const mark = h.fake.requests.length;
    h.fake.dispatch('MESSAGE_CREATE', guildMessage(h.general, h.member().user, `<@${h.fake.bot.id}> Passwort vergessen`, [h.fake.bot]));
    const post = await postTo(h.general.channel.id, mark);
    expect(post.body.embeds[0].title).toBe('How do I reset my password?');
  });

  test("are answered in the channel's configured language", async () => {
    const mark = h.fake.requests.length;
    h.fake.dispatch('MESSAGE_CREATE', guildMessage(h.news, h.member().user, `<@${h.fake.bot.id}> Passwort vergessen`, [h.fake.bot]));
    const post = await postTo(h.news.channel.id, mark);
    expect(post.body.embeds[0].title).toBe('Wie setze ich mein Passwort zurück?');
    expect(labels(post.body)).toContain('Hilfreich');
  });
});

// /faq end to end: the real discord.js client against the fake Discord, asserting on what
// Discord would receive.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { autocomplete, button, dmSlashFaq, select, slashFaq } from '../fakes/discord/payloads.js';
import { snowflake } from '../fakes/discord/server.js';
import { expectSafeMentions, startHarness, user, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  expectSafeMentions(h.fake.requests);
  await h?.stop();
});

function buttonsOf(body: any): any[] {
  return (body.data.components ?? []).flatMap((r: any) => r.components);
}

describe('/faq without a member', () => {
  test('answers privately with the entry as an embed and the buttons to share, rate and follow related topics', async () => {
    const i = h.fake.interact(slashFaq(h.general, h.member(), 'migrate'));
    const { body } = await h.fake.callbackOf(i);
    expect(body.type).toBe(4);
    expect(body.data.flags & 64).toBe(64);
    const [embed] = body.data.embeds;
    expect(embed.title).toBe('How do I migrate from version 1 to version 2?');
    expect(embed.url).toBe('https://example.org/faq');
    expect(embed.description).toContain('**migration tool**');
    expect(embed.description).toMatch(/```\nStep \| Command +\| +Time\n/); // the table as an aligned code block
    expect(embed.description).toContain('> **💡 Tip**'); // the :::tip directive as a quote
    expect(embed.description).toContain('[the upgrade guide](https://example.org/upgrade)');
    expect(embed.fields[0].value).toContain('[Upgrade guide](https://example.org/upgrade)');
    expect(embed.footer.text).toBe('Example Project is a made-up project used in tests.');
    const labels = buttonsOf(body).map((b) => b.label);
    expect(labels).toEqual(['Post in channel', 'Helpful', 'Not helpful', 'How do I install Example?', 'How do I back up my data?']);
    for (const b of buttonsOf(body)) expect(b.custom_id.length).toBeLessThanOrEqual(100);
    expect(body.data.allowed_mentions).toEqual({ parse: [], users: [], replied_user: false });
  });

  test('"Post in channel" posts the answer publicly with attribution, and the channel cooldown holds a second post', async () => {
    const asker = h.member('alice');
    const first = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, asker, 'install')));
    const post = buttonsOf(first.body).find((b) => b.label === 'Post in channel');
    const shared = await h.fake.callbackOf(h.fake.interact(button(h.general, asker, post.custom_id)));
    expect(shared.body.type).toBe(4);
    expect(shared.body.data.flags ?? 0).toBe(0);
    expect(shared.body.data.content).toBe(`<@${asker.user.id}> shared this answer:`);
    expect(shared.body.data.embeds[0].title).toBe('How do I install Example?');
    expect(shared.body.data.allowed_mentions).toEqual({ parse: [], users: [], replied_user: false });
    expect(buttonsOf(shared.body).map((b) => b.label)).not.toContain('Post in channel');

    const again = await h.fake.callbackOf(h.fake.interact(button(h.general, h.member(), post.custom_id)));
    expect(again.body.data.flags & 64).toBe(64);
    expect(again.body.data.content).toMatch(/posted in this channel moments ago/);
    expect(again.body.data.embeds ?? []).toEqual([]);
  });

  test('"Helpful" and "Not helpful" record the vote for that answer and thank the member privately', async () => {
    // The insights store the bot records to, read back as `faqbot insights` would.
    const store = h.bot.insights as unknown as {
      report(since: number): { totals: { helpful: number; notHelpful: number }; notHelpful: { entryId: string; notHelpful: number }[] };
    };
    const before = store.report(0).totals;
    const vote = async (label: string) => {
      const asker = h.member();
      const first = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, asker, 'backup')));
      const pressed = buttonsOf(first.body).find((b) => b.label === label);
      const thanks = await h.fake.callbackOf(h.fake.interact(button(h.general, asker, pressed.custom_id)));
      expect(thanks.body.type).toBe(4);
      expect(thanks.body.data.flags & 64).toBe(64);
      return thanks.body.data.content as string;
    };
    expect(await vote('Helpful')).toMatch(/^Thanks, glad it helped/);
    expect(await vote('Not helpful')).toMatch(/^Thanks for telling us; the maintainers will see that this answer did not help/);
    const after = store.report(0);
    expect(after.totals.helpful - before.helpful).toBe(1);
    expect(after.totals.notHelpful - before.notHelpful).toBe(1);
    expect(after.notHelpful).toContainEqual(expect.objectContaining({ entryId: 'backup', notHelpful: 1 }));
  });

  test('a related-topic button turns the private answer into the related one', async () => {
    const asker = h.member();
    const first = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, asker, 'migrate')));
    const related = buttonsOf(first.body).find((b) => b.label === 'How do I back up my data?');
    const next = await h.fake.callbackOf(h.fake.interact(button(h.general, asker, related.custom_id)));
    expect(next.body.type).toBe(7);
    expect(next.body.data.embeds[0].title).toBe('How do I back up my data?');
  });

  test('an ambiguous question gets a private menu of candidates that turns into the chosen answer', async () => {
    const asker = h.member();
    const first = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, asker, 'account')));
    expect(first.body.data.flags & 64).toBe(64);
    expect(first.body.data.content).toMatch(/Did you mean/);
    const menu = first.body.data.components[0].components[0];
    expect(menu.type).toBe(3);
    expect(menu.options.map((o: any) => o.value)).toEqual(expect.arrayContaining(['password-change', 'password-reset']));
    for (const o of menu.options) expect(o.label.length).toBeLessThanOrEqual(100);
    const picked = await h.fake.callbackOf(h.fake.interact(select(h.general, asker, menu.custom_id, ['password-reset'])));
    expect(picked.body.type).toBe(7);
    expect(picked.body.data.embeds[0].title).toBe('How do I reset my account password?');
    expect(picked.body.data.content).toBe('');
    // The pick is kept with the wording it answered: a proposed alternate for maintainers. The
    // running bot writes its records in batches, after the answers: the row follows the reply.
    const pickOfAsk = () => {
      const db = new Database(join(h.cwd, 'faqbot.db'), { readonly: true });
      try {
        const ask = db.prepare(`SELECT ask_id FROM asks WHERE query_text = 'account'`).get() as { ask_id: string } | undefined;
        const pick = ask && db.prepare(`SELECT query_text, entry_id, from_ask_id FROM picks WHERE from_ask_id = ?`).get(ask.ask_id);
        return { ask: ask?.ask_id, pick };
      } finally {
        db.close();
      }
    };
    await expect.poll(() => pickOfAsk().pick).toBeDefined();
    const { ask, pick } = pickOfAsk();
    expect(pick).toEqual({ query_text: 'account', entry_id: 'password-reset', from_ask_id: ask });
  });

  test('no answer: says so honestly, offers close topics and how to reach a moderator', async () => {
    const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, h.member(), 'quantum chromodynamics')));
    expect(body.data.flags & 64).toBe(64);
    expect(body.data.content).toMatch(/don't have an answer/);
    expect(body.data.content).toMatch(/moderator/);
    expect(body.data.content).not.toContain('quantum'); // never echoes the member's text
  });

  test.each([
    ['/faq alone', undefined],
    ['/faq help', 'help'],
  ])('%s lists the topics privately with a menu', async (_name, query) => {
    const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, h.member(), query)));
    expect(body.data.flags & 64).toBe(64);
    expect(body.data.embeds[0].title).toBe('Example Project FAQ');
    expect(body.data.embeds[0].description).toMatch(/I can answer 7 questions/);
    const values = body.data.components[0].components[0].options.map((o: any) => o.value);
    expect(values.slice(0, 2).sort()).toEqual(['install', 'migrate']); // pinned first
  });
});

test('/faq in a direct message with the bot answers there, without "Post in channel"', async () => {
  const { body } = await h.fake.callbackOf(h.fake.interact(dmSlashFaq(snowflake(), user(), 'install')));
  expect(body.type).toBe(4);
  expect(body.data.embeds[0].title).toBe('How do I install Example?');
  expect(buttonsOf(body).map((b) => b.label)).not.toContain('Post in channel');
});

describe('/faq with a member', () => {
  test('answers publicly, pings only that member, and says who suggested it', async () => {
    const mod = h.moderator('mod');
    const newbie = h.member('newbie');
    const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, mod, 'backup', newbie.user)));
    expect(body.type).toBe(4);
    expect(body.data.flags ?? 0).toBe(0);
    expect(body.data.content).toBe(`<@${newbie.user.id}>, <@${mod.user.id}> suggested this answer for you:`);
    expect(body.data.allowed_mentions).toEqual({ parse: [], users: [newbie.user.id], replied_user: false });
    expect(body.data.embeds[0].title).toBe('How do I back up my data?');
  });

  test('the same answer to the same member again is held back privately (target cooldown)', async () => {
    const newbie = h.member();
    // Two channels, so the channel cooldown cannot be what holds the second one back.
    const first = await h.fake.callbackOf(h.fake.interact(slashFaq(h.locked, h.member(), 'data', newbie.user)));
    expect(first.body.data.flags ?? 0).toBe(0);
    const again = await h.fake.callbackOf(h.fake.interact(slashFaq(h.thread, h.member(), 'data', newbie.user)));
    expect(again.body.data.flags & 64).toBe(64);
    expect(again.body.data.content).toMatch(/already sent to that member recently/);
    expect(again.body.data.allowed_mentions.users).toEqual([]);
  });

  test('an ambiguous question for a member shows the menu privately, and the pick goes to that member', async () => {
    const mod = h.moderator();
    const newbie = h.member();
    const first = await h.fake.callbackOf(h.fake.interact(slashFaq(h.thread, mod, 'account', newbie.user)));
    expect(first.body.data.flags & 64).toBe(64);
    const menu = first.body.data.components[0].components[0];
    const picked = await h.fake.callbackOf(h.fake.interact(select(h.thread, mod, menu.custom_id, ['password-change'])));
    expect(picked.body.type).toBe(4);
    expect(picked.body.data.flags ?? 0).toBe(0);
    expect(picked.body.data.allowed_mentions.users).toEqual([newbie.user.id]);
    expect(picked.body.data.content).toContain(`<@${newbie.user.id}>`);
  });
});

describe('autocomplete', () => {
  test('offers matching topics as people type, at most 25, values that /faq answers exactly', async () => {
    const { body } = await h.fake.callbackOf(h.fake.interact(autocomplete(h.general, h.member(), 'passw')));
    expect(body.type).toBe(8);
    const values = body.data.choices.map((c: any) => c.value);
    expect(values).toEqual(expect.arrayContaining(['password-reset', 'password-change']));
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
    const answer = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, h.member(), values[0])));
    expect(answer.body.data.embeds[0].title).toMatch(/password/);
  });

  test('an empty box lists pinned topics first', async () => {
    const { body } = await h.fake.callbackOf(h.fake.interact(autocomplete(h.general, h.member(), '')));
    expect(
      body.data.choices
        .slice(0, 2)
        .map((c: any) => c.value)
        .sort(),
    ).toEqual(['install', 'migrate']);
  });
});

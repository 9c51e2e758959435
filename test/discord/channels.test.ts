// "Where the bot speaks" on Discord: `channels:` rules for channels, forum threads and
// categories, enforced on mentions, /faq and its autocomplete.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { autocomplete, dmSlashFaq, guildMessage, slashFaq } from '../fakes/discord/payloads.js';
import { snowflake, type RecordedRequest } from '../fakes/discord/server.js';
import { expectSafeMentions, startHarness, user, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness((ids) =>
    [
      'channels:',
      '  default: { mention: ignore, slash: deny }',
      `  ${ids.general}: { mention: public, slash: allow }`, // unquoted: the id is read as written
      `  "${ids.forum}": { mention: private }`,
      `  "${ids.category}": { slash: allow }`,
    ].join('\n'),
  );
});
afterAll(async () => {
  expectSafeMentions(h.fake.requests);
  await h?.stop();
});

const after = (mark: number, match: (r: RecordedRequest) => boolean) => (r: RecordedRequest) =>
  h.fake.requests.indexOf(r) >= mark && match(r);
const postIn = (channelId: string) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`;

test('a listed channel answers mentions in public; an unlisted one (default: ignore) stays silent', async () => {
  const mark = h.fake.requests.length;
  h.fake.dispatch('MESSAGE_CREATE', guildMessage(h.locked, h.member().user, `<@${h.fake.bot.id}> how do I install example?`, [h.fake.bot]));
  h.fake.dispatch(
    'MESSAGE_CREATE',
    guildMessage(h.general, h.member().user, `<@${h.fake.bot.id}> how do I install example?`, [h.fake.bot]),
  );
  const post = await h.fake.waitFor(after(mark, postIn(h.general.channel.id)));
  expect(post.body.embeds[0].title).toBe('How do I install Example?');
  // Events are handled in order: by the time the second is answered, the first was dropped.
  expect(h.fake.requests.slice(mark).filter((r) => r.method === 'POST' && r.path !== `/channels/${h.general.channel.id}/messages`)).toEqual(
    [],
  );
});

test('a thread follows its forum: a mention in a forum post is answered privately, by DM', async () => {
  const asker = h.member().user;
  const mark = h.fake.requests.length;
  h.fake.dispatch('MESSAGE_CREATE', guildMessage(h.thread, asker, `<@${h.fake.bot.id}> backup`, [h.fake.bot]));
  const dm = await h.fake.waitFor(after(mark, (r) => r.method === 'POST' && r.path === '/users/@me/channels'));
  expect(dm.body.recipient_id).toBe(asker.id);
  const post = await h.fake.waitFor(after(mark, (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)));
  expect(post.path).not.toBe(`/channels/${h.thread.channel.id}/messages`);
  expect(post.body.embeds[0].title).toBe('How do I back up my data?');
});

test('/faq is held back where it is denied, with what works instead, and its autocomplete offers nothing there', async () => {
  const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.locked, h.member(), 'install')));
  expect(body.data.flags & 64).toBe(64);
  expect(body.data.content).toBe('`/faq` is turned off in this channel; ask in another channel.');
  expect(body.data.embeds ?? []).toEqual([]);
  const denied = await h.fake.callbackOf(h.fake.interact(autocomplete(h.locked, h.member(), 'inst')));
  expect(denied.body).toMatchObject({ type: 8, data: { choices: [] } });
  const allowed = await h.fake.callbackOf(h.fake.interact(autocomplete(h.general, h.member(), 'inst')));
  expect(allowed.body.data.choices.length).toBeGreaterThan(0);
});

test("a channel in a listed category takes the category's rule: /faq works there, mentions stay ignored", async () => {
  const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.news, h.member(), 'install')));
  expect(body.data.embeds[0].title).toBe('How do I install Example?');
  const mark = h.fake.requests.length;
  h.fake.dispatch('MESSAGE_CREATE', guildMessage(h.news, h.member().user, `<@${h.fake.bot.id}> how do I install example?`, [h.fake.bot]));
  h.fake.dispatch('MESSAGE_CREATE', guildMessage(h.general, h.member().user, `<@${h.fake.bot.id}> backup`, [h.fake.bot]));
  await h.fake.waitFor(after(mark, postIn(h.general.channel.id)));
  expect(h.fake.requests.slice(mark).some(postIn(h.news.channel.id))).toBe(false);
});

test('/faq in a direct message is answered: the channel rules are for server channels', async () => {
  const { body } = await h.fake.callbackOf(h.fake.interact(dmSlashFaq(snowflake(), user(), 'install')));
  expect(body.data.embeds[0].title).toBe('How do I install Example?');
});

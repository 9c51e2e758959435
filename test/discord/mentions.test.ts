// Mentioning the bot in channels, threads and forum posts, and direct messages to it.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { button, directMessage, guildMessage } from '../fakes/discord/payloads.js';
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

function postTo(channelId: string, after = 0) {
  return h.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages` && h.fake.requests.indexOf(r) >= after);
}

test('a mention with a question gets a reply to that message with the answer, pinging nobody', async () => {
  const asker = h.member().user;
  const msg = guildMessage(h.general, asker, `<@${h.fake.bot.id}> how do I install example?`, [h.fake.bot]);
  const mark = h.fake.requests.length;
  h.fake.dispatch('MESSAGE_CREATE', msg);
  const post = await postTo(h.general.channel.id, mark);
  expect(post.body.message_reference).toMatchObject({ message_id: msg.id });
  expect(post.body.allowed_mentions).toEqual({ parse: [], users: [], replied_user: false });
  expect(post.body.embeds[0].title).toBe('How do I install Example?');
  const labels = post.body.components.flatMap((r: any) => r.components).map((b: any) => b.label);
  expect(labels).not.toContain('Post in channel'); // already public
  expect(labels).toContain('Helpful');
});

test('a mention with invisible characters inside its words (soft hyphen, word joiner, BOM) is answered', async () => {
  const msg = guildMessage(h.general, h.member().user, `<@${h.fake.bot.id}> how do I mi\u00adgr\u2060ate from ver\ufeffsion 1?`, [
    h.fake.bot,
  ]);
  const mark = h.fake.requests.length;
  h.fake.dispatch('MESSAGE_CREATE', msg);
  const post = await postTo(h.general.channel.id, mark);
  expect(post.body.embeds[0].title).toBe('How do I migrate from version 1 to version 2?');
});

test('a mention in a forum post (a thread) is answered in that thread', async () => {
  const msg = guildMessage(h.thread, h.member().user, `<@!${h.fake.bot.id}> backup`, [h.fake.bot]);
  const mark = h.fake.requests.length;
  h.fake.dispatch('MESSAGE_CREATE', msg);
  const post = await postTo(h.thread.channel.id, mark);
  expect(post.body.embeds[0].title).toBe('How do I back up my data?');
});

test('an ambiguous mention offers the suggestions as buttons; a click answers in the channel', async () => {
  const asker = h.member();
  const msg = guildMessage(h.general, asker.user, `<@${h.fake.bot.id}> account`, [h.fake.bot]);
  const mark = h.fake.requests.length;
  h.fake.dispatch('MESSAGE_CREATE', msg);
  const post = await postTo(h.general.channel.id, mark);
  expect(post.body.content).toMatch(/Did you mean/);
  const buttons = post.body.components.flatMap((r: any) => r.components);
  const reset = buttons.find((b: any) => b.label === 'How do I reset my account password?');
  expect(reset.custom_id).toMatch(/^faq:m:/);
  const click = await h.fake.callbackOf(h.fake.interact(button(h.general, asker, reset.custom_id, false)));
  expect(click.body.type).toBe(4);
  expect(click.body.data.flags ?? 0).toBe(0);
  expect(click.body.data.embeds[0].title).toBe('How do I reset my account password?');
});

test('a mention the FAQ cannot answer gets an honest reply pointing to /faq', async () => {
  const mark = h.fake.requests.length;
  h.fake.dispatch('MESSAGE_CREATE', guildMessage(h.general, h.member().user, `<@${h.fake.bot.id}> quantum chromodynamics`, [h.fake.bot]));
  const post = await postTo(h.general.channel.id, mark);
  expect(post.body.content).toMatch(/don't have an answer/);
  expect(post.body.content).toContain('`/faq`');
});

test('a mention with no text gets the topics privately, by DM', async () => {
  const asker = h.member().user;
  const mark = h.fake.requests.length;
  h.fake.dispatch('MESSAGE_CREATE', guildMessage(h.general, asker, `<@${h.fake.bot.id}>`, [h.fake.bot]));
  const dm = await h.fake.waitFor((r) => r.method === 'POST' && r.path === '/users/@me/channels' && h.fake.requests.indexOf(r) >= mark);
  expect(dm.body.recipient_id).toBe(asker.id);
  const post = await h.fake.waitFor(
    (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && h.fake.requests.indexOf(r) > h.fake.requests.indexOf(dm),
  );
  expect(post.path).not.toBe(`/channels/${h.general.channel.id}/messages`);
  expect(post.body.embeds[0].title).toBe('Example Project FAQ');
});

test('a direct message is answered in the DM', async () => {
  const dmChannel = snowflake();
  const mark = h.fake.requests.length;
  h.fake.dispatch('MESSAGE_CREATE', directMessage(dmChannel, user(), 'how do I reset my password'));
  const post = await postTo(dmChannel, mark);
  expect(post.body.embeds[0].title).toBe('How do I reset my account password?');
  expect(post.body.allowed_mentions.parse).toEqual([]);
});

test('without permission to reply in a channel, the asker is told why by DM', async () => {
  const asker = h.member().user;
  const mark = h.fake.requests.length;
  h.fake.dispatch('MESSAGE_CREATE', guildMessage(h.locked, asker, `<@${h.fake.bot.id}> install`, [h.fake.bot]));
  const dm = await h.fake.waitFor((r) => r.method === 'POST' && r.path === '/users/@me/channels' && h.fake.requests.indexOf(r) >= mark);
  const post = await h.fake.waitFor(
    (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && h.fake.requests.indexOf(r) > h.fake.requests.indexOf(dm),
  );
  expect(post.body.content).toMatch(/I can't post in <#\d+>/);
});

test('messages that do not mention the bot, and messages from bots, get no reply', async () => {
  const mark = h.fake.requests.length;
  h.fake.dispatch('MESSAGE_CREATE', guildMessage(h.general, h.member().user, 'how do I install example?'));
  h.fake.dispatch(
    'MESSAGE_CREATE',
    guildMessage(h.general, { ...user('otherbot'), bot: true }, `<@${h.fake.bot.id}> install`, [h.fake.bot]),
  );
  // A later mention is answered; nothing was sent for the two before it.
  const probe = guildMessage(h.general, h.member().user, `<@${h.fake.bot.id}> backup`, [h.fake.bot]);
  h.fake.dispatch('MESSAGE_CREATE', probe);
  const post = await postTo(h.general.channel.id, mark);
  expect(post.body.message_reference.message_id).toBe(probe.id);
  expect(h.fake.requests.slice(mark).filter((r) => r.method === 'POST')).toHaveLength(1);
});

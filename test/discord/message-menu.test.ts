// "Answer with FAQ" on a member's message: private candidates with previews, then the pick is
// posted as a reply to that message, pinging only its author.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { messageMenu, select } from '../fakes/discord/payloads.js';
import { snowflake } from '../fakes/discord/server.js';
import { expectSafeMentions, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  expectSafeMentions(h.fake.requests);
  await h?.stop();
});

test("a moderator answers a newcomer's message in one move", async () => {
  const mod = h.moderator('mod');
  const newbie = h.member('newbie');
  const question = {
    id: snowflake(),
    channel_id: h.general.channel.id,
    guild_id: h.guild.id,
    author: newbie.user,
    content: 'hi all, how can I upgrade to v2?? @everyone',
  };
  const menu = await h.fake.callbackOf(h.fake.interact(messageMenu(h.general, mod, question)));
  expect(menu.body.type).toBe(4);
  expect(menu.body.data.flags & 64).toBe(64);
  expect(menu.body.data.content).toContain(`<@${newbie.user.id}>`);
  expect(menu.body.data.allowed_mentions.users).toEqual([]);
  expect(menu.body.data.embeds[0].fields[0].name).toBe('How do I migrate from version 1 to version 2?'); // preview
  const picker = menu.body.data.components[0].components[0];
  expect(picker.options[0].value).toBe('migrate');
  expect(picker.options[0].description.length).toBeLessThanOrEqual(100);

  const pick = h.fake.interact(select(h.general, mod, picker.custom_id, ['migrate']));
  const ack = await h.fake.callbackOf(pick);
  expect(ack.body.type).toBe(6); // deferred update: posting to the channel is a second request
  const post = await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${h.general.channel.id}/messages`);
  expect(post.body.message_reference).toMatchObject({ message_id: question.id, fail_if_not_exists: false });
  expect(post.body.allowed_mentions).toEqual({ parse: [], users: [newbie.user.id], replied_user: true });
  expect(post.body.content).toBe(`<@${newbie.user.id}>, <@${mod.user.id}> suggested this answer for you:`);
  expect(post.body.embeds[0].title).toBe('How do I migrate from version 1 to version 2?');
  const done = await h.fake.waitFor(
    (r) => r.method === 'PATCH' && r.path === `/webhooks/${h.fake.applicationId}/${pick.token}/messages/@original`,
  );
  expect(done.body.content).toMatch(/^Posted "How do I migrate/);
  expect(done.body.components).toEqual([]);
});

test('without permission to post in the channel, the moderator gets a private explanation', async () => {
  const mod = h.moderator();
  const newbie = h.member();
  const question = {
    id: snowflake(),
    channel_id: h.locked.channel.id,
    guild_id: h.guild.id,
    author: newbie.user,
    content: 'how do I install it',
  };
  const menu = await h.fake.callbackOf(h.fake.interact(messageMenu(h.locked, mod, question)));
  const picker = menu.body.data.components[0].components[0];
  const pick = h.fake.interact(select(h.locked, mod, picker.custom_id, [picker.options[0].value]));
  const done = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/${pick.token}/messages/@original`));
  expect(done.body.content).toMatch(/I can't post in <#\d+>: I need .*Send Messages/);
  expect(h.logs.some((l) => l.startsWith('warn discord: missing permission'))).toBe(true);
  // The failed post started no cooldown: picking again (say, after fixing the permission)
  // tries to post again instead of saying the answer was just sent.
  const again = h.fake.interact(select(h.locked, mod, picker.custom_id, [picker.options[0].value]));
  const second = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/${again.token}/messages/@original`));
  expect(second.body.content).toMatch(/I can't post in <#\d+>/);
});

test('a message with no text gets a private hint instead of a guess', async () => {
  const question = { id: snowflake(), channel_id: h.general.channel.id, guild_id: h.guild.id, author: h.member().user, content: '' };
  const { body } = await h.fake.callbackOf(h.fake.interact(messageMenu(h.general, h.moderator(), question)));
  expect(body.data.flags & 64).toBe(64);
  expect(body.data.content).toMatch(/no text I can read/);
});

test('a message the FAQ does not cover still offers topics to post', async () => {
  const question = {
    id: snowflake(),
    channel_id: h.general.channel.id,
    guild_id: h.guild.id,
    author: h.member().user,
    content: 'quantum chromodynamics',
  };
  const { body } = await h.fake.callbackOf(h.fake.interact(messageMenu(h.general, h.moderator(), question)));
  expect(body.data.flags & 64).toBe(64);
  expect(body.data.components[0]?.components[0].type).toBe(3);
});

test("a bot's message is not answered: the invoker is told to pick the member's message", async () => {
  const question = {
    id: snowflake(),
    channel_id: h.general.channel.id,
    guild_id: h.guild.id,
    author: { ...h.fake.bot },
    content: 'How do I install Example?',
  };
  const { body } = await h.fake.callbackOf(h.fake.interact(messageMenu(h.general, h.moderator(), question)));
  expect(body.data.flags & 64).toBe(64);
  expect(body.data.content).toMatch(/from a bot/);
});

// Hostile input, Discord's limits, crashes inside one interaction, and a dropped gateway.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { button, guildMessage, slashFaq } from '../fakes/discord/payloads.js';
import { expectSafeMentions, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  expectSafeMentions(h.fake.requests);
  await h?.stop();
});

test('the bot reports its name and guild count when it starts', () => {
  expect(h.logs).toContain(`info discord: logged in as faqbot (application ${h.fake.applicationId}) in 1 guild(s)`);
});

test('a 6,000-character query gets a normal private reply, without echoing it', async () => {
  const text = 'how do I install '.repeat(400).slice(0, 6000);
  const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, h.member(), text)));
  expect(body.type).toBe(4);
  expect(body.data.flags & 64).toBe(64);
  expect(JSON.stringify(body)).not.toContain('how do I install how do I install');
});

test('@everyone in a query aimed at a member pings only that member', async () => {
  const newbie = h.member();
  const { body } = await h.fake.callbackOf(
    h.fake.interact(slashFaq(h.general, h.moderator(), '@everyone @here <@&123456789012345678> backup', newbie.user)),
  );
  expect(body.data.allowed_mentions).toEqual({ parse: [], users: [newbie.user.id], replied_user: false });
  expect(body.data.content ?? '').not.toMatch(/@everyone|@here|<@&/);
});

test('@everyone and role mentions in a knowledge file cannot ping and do not look like mentions', async () => {
  const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, h.member(), 'outages')));
  const text = body.data.embeds[0].description;
  expect(text).toContain('@\u200beveryone');
  expect(text).not.toMatch(/@everyone|@here|<@&\d/);
  expect(body.data.allowed_mentions.parse).toEqual([]);
});

test('an answer longer than Discord allows is split into embeds within every limit, code fences intact', async () => {
  const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, h.member(), 'configuration reference')));
  const embeds = body.data.embeds as any[];
  expect(embeds.length).toBeGreaterThan(1);
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of embeds) {
    expect(e.description.length).toBeLessThanOrEqual(4096);
    expect((e.description.match(/```/g) ?? []).length % 2).toBe(0);
    total +=
      (e.title?.length ?? 0) +
      e.description.length +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((n: number, f: any) => n + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(6000);
  expect(embeds.at(-1).description).toMatch(/continues in the source: https:\/\/example\.org\/faq/);
});

test('a crash inside one interaction is logged, the member gets a private apology, and the bot keeps answering', async () => {
  const ask = h.bot.service.ask.bind(h.bot.service);
  h.bot.service.ask = () => {
    throw new Error('boom in the matcher');
  };
  try {
    const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, h.member(), 'install')));
    expect(body.data.flags & 64).toBe(64);
    expect(body.data.content).toMatch(/^Sorry, something went wrong/);
    expect(body.data.content).not.toContain('boom');
    expect(h.logs).toContain('error discord: interaction /faq failed: boom in the matcher');
  } finally {
    h.bot.service.ask = ask;
  }
  const next = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, h.member(), 'install')));
  expect(next.body.data.embeds[0].title).toBe('How do I install Example?');
});

test('an answer Discord refuses to post keeps no cooldown: asking again is answered, not held', async () => {
  const asker = h.member();
  const target = h.member();
  // Discord refuses the first reply (the interaction callback) with a server error.
  h.fake.override = (r) =>
    r.method === 'POST' && /\/interactions\/.+\/callback/.test(r.path) && r.body?.data?.embeds
      ? { status: 500, body: { message: 'Internal Server Error', code: 0 } }
      : undefined;
  try {
    const asked = h.fake.interact(slashFaq(h.thread, asker, 'install', target.user));
    // The member is told (the apology is the interaction's last try at a reply, once the
    // answer's retries within the 3 s have failed).
    const apology = await h.fake.waitFor(
      (r) => r.method === 'POST' && r.path.startsWith(`/interactions/${asked.id}/`) && /^Sorry/.test(String(r.body?.data?.content ?? '')),
    );
    expect(apology.body.data.flags & 64).toBe(64);
  } finally {
    h.fake.override = undefined;
  }
  // Neither the channel cooldown nor the one for that member was left behind by the failure.
  const again = await h.fake.callbackOf(h.fake.interact(slashFaq(h.thread, asker, 'install', target.user)));
  expect(again.body.data.content ?? '').not.toMatch(/already sent|moments ago/);
  expect(again.body.data.embeds?.[0]?.title).toBe('How do I install Example?');
});

test('a "Post in channel" Discord refuses keeps no channel cooldown: posting again works', async () => {
  const asker = h.member();
  // h.locked: a channel where no other test has posted this entry (interaction replies reach it).
  const first = await h.fake.callbackOf(h.fake.interact(slashFaq(h.locked, asker, 'backup')));
  const post = first.body.data.components.flatMap((row: any) => row.components).find((b: any) => b.label === 'Post in channel');
  // The public post (an embed without the private flag) is refused.
  h.fake.override = (r) =>
    r.method === 'POST' && /\/callback/.test(r.path) && r.body?.data?.embeds && !((r.body.data.flags ?? 0) & 64)
      ? { status: 500, body: { message: 'Internal Server Error', code: 0 } }
      : undefined;
  try {
    const click = h.fake.interact(button(h.locked, asker, post.custom_id));
    // Its own apology: an earlier test's may still be retried (5xx are retried within 3 s).
    await h.fake.waitFor((r) => r.path.startsWith(`/interactions/${click.id}/`) && /^Sorry/.test(String(r.body?.data?.content ?? '')));
  } finally {
    h.fake.override = undefined;
  }
  const again = await h.fake.callbackOf(h.fake.interact(button(h.locked, asker, post.custom_id)));
  expect(again.body.data.content ?? '').not.toMatch(/moments ago/);
  expect(again.body.data.embeds?.[0]?.title).toBe('How do I back up my data?');
});

test('a crash while answering a mention gets a short apology in place', async () => {
  const ask = h.bot.service.ask.bind(h.bot.service);
  h.bot.service.ask = () => {
    throw new Error('boom');
  };
  try {
    const mark = h.fake.requests.length;
    const msg = guildMessage(h.general, h.member().user, `<@${h.fake.bot.id}> install`, [h.fake.bot]);
    h.fake.dispatch('MESSAGE_CREATE', msg);
    const post = await h.fake.waitFor(
      (r) => r.method === 'POST' && r.path === `/channels/${h.general.channel.id}/messages` && h.fake.requests.indexOf(r) >= mark,
    );
    expect(post.body.content).toMatch(/^Sorry, something went wrong/);
    expect(post.body.message_reference.message_id).toBe(msg.id);
  } finally {
    h.bot.service.ask = ask;
  }
});

test('a dropped gateway connection is resumed and the bot answers the next question', async () => {
  const resumesBefore = h.fake.gatewayOps.filter((op) => op === 6).length;
  h.fake.dropGateway(4000);
  await h.fake.whenReady();
  expect(h.fake.gatewayOps.filter((op) => op === 6).length).toBe(resumesBefore + 1);
  const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, h.member(), 'backup')));
  expect(body.data.embeds[0].title).toBe('How do I back up my data?');
  expect(h.logs.some((l) => l.includes('gateway connection resumed'))).toBe(true);
});

test('when Discord ends the session, the bot identifies again and keeps answering', async () => {
  const identifiesBefore = h.fake.gatewayOps.filter((op) => op === 2).length;
  h.fake.dropGateway(1000);
  await h.fake.whenReady();
  expect(h.fake.gatewayOps.filter((op) => op === 2).length).toBe(identifiesBefore + 1);
  const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, h.member(), 'install')));
  expect(body.data.embeds[0].title).toBe('How do I install Example?');
});

test('a network outage is logged once when it starts and once when it ends, with its length and failed attempts', async () => {
  const mark = h.logs.length;
  h.fake.gatewayDown = true;
  h.fake.dropGateway(4000);
  // Let discord.js fail a few reconnects against the cut network.
  await new Promise((r) => setTimeout(r, 1500));
  h.fake.gatewayDown = false;
  await h.fake.whenReady();
  const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, h.member(), 'backup')));
  expect(body.data.embeds[0].title).toBe('How do I back up my data?');
  const lines = h.logs.slice(mark);
  expect(lines.filter((l) => /gateway/.test(l))).toEqual([
    'warn discord: gateway connection lost (the connection closed); reconnecting',
    expect.stringMatching(
      /^info discord: gateway connection (resumed|back with a new session) after \d+\.\d s \([1-9]\d* failed attempts?\)$/,
    ),
  ]);
});

// "Ask a human" on Discord: answers, suggestion lists and "no answer" replies carry the button;
// a press pings the helpers' role once (allowed_mentions: exactly that role), in a thread with
// the question, rate-limited per member and per channel, and is counted in the insights.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { button, guildMessage, slashFaq, type Who } from '../fakes/discord/payloads.js';
import type { RecordedRequest } from '../fakes/discord/server.js';
import { HARNESS_ROLES, expectSafeMentions, startHarness, type Harness } from './harness.js';

const HELPERS = HARNESS_ROLES[1];
let h: Harness;
beforeAll(async () => {
  h = await startHarness(
    () =>
      `policy:\n  channelCooldownSeconds: 0\nhandoff:\n  discordRole: "${HELPERS}"\n  memberCooldownSeconds: 3600\n  channelCooldownSeconds: 0\n`,
  );
});
afterAll(async () => {
  expectSafeMentions(h.fake.requests, HELPERS);
  await h?.stop();
});

type Component = { label: string; custom_id: string };
const buttonsOf = (message: { components?: { components: Component[] }[] }) => (message.components ?? []).flatMap((r) => r.components);
const askHuman = (message: { components?: { components: Component[] }[] }) => buttonsOf(message).find((b) => b.label === 'Ask a human');

async function faq(who: Who, query: string) {
  return (await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, who, query)))).body.data;
}

/** `who` presses the button; resolves with the callback and the requests it caused. */
async function press(who: Who, customId: string, where = h.general): Promise<{ callback: RecordedRequest; after: RecordedRequest[] }> {
  const mark = h.fake.requests.length;
  const interaction = h.fake.interact(button(where, who, customId));
  const callback = await h.fake.callbackOf(interaction);
  if (callback.body.type === 5) await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
  return { callback, after: h.fake.requests.slice(mark) };
}

const pings = (after: RecordedRequest[]) =>
  after.filter(
    (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && String(r.body.content ?? '').includes(`<@&${HELPERS}>`),
  );

describe('Ask a human on Discord', () => {
  test('answers, suggestions and "no answer" replies carry the button', async () => {
    const who = h.member();
    expect(askHuman(await faq(who, 'how do I install example?'))).toBeDefined();
    expect(askHuman(await faq(who, 'password'))).toBeDefined();
    expect(askHuman(await faq(who, 'quantum chromodynamics of bananas'))).toBeDefined();
    // The topic list is no question a helper could answer.
    expect(askHuman(await faq(who, 'help'))).toBeUndefined();
  });

  test("a press starts a thread named after the question, pings only the helpers' role there, adds the member, and says where privately", async () => {
    const who = h.member();
    const reply = await faq(who, 'my example crashes at startup, <@&999> knows');
    const { callback, after } = await press(who, askHuman(reply)!.custom_id);
    expect(callback.body.type).toBe(5);
    const thread = after.find((r) => r.method === 'POST' && r.path === `/channels/${h.general.channel.id}/threads`);
    expect(thread?.body).toMatchObject({ type: 11, name: expect.not.stringContaining('<@&999>') });
    const [ping] = pings(after);
    expect(ping).toBeDefined();
    expect(ping!.path).not.toBe(`/channels/${h.general.channel.id}/messages`);
    expect(ping!.body.allowed_mentions).toEqual({ parse: [], roles: [HELPERS], users: [] });
    expect(ping!.body.content).toContain(`<@${who.user.id}> would like a human to help with:`);
    expect(ping!.body.content).toContain('> my example crashes at startup');
    expect(ping!.body.content).not.toContain('<@&999>');
    expect(after.some((r) => r.method === 'PUT' && r.path.endsWith(`/thread-members/${who.user.id}`))).toBe(true);
    const edit = after.find((r) => r.method === 'PATCH')!;
    expect(edit.body.content).toMatch(/^The helpers were asked in a thread; someone will answer you there\. <#\d+>$/);
  });

  test('the same reply pings once; the member waits before asking again; the insights count it per entry', async () => {
    const who = h.member();
    const reply = await faq(who, 'how do I install example?');
    const id = askHuman(reply)!.custom_id;
    expect(pings((await press(who, id)).after)).toHaveLength(1);
    const again = await press(who, id);
    expect(pings(again.after)).toHaveLength(0);
    expect(again.callback.body.data.content).toBe('The helpers were already asked about this question.');
    const other = await press(who, askHuman(await faq(who, 'how do I back up?'))!.custom_id);
    expect(pings(other.after)).toHaveLength(0);
    expect(other.callback.body.data.content).toMatch(/^You asked the helpers recently; you can ask them again in 1 h\./);
    const store = h.bot.insights as unknown as {
      report(since: number): { totals: { handoffs: number }; handoffs: { entryId: string; count: number }[] };
    };
    const report = store.report(0);
    expect(report.totals.handoffs).toBeGreaterThanOrEqual(2);
    expect(report.handoffs).toEqual(
      expect.arrayContaining([expect.objectContaining({ entryId: 'install', question: 'How do I install Example?' })]),
    );
  });

  test('in a thread (a forum post) the ping goes into that thread; no new thread', async () => {
    const who = h.member();
    const reply = (await h.fake.callbackOf(h.fake.interact(slashFaq(h.thread, who, 'how do I install example?')))).body.data;
    const { after } = await press(who, askHuman(reply)!.custom_id, h.thread);
    expect(after.some((r) => r.path.endsWith('/threads'))).toBe(false);
    expect(pings(after).map((r) => r.path)).toEqual([`/channels/${h.thread.channel.id}/messages`]);
  });

  test('when the thread cannot be started, the member is told why and can press again once it is fixed', async () => {
    const who = h.member();
    const reply = await faq(who, 'how do I back up my data?');
    const id = askHuman(reply)!.custom_id;
    const before = h.fake.override;
    h.fake.override = (r) =>
      r.method === 'POST' && r.path.endsWith('/threads')
        ? { status: 403, body: { message: 'Missing Permissions', code: 50013 } }
        : before?.(r);
    try {
      const failed = await press(who, id);
      expect(pings(failed.after)).toHaveLength(0);
      expect(failed.after.find((r) => r.method === 'PATCH')!.body.content).toContain('Create Public Threads');
    } finally {
      h.fake.override = before;
    }
    expect(pings((await press(who, id)).after)).toHaveLength(1);
  });

  test('a public answer to a mention carries it too, beside Dismiss', async () => {
    const who = h.member();
    const mark = h.fake.requests.length;
    h.fake.dispatch('MESSAGE_CREATE', guildMessage(h.general, who.user, `<@${h.fake.bot.id}> how do I install example?`, [h.fake.bot]));
    const post = await h.fake.waitFor(
      (r) => r.method === 'POST' && r.path === `/channels/${h.general.channel.id}/messages` && h.fake.requests.indexOf(r) >= mark,
    );
    expect(post.body.components[0].components.map((b: Component) => b.label)).toEqual(['Helpful', 'Not helpful', 'Dismiss', 'Ask a human']);
  });
});

describe('Ask a human off', () => {
  test('without handoff.discordRole no reply carries the button', async () => {
    const off = await startHarness('');
    try {
      const body = (await off.fake.callbackOf(off.fake.interact(slashFaq(off.general, off.member(), 'quantum chromodynamics of bananas'))))
        .body.data;
      expect(askHuman(body)).toBeUndefined();
    } finally {
      await off.stop();
    }
  });
});

// "Ask a human" on Slack: answers, suggestion lists and "no answer" replies carry the button; a
// press pings the helpers' user group once (<!subteam^ID>), in a thread with the question,
// rate-limited per member, and is counted in the insights.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, blockActions, eventCallback, slashCommand } from '../fakes/slack/payloads.js';
import { button, buttons, pings } from './blocks-of.js';
import { startHarness, type Harness } from './harness.js';

const GROUP = 'SHELPERS';

describe.each(['socket', 'http'] as const)('Ask a human on Slack in %s mode', (mode) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(
      mode,
      {},
      `policy:\n  channelCooldownSeconds: 0\nhandoff:\n  slackGroup: ${GROUP}\n  channelCooldownSeconds: 0\n`,
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  async function faq(userId: string, channelId: string, text: string): Promise<Record<string, unknown>> {
    const responseUrl = h.fake.responseUrl();
    const acked = await h.driver.command(slashCommand({ text, userId, channelId, responseUrl }));
    const inAck = acked.body ? (JSON.parse(acked.body) as Record<string, unknown>) : {};
    return 'text' in inAck ? inAck : ((await h.fake.waitForResponse(responseUrl.split('/').pop()!)).body as Record<string, unknown>);
  }

  /** Presses "Ask a human" on a private reply; resolves with the private answer to the press. */
  async function press(userId: string, channelId: string, reply: Record<string, unknown>, message?: { ts: string; thread_ts?: string }) {
    const ask = button(reply, 'faq_handoff');
    const responseUrl = h.fake.responseUrl();
    await h.driver.interactive(
      blockActions({ actionId: ask.actionId, value: ask.value, userId, channelId, responseUrl, ...(message ? { message } : {}) }),
    );
    return (await h.fake.waitForResponse(responseUrl.split('/').pop()!)).body as Record<string, unknown>;
  }

  const posts = (channelId: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId);

  it('answers, suggestions and "no answer" replies carry the button; the topic list does not', async () => {
    const channelId = h.id('C');
    for (const text of ['how do I migrate from centos?', 'reset', 'quantum chromodynamics of bananas']) {
      expect(
        buttons(await faq(h.id('U'), channelId, text)).map((b) => b.actionId),
        text,
      ).toContain('faq_handoff');
    }
    expect(buttons(await faq(h.id('U'), channelId, 'help')).map((b) => b.actionId)).not.toContain('faq_handoff');
  });

  it('from a private reply: the question goes to the channel pinging nobody, the group is pinged once in its thread', async () => {
    const channelId = h.id('C');
    const user = h.id('U');
    const reply = await faq(user, channelId, 'my laptop melts when I run it <!channel-ish> &');
    const told = await press(user, channelId, reply);
    expect(JSON.stringify(told)).toContain('The helpers were asked in a thread; someone will answer you there.');
    const [parent, ping] = posts(channelId);
    expect(parent!.args.thread_ts).toBeUndefined();
    expect(parent!.args.text).toContain('would like a human to help with:\n> my laptop melts');
    // The member's words are shown, never as a ping (mention syntax is escaped).
    expect(pings(parent!.args)).toEqual([]);
    // The fake answers chat.postMessage with ts values counting up: the ping's thread is a ts it gave.
    expect(ping!.args.thread_ts).toMatch(/^\d+\.000100$/);
    expect(pings(ping!.args)).toEqual([`<!subteam^${GROUP}>`]);
    expect(posts(channelId)).toHaveLength(2);

    // Once per reply; and the member then waits an hour (the default) before asking again.
    const again = await press(user, channelId, reply);
    expect(JSON.stringify(again)).toContain('The helpers were already asked about this question.');
    const other = await press(user, channelId, await faq(user, channelId, 'how do I migrate from centos?'));
    expect(JSON.stringify(other)).toContain('You asked the helpers recently; you can ask them again in 1 h.');
    expect(posts(channelId)).toHaveLength(2);
  });

  it("on a public answer in a mention's thread, the group is pinged in that thread", async () => {
    const channelId = h.id('C');
    const user = h.id('U');
    const ts = '1700001000.000001';
    await h.driver.event(eventCallback(appMention({ text: '<@UBOT> how do I migrate from centos?', userId: user, channelId, ts })));
    const answer = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect(buttons(answer.args).map((b) => b.label)).toEqual(expect.arrayContaining(['🗑️ Dismiss', '🙋 Ask a human']));
    await press(user, channelId, answer.args, { ts: '1700001000.000002', thread_ts: ts });
    const ping = posts(channelId).at(-1)!;
    expect(ping.args.thread_ts).toBe(ts);
    expect(pings(ping.args)).toEqual([`<!subteam^${GROUP}>`]);
    expect(ping.args.text).toContain('> how do I migrate from centos?');
  });

  it('the insights count hand-offs, by entry', async () => {
    const store = h.bot.insights as unknown as { report(since: number): { totals: { handoffs: number }; handoffs: { entryId: string }[] } };
    const report = store.report(0);
    expect(report.totals.handoffs).toBe(2);
    expect(report.handoffs.map((x) => x.entryId)).toContain('migrate');
  });
});

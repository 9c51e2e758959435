// Help channels on Slack (`help: true` in `channels:`): a member's new top-level message is
// answered in its thread only when the matcher is sure beyond the stricter help bar, with
// Helpful / Not helpful and "Ask a human"; never a thread reply, never twice, never a bot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, eventCallback } from '../fakes/slack/payloads.js';
import { TEAM_ID } from '../fakes/slack/fake-slack.js';
import { buttons, headerText } from './blocks-of.js';
import { startHarness, type Harness } from './harness.js';

const HELP = 'CHELPDESK';

describe.each(['socket', 'http'] as const)('help channels on Slack in %s mode', (mode) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(
      mode,
      {},
      `policy:\n  channelCooldownSeconds: 0\nchannels:\n  ${HELP}: { help: true }\nhandoff:\n  slackGroup: SHELPERS\n`,
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  let ts = 1_700_002_000;
  function post(text: string, extra: Record<string, unknown> = {}, channel = HELP) {
    const at = `${++ts}.000001`;
    return {
      at,
      sent: h.driver.event(
        eventCallback({ type: 'message', channel_type: 'channel', channel, user: h.id('U'), text, ts: at, team: TEAM_ID, ...extra }),
      ),
    };
  }
  const answersIn = (threadTs: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === threadTs);
  /** A mention elsewhere that is answered: the events before it have surely been handled. */
  async function settle(): Promise<void> {
    const channelId = h.id('C');
    await h.driver.event(
      eventCallback(appMention({ text: '<@UBOT> how do I migrate from centos?', userId: h.id('U'), channelId, ts: `${++ts}.000001` })),
    );
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
  }

  it('a confident match is answered in the thread of the post, with Helpful / Not helpful and Ask a human', async () => {
    const { at, sent } = post('How do I migrate from CentOS to AlmaLinux?');
    await sent;
    const answer = await h.fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === at);
    expect(answer.args.channel).toBe(HELP);
    expect(headerText(answer.args)).toBe('How do I migrate from CentOS to AlmaLinux?');
    expect(buttons(answer.args).map((b) => b.label)).toEqual(expect.arrayContaining(['👍 Helpful', '👎 Not helpful', '🙋 Ask a human']));
  });

  it('an unsure match, a thread reply, a bot post, an edit and a post in another channel stay unanswered', async () => {
    const unsure = post('my keyboard types in reverse sometimes, ideas?');
    const reply = post('How do I migrate from CentOS to AlmaLinux?', { thread_ts: '1700001999.000001' });
    const bot = post('How do I migrate from CentOS to AlmaLinux?', { bot_id: 'BOTHER' });
    const edit = post('How do I migrate from CentOS to AlmaLinux?', { subtype: 'message_changed' });
    const elsewhere = post('How do I migrate from CentOS to AlmaLinux?', {}, 'CGENERAL');
    await Promise.all([unsure.sent, reply.sent, bot.sent, edit.sent, elsewhere.sent]);
    await settle();
    for (const p of [unsure, reply, bot, edit, elsewhere]) expect(answersIn(p.at)).toEqual([]);
    expect(answersIn('1700001999.000001')).toEqual([]);
  });

  it('never twice in a thread: the same post delivered again is answered once', async () => {
    const at = `${++ts}.000001`;
    const event = {
      type: 'message',
      channel_type: 'channel',
      channel: HELP,
      user: 'UNEW',
      text: 'How do I migrate from CentOS to AlmaLinux?',
      ts: at,
      team: TEAM_ID,
    };
    await h.driver.event(eventCallback(event));
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === at);
    await h.driver.event(eventCallback(event)); // a new event id: not Slack's retry, a second delivery
    await settle();
    expect(answersIn(at)).toHaveLength(1);
  });
});

// "Where the bot speaks" on Slack: `channels:` rules enforced on mentions and /faq.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, eventCallback, slashCommand } from '../fakes/slack/payloads.js';
import { headerText } from './blocks-of.js';
import { startHarness, type Harness } from './harness.js';

describe('channels: on Slack', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('socket', {}, 'channels:\n  CQUIET: { mention: ignore, slash: deny }\n  CPRIV: { mention: private }\n');
  });
  afterAll(async () => {
    await h?.close();
  });

  const mention = (channelId: string, userId: string, ts: string) =>
    h.driver.event(eventCallback(appMention({ text: '<@UBOT> how do I migrate from centos?', userId, channelId, ts })));

  it('stays silent on a mention where mentions are ignored, and answers in other channels', async () => {
    const mark = h.fake.calls.length;
    await mention('CQUIET', h.id('U'), '1700000900.000001');
    const elsewhere = h.id('C');
    await mention(elsewhere, h.id('U'), '1700000901.000001');
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === elsewhere);
    expect(h.fake.calls.slice(mark).filter((c) => c.args.channel === 'CQUIET')).toEqual([]);
  });

  it('answers a mention only to the asker where the channel says private, in the thread', async () => {
    const userId = h.id('U');
    await mention('CPRIV', userId, '1700000902.000001');
    const ephemeral = await h.fake.waitForCall('chat.postEphemeral', (c) => c.args.channel === 'CPRIV');
    expect(ephemeral.args).toMatchObject({ user: userId, thread_ts: '1700000902.000001' });
    expect(headerText(ephemeral.args)).toBe('How do I migrate from CentOS to AlmaLinux?');
    expect(h.fake.callsTo('chat.postMessage').some((c) => c.args.channel === 'CPRIV')).toBe(false);
  });

  it('holds /faq back where it is denied, privately, and answers it in a direct message', async () => {
    const denied = await h.driver.command(
      slashCommand({ text: 'migrate', userId: h.id('U'), channelId: 'CQUIET', responseUrl: h.fake.responseUrl() }),
    );
    expect(JSON.parse(denied.body)).toMatchObject({
      response_type: 'ephemeral',
      text: '`/faq` is turned off in this channel; ask in another channel.',
    });
    const dm = await h.driver.command(
      slashCommand({ text: 'migrate', userId: h.id('U'), channelId: 'D0DIRECT', responseUrl: h.fake.responseUrl() }),
    );
    expect(headerText(JSON.parse(dm.body) as Record<string, unknown>)).toBe('How do I migrate from CentOS to AlmaLinux?');
  });
});

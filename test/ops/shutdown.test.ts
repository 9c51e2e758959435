// Stopping the bot (what SIGTERM and SIGINT do): an answer on its way is delivered before the
// platforms close, and one line says why the bot stopped and what was flushed.
import { afterEach, describe, expect, it } from 'vitest';
import { appMention, eventCallback } from '../fakes/slack/payloads.js';
import { startHarness, type Harness } from '../slack/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('shutdown', () => {
  it('waits for an answer being posted, then closes Slack and the store, and says so', async () => {
    h = await startHarness('http');
    const release = h.fake.hold('chat.postMessage');
    const channelId = h.id('C');
    await h.driver.event(
      eventCallback(appMention({ text: '<@UBOT> how do I migrate from centos?', userId: h.id('U'), channelId, ts: '1700000100.000001' })),
    );
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    let stopped = false;
    const stopping = h.bot.stop('SIGTERM').then(() => {
      stopped = true;
    });
    await new Promise((done) => setTimeout(done, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(h.logs.filter((l) => l.startsWith('error'))).toEqual([]);
    const line = h.logs.find((l) => l.startsWith('info faqbot stopped'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!.slice('info faqbot stopped '.length))).toEqual({
      reason: 'SIGTERM',
      answersDrained: 1,
      answersAbandoned: 0,
      platformsClosed: ['slack'],
      insights: 'written and closed',
    });
  });

  it('logs one start line with the version, the platforms and the knowledge size', async () => {
    h = await startHarness('http');
    const line = h.logs.find((l) => l.startsWith('info faqbot started'));
    expect(JSON.parse(line!.slice('info faqbot started '.length))).toMatchObject({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      platforms: ['slack'],
      knowledge: { entries: expect.any(Number), files: 1 },
    });
  });
});

// Slack refreshes Socket Mode connections every few hours by asking the app to reconnect.
// The bot must come back on its own and keep answering, with no moment without a connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, eventCallback } from '../fakes/slack/payloads.js';
import { headerText } from './blocks-of.js';
import { startHarness, type Harness } from './harness.js';

describe('Slack Socket Mode reconnection', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('socket', { FAQBOT_HTTP_PORT: '0' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reconnects when Slack asks it to, through apps.connections.open, and keeps answering', async () => {
    expect(h.fake.connections).toBe(1);
    h.fake.requestReconnect();
    await h.fake.waitForConnections(2);
    expect(h.fake.callsTo('apps.connections.open')).toHaveLength(2);
    const channelId = h.id('C');
    await h.driver.event(eventCallback(appMention({ text: '<@UBOT> migrate', userId: h.id('U'), channelId, ts: '1700002000.000001' })));
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect(headerText(post.args)).toBe('How do I migrate from CentOS to AlmaLinux?');
    // A routine refresh is seamless (the new connection opens before the old one closes): no
    // warning for the operator, no counted reconnect, ready throughout.
    expect(h.logs).not.toContainEqual(expect.stringMatching(/^warn slack: reconnecting/));
    const metrics = await (await fetch(`http://127.0.0.1:${h.bot.opsPort}/metrics`)).text();
    expect(metrics).not.toMatch(/^faqbot_platform_reconnects_total\{platform="slack"\} [1-9]/m);
    expect((await fetch(`http://127.0.0.1:${h.bot.opsPort}/readyz`)).status).toBe(200);
  });

  it('opens the new connection before it closes the old one, so requests sent during a refresh are all answered', async () => {
    const before = h.fake.connections;
    const sent: Promise<unknown>[] = [];
    const sending = setInterval(() => {
      sent.push(
        h.driver.event(
          eventCallback(appMention({ text: '<@UBOT> migrate', userId: h.id('U'), channelId: h.id('C'), ts: '1700002100.000001' })),
        ),
      );
    }, 20);
    try {
      h.fake.requestReconnect();
      await h.fake.waitForConnections(before + 1);
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      clearInterval(sending);
    }
    const outcomes = await Promise.allSettled(sent);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const timeline = h.fake.socketTimeline;
    expect(timeline.indexOf(`open ${before + 1}`)).toBeLessThan(timeline.indexOf(`close ${before}`));
    expect(timeline).toContain(`close ${before}`);
  });
});

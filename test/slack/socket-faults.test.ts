// Socket Mode under faults: the WebSocket drops and apps.connections.open then fails for a
// while (HTTP 500, reset connections). The bot must keep trying with backoff, come back, log the
// outage once, and never print the app token.
import { afterEach, describe, expect, it } from 'vitest';
import { APP_TOKEN } from '../fakes/slack/fake-slack.js';
import { appMention, eventCallback } from '../fakes/slack/payloads.js';
import { headerText } from './blocks-of.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;

/** Polls a condition the bot reaches on its own (no timing is asserted). */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Slack Socket Mode when apps.connections.open fails after a drop', () => {
  it('keeps retrying through HTTP 500s and resets, reconnects, answers, and logs the outage once without the token', async () => {
    h = await startHarness('socket');
    const harness = h;
    harness.fake.faultNext('apps.connections.open', 500, 'reset', 500, 'reset', 500);
    harness.fake.dropSocket();
    await harness.fake.waitForConnections(2);
    expect(harness.fake.faultsLeft('apps.connections.open')).toBe(0);
    expect(harness.fake.callsTo('apps.connections.open')).toHaveLength(7);
    await until(() => harness.slack.health().state === 'connected');

    const channelId = harness.id('C');
    await harness.driver.event(
      eventCallback(appMention({ text: '<@UBOT> migrate', userId: harness.id('U'), channelId, ts: '1700003000.000001' })),
    );
    const post = await harness.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect(headerText(post.args)).toBe('How do I migrate from CentOS to AlmaLinux?');

    expect(harness.logs.filter((l) => /Socket Mode connection lost/.test(l))).toHaveLength(1);
    expect(harness.logs.filter((l) => /Socket Mode connection back after \d+\.\d s \(5 failed attempts\)/.test(l))).toHaveLength(1);
    expect(harness.logs.join('\n')).not.toContain(APP_TOKEN);
    expect(harness.logs.join('\n')).not.toMatch(/xapp-|Bearer/);
  });

  it('stops the bot with what to do when Slack refuses the app token while reconnecting', async () => {
    h = await startHarness('socket');
    const harness = h;
    harness.fake.fail('apps.connections.open', 'invalid_auth', 5);
    harness.fake.dropSocket();
    const reason = await harness.bot.failed;
    expect(reason).toMatch(
      /^slack: Slack refused SLACK_APP_TOKEN while reconnecting \(invalid_auth\).*new app-level token with connections:write and restart$/,
    );
    expect(harness.slack.health()).toMatchObject({ state: 'failed' });
    expect(reason).not.toContain(APP_TOKEN);
  });
});

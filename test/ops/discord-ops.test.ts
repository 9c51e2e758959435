// Discord's gateway drops now and then; readiness and the metrics show it while discord.js
// reconnects, and the bot is ready again after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../discord/harness.js';
import { metricValue, parsePrometheus } from './prometheus.js';

describe('Discord behind the ops endpoints', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('', { FAQBOT_HTTP_PORT: '0' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const readyz = async () => {
    const res = await fetch(`http://127.0.0.1:${h.bot.opsPort}/readyz`);
    return { status: res.status, body: JSON.parse(await res.text()) as { reasons?: string[] } };
  };

  it('is ready once logged in, 503 while the gateway reconnects, ready again after, with the reconnect counted', async () => {
    expect((await readyz()).status).toBe(200);
    const release = h.fake.holdSessions();
    h.fake.dropGateway(4000);
    await expect.poll(async () => (await readyz()).body.reasons?.[0] ?? '', { timeout: 10_000 }).toMatch(/^discord: reconnecting/);
    expect((await readyz()).status).toBe(503);
    release();
    await h.fake.whenReady();
    await expect.poll(async () => (await readyz()).status, { timeout: 15_000 }).toBe(200);
    const metrics = parsePrometheus(await (await fetch(`http://127.0.0.1:${h.bot.opsPort}/metrics`)).text());
    expect(metricValue(metrics, 'faqbot_platform_reconnects_total', { platform: 'discord' })).toBe(1);
  });
});

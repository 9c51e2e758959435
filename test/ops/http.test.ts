// The ops endpoints of a running bot: on Slack's own port in HTTP mode, on FAQBOT_HTTP_PORT
// otherwise; what /metrics counts as members ask and as knowledge edits come and go.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appMention, eventCallback, slashCommand } from '../fakes/slack/payloads.js';
import { KNOWLEDGE, startHarness, type Harness } from '../slack/harness.js';
import { metricValue, parsePrometheus } from './prometheus.js';

let h: Harness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function get(port: number, path: string) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

async function faq(text: string) {
  await h!.driver.command(slashCommand({ text, userId: h!.id('U'), channelId: h!.id('C'), responseUrl: h!.fake.responseUrl() }));
}

describe('ops endpoints', () => {
  it("share Slack's HTTP port when FAQBOT_HTTP_PORT is unset, beside /slack/events", async () => {
    h = await startHarness('http');
    const port = h.slack.port!;
    expect(h.bot.opsPort).toBeUndefined();
    expect(await get(port, '/healthz')).toMatchObject({ status: 200, text: '{"status":"ok"}\n' });
    const ready = await get(port, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ status: 'ready', platforms: { slack: 'connected' } });
    await faq('migrate');
    await faq('xyzzy quantum flux');
    const metrics = await get(port, '/metrics');
    expect(metrics.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parsePrometheus(metrics.text);
    expect(metricValue(samples, 'faqbot_asks_total', { platform: 'slack', decision: 'answer' })).toBe(1);
    expect(metricValue(samples, 'faqbot_asks_total', { platform: 'slack', decision: 'none' })).toBe(1);
    expect(metricValue(samples, 'faqbot_answer_latency_seconds_count', { platform: 'slack' })).toBeGreaterThanOrEqual(2);
    expect(metricValue(samples, 'faqbot_knowledge_entries', {})).toBeGreaterThan(0);
  });

  it('listen on FAQBOT_HTTP_PORT in Socket Mode, and turn /readyz to 503 with a reason while shutting down', async () => {
    h = await startHarness('socket', { FAQBOT_HTTP_PORT: '0' });
    const port = h.bot.opsPort!;
    expect(port).toBeGreaterThan(0);
    expect((await get(port, '/readyz')).status).toBe(200);
    expect((await get(port, '/nothing-here')).status).toBe(404);
    // An answer still being posted keeps shutdown draining while /readyz is asked.
    const release = h.fake.hold('chat.postMessage');
    const channelId = h.id('C');
    await h.driver.event(
      eventCallback(appMention({ text: '<@UBOT> how do I migrate from centos?', userId: h.id('U'), channelId, ts: '1700000100.000001' })),
    );
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    const stopping = h.bot.stop('SIGTERM');
    const during = await get(port, '/readyz');
    expect(during.status).toBe(503);
    expect(JSON.parse(during.text)).toEqual({ status: 'not ready', reasons: ['shutting down'], platforms: { slack: 'connected' } });
    release();
    await stopping;
    await expect(get(port, '/healthz')).rejects.toThrow();
  });

  it('count knowledge reloads and refused changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'faqbot-ops-kb-'));
    dirs.push(dir);
    await cp(KNOWLEDGE, dir, { recursive: true });
    h = await startHarness('socket', { FAQBOT_HTTP_PORT: '0', FAQBOT_KNOWLEDGE: dir });
    const port = h.bot.opsPort!;
    const count = async (name: string) => metricValue(parsePrometheus((await get(port, '/metrics')).text), name, {});
    await writeFile(join(dir, 'broken.yaml'), 'entries: [unclosed\n');
    await expect.poll(() => count('faqbot_knowledge_reload_failures_total'), { timeout: 10_000 }).toBe(1);
    await rm(join(dir, 'broken.yaml'));
    await expect.poll(() => count('faqbot_knowledge_reloads_total'), { timeout: 10_000 }).toBe(1);
  });
});

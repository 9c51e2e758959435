// Starting: which mode the secrets select, and clear messages for the mistakes people make.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startBot } from '../../bin/start.js';
import { silentLogger } from '../../src/log.js';
import { adapters } from '../../bin/commands.js';
import { APP_TOKEN, BOT_TOKEN, FakeSlack } from '../fakes/slack/fake-slack.js';
import { KNOWLEDGE } from './harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function start(env: Record<string, string>, startupTimeoutMs?: number) {
  const fake = await FakeSlack.start();
  const cwd = await mkdtemp(join(tmpdir(), 'faqbot-slack-start-'));
  cleanups.push(async () => {
    await fake.close();
    await rm(cwd, { recursive: true, force: true });
  });
  const io = {
    out() {},
    err() {},
    stdin: process.stdin,
    cwd,
    env: { SLACK_API_URL: fake.apiUrl, FAQBOT_KNOWLEDGE: KNOWLEDGE, PORT: '0', ...env },
  };
  return { fake, run: () => startBot(io, { adapters, log: silentLogger, ...(startupTimeoutMs ? { startupTimeoutMs } : {}) }) };
}

describe('starting the Slack adapter', () => {
  it('is not started without SLACK_BOT_TOKEN', async () => {
    const { run } = await start({});
    const bot = await run();
    cleanups.push(() => bot.stop());
    expect(bot.platforms).toEqual([]);
  });

  it('runs in HTTP mode with a signing secret and reports the port it bound (PORT=0)', async () => {
    const { run, fake } = await start({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: 's' });
    const bot = await run();
    cleanups.push(() => bot.stop());
    expect(bot.platforms[0]).toMatchObject({ name: 'slack', mode: 'http' });
    expect((bot.platforms[0] as { port?: number }).port).toBeGreaterThan(0);
    expect(fake.callsTo('auth.test')[0]?.token).toBe(BOT_TOKEN);
  });

  it('says which secret is missing when neither an app token nor a signing secret is set', async () => {
    const { run } = await start({ SLACK_BOT_TOKEN: BOT_TOKEN });
    await expect(run()).rejects.toThrow(/neither SLACK_APP_TOKEN \(Socket Mode\) nor SLACK_SIGNING_SECRET \(HTTP mode\)/);
  });

  it('says the bot token was refused, without printing it', async () => {
    const { run } = await start({ SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: 's' });
    const error = await run().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/Slack did not accept SLACK_BOT_TOKEN \(invalid_auth\)/);
    expect(error?.message).not.toContain('xoxb-wrong');
  });

  it('tells an unreachable Slack apart from a refused token', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((done) => closed.close(() => done()));
    const { run } = await start({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: 's', SLACK_API_URL: `http://127.0.0.1:${port}/api/` });
    const error = await run().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/could not reach Slack .*check the network, or SLACK_API_URL/);
    expect(error?.message).not.toContain(BOT_TOKEN);
  });

  it('says Socket Mode did not connect when the app token is refused', async () => {
    const { run } = await start({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-wrong' });
    const error = await run().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/Socket Mode did not connect \(invalid_auth\).*SLACK_APP_TOKEN/);
    expect(error?.message).not.toContain('xapp-wrong');
  });

  it.each([
    ['HTTP mode, auth.test never answered', 'auth.test', { SLACK_SIGNING_SECRET: 's' }],
    ['Socket Mode, auth.test never answered', 'auth.test', { SLACK_APP_TOKEN: APP_TOKEN }],
    ['Socket Mode, apps.connections.open never answered', 'apps.connections.open', { SLACK_APP_TOKEN: APP_TOKEN }],
  ] as const)('gives up with a clear message when Slack accepts and never answers (%s)', async (_, method, env) => {
    const { run, fake } = await start({ SLACK_BOT_TOKEN: BOT_TOKEN, ...env }, 1500);
    fake.faultNext(method, 'hang', 'hang', 'hang');
    const error = await run().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe(
      'slack did not finish starting within 1.5 s: its API accepted the connection but did not answer. Check the network (a proxy or firewall in the way?), and SLACK_API_URL if you set it.',
    );
  });
});

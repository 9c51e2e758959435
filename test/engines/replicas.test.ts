// Two full bot instances (startBot, as `npm start` runs them) on one Redis and one PostgreSQL,
// behind one fake Slack in HTTP mode: they behave as one bot. Needs the real engines.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type Started } from '../../bin/start.js';
import { adapters } from '../../bin/commands.js';
import type { RunningSlack } from '../../adapters/slack/index.js';
import { insightsCommand } from '../../cli/commands/insights.js';
import { runCli } from '../../cli/run-cli.js';
import { silentLogger } from '../../src/log.js';
import { BOT_TOKEN, FakeSlack } from '../fakes/slack/fake-slack.js';
import { httpDriver } from '../fakes/slack/driver.js';
import { appMention, eventCallback, slashCommand } from '../fakes/slack/payloads.js';
import { KNOWLEDGE, SIGNING_SECRET, USERS } from '../slack/harness.js';
import { freshDatabase, pgReachable, REDIS_URL, redisReachable, uniqueName } from './engines.js';

const engines = (await redisReachable()) && (await pgReachable());

describe.skipIf(!engines)('two replicas on one Redis and one PostgreSQL', () => {
  let fake: FakeSlack;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let cwd: string;
  const replicas: { bot: Started; driver: ReturnType<typeof httpDriver> }[] = [];
  const prefix = `${uniqueName('faqbot_test')}:`;
  let n = 0;
  const id = (p: string) => `${p}${(++n).toString(36).toUpperCase()}R${Math.random().toString(36).slice(2, 6).toUpperCase()}`;

  beforeAll(async () => {
    fake = await FakeSlack.start(USERS);
    db = await freshDatabase();
    cwd = await mkdtemp(join(tmpdir(), 'faqbot-replicas-'));
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: fake.apiUrl,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: '0',
      FAQBOT_KNOWLEDGE: KNOWLEDGE,
      FAQBOT_REDIS_URL: REDIS_URL,
      FAQBOT_REDIS_PREFIX: prefix,
      FAQBOT_DATABASE_URL: db.url,
    };
    for (let i = 0; i < 2; i++) {
      const bot = await startBot({ out() {}, err() {}, stdin: process.stdin, cwd, env }, { adapters, log: silentLogger });
      const slack = bot.platforms.find((p) => p.name === 'slack') as RunningSlack;
      replicas.push({ bot, driver: httpDriver(`http://127.0.0.1:${slack.port}/slack/events`, SIGNING_SECRET) });
    }
  });

  afterAll(async () => {
    for (const r of replicas) await r.bot.stop();
    await fake?.close();
    await db?.drop();
    await rm(cwd, { recursive: true, force: true });
    const { Redis } = await import('ioredis');
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('both replicas share state through Redis and record to PostgreSQL (what readiness checks read)', () => {
    expect(replicas.map((r) => r.bot.stateHealth())).toEqual([
      { engine: 'redis', shared: true },
      { engine: 'redis', shared: true },
    ]);
    expect(replicas.map((r) => r.bot.insightsHealth())).toEqual([0, 1].map(() => ({ engine: 'postgres', writing: true, pending: 0 })));
  });

  it('the same answer aimed at the same member via replica A, then B, is held by the cooldown', async () => {
    const [a, b] = replicas;
    const first = await a!.driver.command(
      slashCommand({ text: 'install packages <@UNEW>', userId: 'UMOD', channelId: id('C'), responseUrl: fake.responseUrl() }),
    );
    expect(first.status).toBe(200);
    await fake.waitForCall('chat.postMessage', (c) => JSON.stringify(c.args).includes('<@UNEW>'));
    const responseUrl = fake.responseUrl();
    const second = await b!.driver.command(
      slashCommand({ text: 'install packages <@UNEW>', userId: 'UMOD', channelId: id('C'), responseUrl }),
    );
    const inAck = second.body
      ? JSON.stringify(JSON.parse(second.body))
      : JSON.stringify((await fake.waitForResponse(responseUrl.split('/').pop()!)).body);
    expect(inAck).toContain('already sent to that member recently');
    expect(fake.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.args).includes('How do I install packages?'))).toHaveLength(1);
  });

  it('a Slack event retried to the other replica is answered once', async () => {
    const [a, b] = replicas;
    const channelId = id('C');
    const event = eventCallback(appMention({ text: '<@UBOT> migrate', userId: id('U'), channelId, ts: '1700000500.000001' }));
    await a!.driver.event(event);
    await fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect((await b!.driver.event(event, 1)).status).toBe(200);
    // A later event answered by B shows B processed (and dropped) the retry before it.
    const later = id('C');
    await b!.driver.event(
      eventCallback(appMention({ text: '<@UBOT> migrate', userId: id('U'), channelId: later, ts: '1700000501.000001' })),
    );
    await fake.waitForCall('chat.postMessage', (c) => c.args.channel === later);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId)).toHaveLength(1);
  });

  it("both replicas' asks are in one insights report", async () => {
    const [a, b] = replicas;
    await a!.driver.command(
      slashCommand({ text: 'is there a dark mode', userId: id('U'), channelId: id('C'), responseUrl: fake.responseUrl() }),
    );
    await b!.driver.command(
      slashCommand({ text: 'can I change the font size', userId: id('U'), channelId: id('C'), responseUrl: fake.responseUrl() }),
    );
    // Records are written in the background: stopping a replica writes what it still holds.
    const out: string[] = [];
    const read = async () => {
      out.length = 0;
      await runCli(['insights', '--json'], [insightsCommand], {
        out: (t) => out.push(t),
        err: () => undefined,
        stdin: new PassThrough(),
        cwd,
        env: { FAQBOT_DATABASE_URL: db.url, FAQBOT_KNOWLEDGE: KNOWLEDGE },
      });
      return JSON.parse(out.join('\n')) as { unanswered: { examples?: string[]; text?: string }[] };
    };
    await expect
      .poll(async () => JSON.stringify((await read()).unanswered), { timeout: 10_000 })
      .toMatch(/dark mode[\s\S]*font size|font size[\s\S]*dark mode/);
  });
});

// Two replicas that each hold a gateway connection both receive a mention; with shared state in
// Redis only one replies. Two fake Discords with the same server stand for Discord delivering
// one message to two connections. Needs the real Redis.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type Started } from '../../bin/start.js';
import { adapters } from '../../bin/commands.js';
import { silentLogger } from '../../src/log.js';
import { guildMessage } from '../fakes/discord/payloads.js';
import { FakeDiscord, snowflake, type FakeChannel, type FakeGuild, type FakeUser } from '../fakes/discord/server.js';
import { FIXTURE_KNOWLEDGE, user } from '../discord/harness.js';
import { REDIS_URL, redisReachable, uniqueName } from './engines.js';

const withRedis = await redisReachable();

describe.skipIf(!withRedis)('two Discord replicas on the gateway, one Redis', () => {
  const general: FakeChannel = { id: snowflake(), name: 'general', type: 0 };
  const guild: FakeGuild = { id: snowflake(), name: 'Test server', channels: [general], members: [] };
  const bot: FakeUser = { id: snowflake(), username: 'faqbot', bot: true };
  const applicationId = snowflake();
  const prefix = `${uniqueName('faqbot_test')}:`;
  const fakes: FakeDiscord[] = [];
  const bots: Started[] = [];
  let cwd = '';

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'faqbot-discord-replicas-'));
    for (let i = 0; i < 2; i++) {
      const fake = await FakeDiscord.start({ guilds: [guild], bot, applicationId });
      fakes.push(fake);
      bots.push(
        await startBot(
          {
            out() {},
            err() {},
            stdin: new PassThrough(),
            cwd,
            env: {
              DISCORD_TOKEN: 'test-token',
              DISCORD_API_URL: fake.apiUrl,
              FAQBOT_KNOWLEDGE: FIXTURE_KNOWLEDGE,
              FAQBOT_DB: join(cwd, `r${i}.db`),
              FAQBOT_REDIS_URL: REDIS_URL,
              FAQBOT_REDIS_PREFIX: prefix,
            },
          },
          { adapters, log: silentLogger },
        ),
      );
    }
  });

  afterAll(async () => {
    for (const b of bots) await b.stop();
    for (const f of fakes) await f.stop();
    await rm(cwd, { recursive: true, force: true });
    const { Redis } = await import('ioredis');
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('a mention both connections receive is answered once', async () => {
    const asker: FakeUser = user();
    const msg = guildMessage({ guild, channel: general }, asker, `<@${bot.id}> how do I install example?`, [bot]);
    for (const f of fakes) f.dispatch('MESSAGE_CREATE', msg);
    const posted = (f: FakeDiscord) => f.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${general.id}/messages`);
    await expect.poll(() => fakes.flatMap(posted).length, { timeout: 10_000 }).toBe(1);
    // A later message is answered too, by whichever replica wins it: the first was not lost, only not repeated.
    const later = guildMessage({ guild, channel: general }, user(), `<@${bot.id}> backup`, [bot]);
    for (const f of fakes) f.dispatch('MESSAGE_CREATE', later);
    await expect.poll(() => fakes.flatMap(posted).length, { timeout: 10_000 }).toBe(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(
      fakes
        .flatMap(posted)
        .map((r) => r.body.message_reference.message_id)
        .sort(),
    ).toEqual([msg.id, later.id].sort());
  });
});

// The shared state behaves the same in memory and in Redis: a key is claimed once, given back
// only by its holder, and the rate limit counts per member. Redis down: answers go on locally.
import { afterAll, describe, expect, it } from 'vitest';
import { FallbackState } from '../../src/engines/fallback-state.js';
import { RedisState } from '../../src/engines/redis-state.js';
import { MemoryState, type SharedState } from '../../src/service/shared-state.js';
import { closedPort, cuttableProxy, REDIS_URL, redisReachable, uniqueName } from './engines.js';

const withRedis = await redisReachable();
const opened: RedisState[] = [];
afterAll(async () => {
  for (const r of opened) await r.close();
  if (!withRedis) return;
  // One plain client removes what each test's prefix left (claims also expire on their own).
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL);
  for (const prefix of new Set(opened.map((r) => r.client.options.keyPrefix ?? ''))) {
    if (!prefix) continue;
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  redis.disconnect();
});

async function redis(): Promise<RedisState> {
  const r = new RedisState({ url: REDIS_URL, prefix: `${uniqueName('faqbot_test')}:` });
  opened.push(r);
  await r.ready();
  return r;
}

const engines: [string, () => Promise<SharedState>, boolean][] = [
  ['memory', async () => new MemoryState(), true],
  ['redis', redis, withRedis],
];

describe.each(engines)('shared state in %s', (_name, make, available) => {
  it.skipIf(!available)('claims a key once until it expires, and says how long it is held', async () => {
    const s = await make();
    const now = Date.now();
    const first = await s.claim('cd:x', 60_000, now);
    expect(first.claimed).toBe(true);
    const second = await s.claim('cd:x', 60_000, now + 10);
    expect(second.claimed).toBe(false);
    if (!second.claimed) expect(second.remainingMs).toBeGreaterThan(50_000);
    expect((await s.claim('cd:other', 60_000, now)).claimed).toBe(true);
  });

  it.skipIf(!available)('a claim is given back only by its holder', async () => {
    const s = await make();
    const now = Date.now();
    const mine = await s.claim('cd:y', 60_000, now);
    if (!mine.claimed) throw new Error('expected a claim');
    await s.release('cd:y', 'someone-else');
    expect((await s.claim('cd:y', 60_000, now)).claimed).toBe(false);
    await s.release('cd:y', mine.token);
    expect((await s.claim('cd:y', 60_000, now)).claimed).toBe(true);
  });

  it.skipIf(!available)('an expired claim may be taken again', async () => {
    const s = await make();
    const now = Date.now();
    expect((await s.claim('cd:z', 30, now)).claimed).toBe(true);
    await new Promise((r) => setTimeout(r, 80));
    expect((await s.claim('cd:z', 30, now + 80)).claimed).toBe(true);
  });

  it.skipIf(!available)('the rate limit allows `count` events per member, then says how long to wait', async () => {
    const s = await make();
    const now = Date.now();
    for (let i = 0; i < 3; i++) expect(await s.take('rl:slack:U1', 3, 60_000, now + i)).toBe(0);
    expect(await s.take('rl:slack:U1', 3, 60_000, now + 3)).toBeGreaterThan(50_000);
    expect(await s.take('rl:slack:U2', 3, 60_000, now + 3)).toBe(0);
  });

  it.skipIf(!available)('two claims at the same moment: exactly one wins', async () => {
    const s = await make();
    const now = Date.now();
    const claims = await Promise.all(Array.from({ length: 20 }, () => s.claim('cd:race', 60_000, now)));
    expect(claims.filter((c) => c.claimed)).toHaveLength(1);
  });
});

describe('shared state with Redis down', () => {
  it('answers on local state, says so once, and uses Redis again when it answers', async () => {
    let down = true;
    const calls: string[] = [];
    const inner = new MemoryState();
    const flaky: SharedState = {
      claim: async (...a) => {
        calls.push('claim');
        if (down) throw new Error('connect ECONNREFUSED');
        return inner.claim(...a);
      },
      release: async (...a) => {
        if (down) throw new Error('connect ECONNREFUSED');
        return inner.release(...a);
      },
      take: async (...a) => {
        if (down) throw new Error('connect ECONNREFUSED');
        return inner.take(...a);
      },
    };
    const logs: string[] = [];
    let clock = 1_000_000;
    const state = new FallbackState(
      flaky,
      'redis',
      'redis://127.0.0.1:6379',
      {
        info: (m) => logs.push(`info ${m}`),
        warn: (m) => logs.push(`warn ${m}`),
        error: (m) => logs.push(`error ${m}`),
      },
      () => clock,
    );
    // Down: the local memory still holds the cooldown, so this replica does not double-post.
    expect((await state.claim('cd:a', 60_000, clock)).claimed).toBe(true);
    expect((await state.claim('cd:a', 60_000, clock)).claimed).toBe(false);
    expect(await state.take('rl:x', 1, 60_000, clock)).toBe(0);
    expect(logs.filter((l) => l.startsWith('warn'))).toHaveLength(1);
    expect(logs[0]).toMatch(/redis at redis:\/\/127\.0\.0\.1:6379 is unreachable \(connect ECONNREFUSED\)/);
    expect(state.health().shared).toBe(false);
    // Not retried on every answer while down: one failed call, then local until the retry time.
    expect(calls).toHaveLength(1);
    down = false;
    clock += 6_000;
    expect((await state.claim('cd:b', 60_000, clock)).claimed).toBe(true);
    expect(state.health().shared).toBe(true);
    expect(logs.at(-1)).toMatch(/^info state: redis at .* answers again/);
  });

  it('a Redis URL with nothing behind it: the bot state still answers, and the password is never shown', async () => {
    const port = await closedPort();
    const r = new RedisState({ url: `redis://:s3cret@127.0.0.1:${port}`, prefix: 'x:' });
    const logs: string[] = [];
    const state = new FallbackState(r, 'redis', r.describe(), {
      info: (m) => logs.push(m),
      warn: (m) => logs.push(m),
      error: (m) => logs.push(m),
    });
    expect((await state.claim('cd:q', 60_000, Date.now())).claimed).toBe(true);
    expect(await state.take('rl:q', 5, 60_000, Date.now())).toBe(0);
    await r.close();
    expect(logs).toHaveLength(1);
    expect(logs.join('\n')).not.toContain('s3cret');
    expect(logs[0]).toContain(`redis://127.0.0.1:${port}`);
  });
});

describe.skipIf(!withRedis)('two answer services (replicas) on one Redis', () => {
  it("hold each other's cooldowns, and a failed post gives the cooldown back to both", async () => {
    const { loadKnowledge } = await import('../../src/knowledge/load.js');
    const { AnswerService } = await import('../../src/service/answer-service.js');
    const { knowledge } = loadKnowledge('knowledge');
    const shared = await redis();
    const [a, b] = [0, 1].map(() => new AnswerService({ knowledge, state: shared }));
    const newbie = { id: 'U-newbie' };
    const ask = (s: InstanceType<typeof AnswerService>, channelId: string) =>
      s.ask({ text: 'fips', platform: 'test', channelId, asker: { id: 'U-mod' }, via: 'command', target: newbie });
    const first = await ask(a!, 'C1');
    expect(first.kind).toBe('answer');
    const again = await ask(b!, 'C2');
    expect(again.kind === 'held' && again.reason).toBe('target-cooldown');
    await a!.notDelivered(first.askId);
    expect((await ask(b!, 'C2')).kind).toBe('answer');
  });
});

describe.skipIf(!withRedis)('the real Redis going away and coming back', () => {
  it('claims fall back to local memory while it is away, and are shared again once it answers', async () => {
    const proxy = await cuttableProxy(6379);
    const prefix = `${uniqueName('faqbot_test')}:`;
    const viaProxy = new RedisState({ url: `redis://127.0.0.1:${proxy.port}`, prefix });
    const direct = new RedisState({ url: REDIS_URL, prefix });
    opened.push(viaProxy, direct);
    await viaProxy.ready();
    await direct.ready();
    const logs: string[] = [];
    const state = new FallbackState(viaProxy, 'redis', viaProxy.describe(), {
      info: (m) => logs.push(`info ${m}`),
      warn: (m) => logs.push(`warn ${m}`),
      error: (m) => logs.push(`error ${m}`),
    });
    expect((await state.claim('cd:before', 60_000, Date.now())).claimed).toBe(true);
    await proxy.cut();
    expect((await state.claim('cd:during', 60_000, Date.now())).claimed).toBe(true);
    expect(state.health().shared).toBe(false);
    // Claimed locally: the other replica (straight to Redis) does not see it.
    expect((await direct.claim('cd:during', 60_000)).claimed).toBe(true);
    await proxy.restore();
    // Tried again after 5 s; ioredis reconnects meanwhile.
    await expect
      .poll(
        async () => {
          await state.claim(`cd:probe:${Date.now()}`, 60_000, Date.now());
          return state.health().shared;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(true);
    const after = await state.claim('cd:after', 60_000, Date.now());
    expect(after.claimed).toBe(true);
    expect((await direct.claim('cd:after', 60_000)).claimed).toBe(false);
    expect(logs.filter((l) => l.startsWith('warn'))).toHaveLength(1);
    expect(logs.at(-1)).toMatch(/answers again/);
    await proxy.close();
  }, 30_000);
});

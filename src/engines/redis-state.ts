// Shared state in Redis, so replicas hold the same cooldowns, rate limits and seen events.
// Every operation is one atomic round trip: SET NX PX to claim (with PTTL for how long it is
// held, in one Lua script), a Lua compare-and-delete to give a claim back (only the holder's
// token removes it), and rate-limiter-flexible's Redis limiter for the per-member budget.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Claim, SharedState } from '../service/shared-state.js';
import { newToken } from '../service/shared-state.js';
import { describeUrl } from './describe-url.js';

const CLAIM_LUA = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return -1 end
return redis.call('PTTL', KEYS[1])`;

const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

type ScriptedRedis = Redis & {
  faqbotClaim(key: string, token: string, ttlMs: number): Promise<number>;
  faqbotRelease(key: string, token: string): Promise<number>;
};

export interface RedisStateOptions {
  url: string;
  /** Prepended to every key, so several bots (or test runs) can share one Redis. */
  prefix: string;
  /** How long one command may take before the answer goes on without Redis. */
  commandTimeoutMs?: number;
}

/** Tokens from different processes must differ: the pid alone repeats across machines. */
const PROCESS_TAG = randomBytes(4).toString('hex');

export class RedisState implements SharedState {
  readonly client: ScriptedRedis;
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(private readonly options: RedisStateOptions) {
    const client = new Redis(options.url, {
      keyPrefix: options.prefix,
      // Fail fast while disconnected: answers fall back to local state instead of queueing.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Long enough that a busy replica's own event-loop stall is not taken for Redis failing
      // (a reply already in the socket would be timed out), short enough for Discord's 3 s.
      commandTimeout: options.commandTimeoutMs ?? 1500,
      connectTimeout: 2000,
      // Keep trying in the background; the fallback notices when it works again.
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    // Connection errors surface through the commands that fail; the fallback says so once.
    client.on('error', () => undefined);
    client.defineCommand('faqbotClaim', { numberOfKeys: 1, lua: CLAIM_LUA });
    client.defineCommand('faqbotRelease', { numberOfKeys: 1, lua: RELEASE_LUA });
    this.client = client as ScriptedRedis;
  }

  /** Resolves when connected, or after `timeoutMs` (the bot starts either way). */
  async ready(timeoutMs = 2000): Promise<boolean> {
    if (this.client.status === 'ready') return true;
    return new Promise((done) => {
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        this.client.off('ready', onReady);
        done(ok);
      };
      const onReady = () => finish(true);
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.client.once('ready', onReady);
    });
  }

  async claim(key: string, ttlMs: number): Promise<Claim> {
    const token = `${PROCESS_TAG}.${newToken()}`;
    const result = await this.client.faqbotClaim(key, token, Math.max(1, Math.round(ttlMs)));
    if (result === -1) return { claimed: true, key, token };
    return { claimed: false, remainingMs: Math.max(1, result) };
  }

  async release(key: string, token: string): Promise<void> {
    await this.client.faqbotRelease(key, token);
  }

  async take(key: string, count: number, windowMs: number): Promise<number> {
    try {
      await this.limiter(count, windowMs).consume(key, 1);
      return 0;
    } catch (outcome) {
      // A refusal is a RateLimiterRes; anything else is Redis failing, for the fallback to handle.
      if (outcome instanceof RateLimiterRes) return Math.max(1, outcome.msBeforeNext);
      throw outcome;
    }
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }

  /** Redis URLs may carry a password: only the host is ever shown. */
  describe(): string {
    return describeUrl(this.options.url);
  }

  private limiter(count: number, windowMs: number): RateLimiterRedis {
    const id = `${count}/${windowMs}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      // rate-limiter-flexible counts in fixed windows that start with a member's first ask,
      // atomically in Redis (one Lua call), and knows ioredis: less to get wrong than our own script.
      limiter = new RateLimiterRedis({
        storeClient: this.client,
        keyPrefix: id,
        points: count,
        duration: Math.max(1, Math.ceil(windowMs / 1000)),
        rejectIfRedisNotReady: true,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}

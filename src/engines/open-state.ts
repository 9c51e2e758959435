// Chooses the shared state from the secrets: this process's memory by default, Redis when
// FAQBOT_REDIS_URL is set (wrapped so answers go on without it).
import type { Secrets } from '../secrets.js';
import type { Logger } from '../log.js';
import { MemoryState, type SharedState, type SharedStateHealth } from '../service/shared-state.js';
import { FallbackState } from './fallback-state.js';

export interface OpenedState {
  readonly state: SharedState;
  health(): SharedStateHealth;
  close(): Promise<void>;
}

export async function openSharedState(secrets: Pick<Secrets, 'redisUrl' | 'redisPrefix'>, log: Logger): Promise<OpenedState> {
  if (!secrets.redisUrl) {
    return { state: new MemoryState(), health: () => ({ engine: 'memory', shared: false }), close: async () => undefined };
  }
  // Loaded only when configured: a bot without Redis never loads ioredis.
  const { RedisState } = await import('./redis-state.js');
  const redis = new RedisState({ url: secrets.redisUrl, prefix: secrets.redisPrefix });
  const state = new FallbackState(redis, 'redis', redis.describe(), log);
  if (await redis.ready()) log.info(`state: shared through redis at ${redis.describe()}`);
  else state.markDown(new Error('no connection within 2 s'));
  return { state, health: () => state.health(), close: () => redis.close() };
}

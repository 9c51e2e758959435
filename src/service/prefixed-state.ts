// One community's view of the shared state: every key under its own prefix, so a cooldown or
// rate limit in one community never holds back another, even on one Redis.
import type { Claim, SharedState } from './shared-state.js';

export class PrefixedState implements SharedState {
  constructor(
    private readonly inner: SharedState,
    private readonly prefix: string,
  ) {}

  async claim(key: string, ttlMs: number, now: number): Promise<Claim> {
    const claim = await this.inner.claim(this.prefix + key, ttlMs, now);
    // The service gives a claim back by the key it was given: hand back the unprefixed one.
    return claim.claimed ? { ...claim, key } : claim;
  }

  release(key: string, token: string): Promise<void> {
    return this.inner.release(this.prefix + key, token);
  }

  take(key: string, count: number, windowMs: number, now: number): Promise<number> {
    return this.inner.take(this.prefix + key, count, windowMs, now);
  }
}

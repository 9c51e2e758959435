// The state replicas must share to behave as one bot: cooldowns, the per-member rate limit and
// event de-duplication. The service and the adapters see only this interface; one process keeps
// it in memory (MemoryState), several share it through an engine (src/engines/redis-state.ts).

/** The outcome of claiming a key: held by us until it expires or is given back, or taken. */
export type Claim =
  { readonly claimed: true; readonly key: string; readonly token: string } | { readonly claimed: false; readonly remainingMs: number };

export interface SharedState {
  /**
   * Claims `key` for `ttlMs` if nobody holds it (atomic across replicas). A cooldown is a claim
   * on "this entry in this channel"; an event id is a claim on "I answer this event".
   */
  claim(key: string, ttlMs: number, now: number): Promise<Claim>;
  /** Gives back a claim whose reason never happened (a post that failed); a no-op if it expired or passed to someone else. */
  release(key: string, token: string): Promise<void>;
  /**
   * Counts one event for `key` against at most `count` per `windowMs`; 0 when allowed, else the
   * milliseconds until it would be.
   */
  take(key: string, count: number, windowMs: number, now: number): Promise<number>;
}

/** Where the shared state stands, for the log and readiness checks. */
export interface SharedStateHealth {
  readonly engine: 'memory' | 'redis';
  /** False while an engine is unreachable and this replica runs on its own memory. */
  readonly shared: boolean;
  readonly reason?: string;
}

let tokens = 0;
/** Unique within a process; the Redis state adds randomness across processes. */
export function newToken(): string {
  return `${process.pid.toString(36)}.${(++tokens).toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
}

/** One process's state: maps of expiry times, swept now and then so they do not grow without bound. */
export class MemoryState implements SharedState {
  private readonly held = new Map<string, { until: number; token: string }>();
  private readonly events = new Map<string, { times: number[]; windowMs: number }>();
  private writes = 0;

  async claim(key: string, ttlMs: number, now: number): Promise<Claim> {
    return this.claimNow(key, ttlMs, now);
  }

  /** The synchronous core of claim(), for wrappers that fall back on it. */
  claimNow(key: string, ttlMs: number, now: number): Claim {
    const current = this.held.get(key);
    if (current && current.until > now) return { claimed: false, remainingMs: current.until - now };
    const token = newToken();
    this.held.set(key, { until: now + ttlMs, token });
    if (++this.writes % 256 === 0) this.sweep(now);
    return { claimed: true, key, token };
  }

  async release(key: string, token: string): Promise<void> {
    if (this.held.get(key)?.token === token) this.held.delete(key);
  }

  async take(key: string, count: number, windowMs: number, now: number): Promise<number> {
    return this.takeNow(key, count, windowMs, now);
  }

  /** A sliding window: the oldest of the last `count` events says when the next is allowed. */
  takeNow(key: string, count: number, windowMs: number, now: number): number {
    const recent = (this.events.get(key)?.times ?? []).filter((t) => t > now - windowMs);
    this.events.set(key, { times: recent, windowMs });
    if (recent.length >= count) return recent[0]! + windowMs - now;
    recent.push(now);
    if (++this.writes % 256 === 0) this.sweep(now);
    return 0;
  }

  private sweep(now: number): void {
    for (const [k, v] of this.held) if (v.until <= now) this.held.delete(k);
    for (const [k, v] of this.events) if ((v.times[v.times.length - 1] ?? 0) + v.windowMs <= now) this.events.delete(k);
  }
}

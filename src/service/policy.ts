// Time-based policies: cooldowns and the per-member rate limit. Pure bookkeeping over
// timestamps handed in by the caller, so tests control time.

/**
 * The conversation a public post lands in: the channel, or one thread in it. The same entry
 * posted in the channel or another thread does not hold it back.
 */
export function conversationKey(where: { readonly platform: string; readonly channelId: string; readonly threadId?: string }): string {
  return `${where.platform}:${where.channelId}:${where.threadId ?? ''}`;
}

/** Remembers when a key last fired and says how long until it may fire again. */
export class Cooldowns {
  private readonly last = new Map<string, number>();
  private sweeps = 0;

  constructor(private readonly periodMs: number) {}

  /** Milliseconds left before `key` may fire again; 0 when it may fire now. */
  remaining(key: string, now: number): number {
    const at = this.last.get(key);
    if (at === undefined || this.periodMs <= 0) return 0;
    return Math.max(0, at + this.periodMs - now);
  }

  /** Starts the cooldown of `key`; returns what it replaced, for undo(). */
  fire(key: string, now: number): number | undefined {
    const previous = this.last.get(key);
    this.last.set(key, now);
    // Forget expired keys now and then so a long-running bot does not grow without bound.
    if (++this.sweeps % 256 === 0) {
      for (const [k, at] of this.last) if (at + this.periodMs <= now) this.last.delete(k);
    }
    return previous;
  }

  /** Puts back what fire() replaced: the post it was for never happened. */
  undo(key: string, previous: number | undefined): void {
    if (previous === undefined) this.last.delete(key);
    else this.last.set(key, previous);
  }
}

/** A sliding-window limit of `count` events per `windowMs` for each key. */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly count: number,
    private readonly windowMs: number,
  ) {}

  /** Records an event for `key` if allowed; returns 0, or the ms to wait when over the limit. */
  take(key: string, now: number): number {
    if (this.count <= 0 || this.windowMs <= 0) return 0;
    const recent = (this.events.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.count) {
      this.events.set(key, recent);
      return recent[0]! + this.windowMs - now;
    }
    recent.push(now);
    this.events.set(key, recent);
    return 0;
  }
}

/** "45 s", "3 min", "2 h": how long to wait, for people. */
export function humanDuration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.ceil(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.ceil(m / 60)} h`;
}


// Waiting between retries: doubling from a first delay up to a cap, with jitter so that many
// clients (or many requests of one client) do not retry in step after a shared outage.

export interface Backoff {
  /** The wait before the first retry, before jitter. */
  readonly firstMs: number;
  /** No wait is longer than this. */
  readonly maxMs: number;
}

/** The wait before retry number `attempt` (1 for the first), between half and all of the doubled delay. */
export function backoffDelay(attempt: number, { firstMs, maxMs }: Backoff, random: () => number = Math.random): number {
  const full = Math.min(maxMs, firstMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}

/** Resolves after `ms`, or at once when `signal` aborts (the caller checks why it woke). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal?.aborted) return done();
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      done();
    }
    signal?.addEventListener('abort', finish, { once: true });
  });
}

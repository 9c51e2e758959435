// Answers being worked on right now (matched, not yet delivered). Shutdown waits for them, so a
// member who asked just before a deploy still gets the answer instead of silence.

export interface DrainResult {
  /** Answers that finished while shutdown waited. */
  readonly drained: number;
  /** Answers still running when the wait ran out. */
  readonly abandoned: number;
}

export class InFlight {
  readonly #running = new Set<Promise<unknown>>();

  /** `onDone` hears how long each piece of work took, in seconds (the latency histogram). */
  constructor(private readonly onDone?: (platform: string, seconds: number) => void) {}

  get size(): number {
    return this.#running.size;
  }

  /**
   * Counts `work` (one platform event, from its arrival to its reply sent) as in flight; its
   * result and errors pass through unchanged.
   */
  track<T>(work: Promise<T>, platform: string): Promise<T> {
    const started = performance.now();
    this.#running.add(work);
    const done = () => {
      this.#running.delete(work);
      this.onDone?.(platform, (performance.now() - started) / 1000);
    };
    work.then(done, done);
    return work;
  }

  /** Waits until nothing is in flight, or `timeoutMs` has passed. */
  async drain(timeoutMs: number): Promise<DrainResult> {
    const waiting = [...this.#running];
    if (waiting.length === 0) return { drained: 0, abandoned: 0 };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((done) => {
      timer = setTimeout(done, timeoutMs);
    });
    await Promise.race([Promise.allSettled(waiting), timeout]);
    clearTimeout(timer);
    const abandoned = waiting.filter((w) => this.#running.has(w)).length;
    return { drained: waiting.length - abandoned, abandoned };
  }
}

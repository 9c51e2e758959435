// Answers must not stop because a shared engine did. This wraps the shared state: when it
// fails, the replica goes on with its own memory (said once in the log), tries the engine again
// every few seconds, and says when it is back. Claims made meanwhile are local and expire.
import { describeError, type Logger } from '../log.js';
import { MemoryState, type Claim, type SharedState, type SharedStateHealth } from '../service/shared-state.js';

const RETRY_AFTER_MS = 5_000;

export class FallbackState implements SharedState {
  private readonly local = new MemoryState();
  private downSince: number | undefined;
  private retryAt = 0;
  private reason: string | undefined;

  constructor(
    private readonly shared: SharedState,
    private readonly engine: 'redis',
    private readonly where: string,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  health(): SharedStateHealth {
    return this.downSince === undefined
      ? { engine: this.engine, shared: true }
      : { engine: this.engine, shared: false, ...(this.reason ? { reason: this.reason } : {}) };
  }

  claim(key: string, ttlMs: number, now: number): Promise<Claim> {
    return this.run(
      (s) => s.claim(key, ttlMs, now),
      () => this.local.claimNow(key, ttlMs, now),
    );
  }

  async release(key: string, token: string): Promise<void> {
    await this.local.release(key, token);
    await this.run(
      (s) => s.release(key, token),
      () => undefined,
    );
  }

  take(key: string, count: number, windowMs: number, now: number): Promise<number> {
    return this.run(
      (s) => s.take(key, count, windowMs, now),
      () => this.local.takeNow(key, count, windowMs, now),
    );
  }

  /** Marks the engine as failing (also used at start-up when it does not answer in time). */
  markDown(error: unknown): void {
    this.retryAt = this.clock() + RETRY_AFTER_MS;
    if (this.downSince !== undefined) return;
    this.downSince = this.clock();
    this.reason = `${this.engine} at ${this.where} is unreachable (${describeError(error)})`;
    this.log.warn(
      `state: ${this.reason}; cooldowns, rate limits and event de-duplication are kept by this replica alone until it answers again`,
    );
  }

  private async run<T>(useShared: (s: SharedState) => Promise<T>, useLocal: () => T): Promise<T> {
    if (this.downSince !== undefined && this.clock() < this.retryAt) return useLocal();
    try {
      const result = await useShared(this.shared);
      if (this.downSince !== undefined) {
        this.log.info(`state: ${this.engine} at ${this.where} answers again; replicas share cooldowns and rate limits again`);
        this.downSince = undefined;
        this.reason = undefined;
      }
      return result;
    } catch (error) {
      this.markDown(error);
      return useLocal();
    }
  }
}

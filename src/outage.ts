// One line when a connection is lost and one when it is back, with how long it was away and
// how many attempts failed: an operator reading the log sees outages, not a silent gap nor a
// line per retry.
import type { Logger } from './log.js';

export class OutageLog {
  #since: number | undefined;
  #failed = 0;

  constructor(
    private readonly log: Logger,
    /** What is lost, as the log line starts: "discord: gateway connection". */
    private readonly what: string,
    private readonly now: () => number = Date.now,
  ) {}

  get down(): boolean {
    return this.#since !== undefined;
  }

  /** The connection went away: logged the first time only, until it is back. */
  lost(reason: string): void {
    if (this.#since !== undefined) return;
    this.#since = this.now();
    this.#failed = 0;
    this.log.warn(`${this.what} lost (${reason}); reconnecting`);
  }

  /** One more attempt to get it back failed (counted, not logged). */
  failedAttempt(): void {
    if (this.#since !== undefined) this.#failed += 1;
  }

  /** It is back (`how`: "back", "resumed"...): says for how long it was away. A no-op when nothing was lost. */
  restored(how = 'back'): void {
    if (this.#since === undefined) return;
    const seconds = (this.now() - this.#since) / 1000;
    const attempts = this.#failed === 1 ? '1 failed attempt' : `${this.#failed} failed attempts`;
    this.log.info(`${this.what} ${how} after ${seconds.toFixed(1)} s (${attempts})`);
    this.#since = undefined;
  }
}

// Keeps a git knowledge source current while the bot runs: pulls every interval, and when the
// branch moved, hands the new commit on to be reloaded. A pull that fails keeps the last good
// copy answering and is said once, until pulling works again. Pulls never overlap.
import { describeError, type Logger } from '../log.js';
import { updateCheckout, runGit, type GitRunner } from './git-checkout.js';
import { describeCheckout, type GitCheckout } from './git-source.js';

export type PullOutcome = 'changed' | 'unchanged' | 'failed' | 'busy';

export interface GitPullOptions {
  readonly checkout: GitCheckout;
  /** 0: never by itself (pullNow still works). */
  readonly intervalMs: number;
  readonly log: Logger;
  /** The clone moved to a new commit: reload what it holds. */
  readonly onChange: (commit: string) => void;
  readonly git?: GitRunner;
}

export class GitPuller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<PullOutcome> | undefined;
  private failing = false;
  private closed = false;

  constructor(private readonly options: GitPullOptions) {}

  start(): this {
    if (this.options.intervalMs > 0 && !this.timer) {
      this.timer = setInterval(() => void this.pullNow(), this.options.intervalMs);
      this.timer.unref();
    }
    return this;
  }

  /** One pull now; a pull already under way is not doubled ('busy'). */
  pullNow(): Promise<PullOutcome> {
    if (this.closed) return Promise.resolve('unchanged');
    if (this.running) return Promise.resolve('busy');
    this.running = this.pull().finally(() => { this.running = undefined; });
    return this.running;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async pull(): Promise<PullOutcome> {
    const { checkout, log } = this.options;
    let commit: string;
    let changed: boolean;
    try {
      ({ commit, changed } = await updateCheckout(checkout, this.options.git ?? runGit));
    } catch (error) {
      if (!this.failing) {
        this.failing = true;
        const again = this.options.intervalMs > 0 ? `trying again every ${this.options.intervalMs / 1000} s` : 'not pulled again until the next start';
        log.warn(`knowledge: ${describeError(error)}; still answering from the last good copy in ${checkout.dir}, ${again} (said once until it works)`);
      }
      return 'failed';
    }
    if (this.failing) {
      this.failing = false;
      log.info(`knowledge: pulling ${describeCheckout(checkout)} works again`);
    }
    if (!changed || this.closed) return 'unchanged';
    log.info(`knowledge: ${describeCheckout(checkout)} moved to commit ${commit.slice(0, 12)}; reloading`);
    this.options.onChange(commit);
    return 'changed';
  }
}

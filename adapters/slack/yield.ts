// Acknowledging is a promise Slack holds us to within 3 s; answering is not. Letting the event
// loop send the acks of requests already waiting before matching and rendering keeps a burst
// of questions from queueing acks behind answers.
export function afterAcks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A request waits for its answer to ride on the ack while at most this many answers are ahead
 * of it: a few members asking at once still get theirs in one round trip, and no ack waits
 * behind more than a few answers (each about a millisecond of matching and rendering), however
 * many arrive together.
 */
export const MAX_ANSWERS_AHEAD = 4;

/**
 * Answers taken one per event-loop turn, in the order they came. Between two turns Node reads
 * the requests that arrived meanwhile, so a burst of questions is acknowledged as it arrives
 * instead of after the answers queued before it.
 */
export class AnswerTurns {
  private waiting = 0;
  private last: Promise<void> = Promise.resolve();

  /** True when more answers wait for their turn than an ack should wait for: acknowledge now. */
  get busy(): boolean {
    return this.waiting > MAX_ANSWERS_AHEAD;
  }

  /** Runs `work` on a turn of its own, after the turns of the answers queued before it. */
  take<T>(work: () => Promise<T>): Promise<T> {
    this.waiting += 1;
    const turn = this.last.then(afterAcks);
    this.last = turn;
    return turn.then(() => {
      this.waiting -= 1;
      return work();
    });
  }
}

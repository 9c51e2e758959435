// Slack re-sends an event it thinks was not received (slow ack, lost connection). The event
// id stays the same, so remembering recent ids is enough to answer each question once.

export class SeenEvents {
  private readonly seen = new Map<string, number>();

  constructor(private readonly ttlMs = 15 * 60_000, private readonly now: () => number = Date.now) {}

  /** True the first time an id is offered within the ttl. */
  firstTime(id: string): boolean {
    const t = this.now();
    const at = this.seen.get(id);
    if (at !== undefined && at + this.ttlMs > t) return false;
    this.seen.set(id, t);
    if (this.seen.size > 10_000) {
      for (const [k, v] of this.seen) if (v + this.ttlMs <= t) this.seen.delete(k);
    }
    return true;
  }
}

// Slack re-sends an event it thinks was not received (slow ack, lost connection), possibly to
// another replica. The event id stays the same, so claiming it once in the shared state is
// enough to answer each question once, whichever replica gets the retry.
import { MemoryState, type SharedState, stateKeys } from '../../src/index.js';
import { PLATFORM } from './deps.js';

/** Slack retries for at most about an hour; 15 minutes covers the retries that matter. */
const TTL_MS = 15 * 60_000;

export class SeenEvents {
  constructor(
    private readonly state: SharedState = new MemoryState(),
    private readonly ttlMs = TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time an id is offered within the ttl, by any replica sharing the state. */
  async firstTime(id: string): Promise<boolean> {
    const claim = await this.state.claim(stateKeys.event(PLATFORM, id), this.ttlMs, this.now());
    return claim.claimed;
  }
}

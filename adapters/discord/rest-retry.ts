// Discord's REST API answers 5xx now and then, in bursts. discord.js retries those at once, so
// a 300 ms burst used up every retry and lost every question asked in it, though an interaction
// leaves 3 s to answer. Here a 5xx (or a dropped connection) is retried with backoff for as
// long as the request's deadline allows: an interaction's callback until shortly before its
// 3 s run out, anything else (follow-ups, channel posts) for a few seconds.
import { DefaultRestOptions, type ResponseLike } from 'discord.js';
import { type Backoff, backoffDelay, sleep } from '../../src/index.js';

type MakeRequest = (url: string, init: RequestInit) => Promise<ResponseLike>;

/** Discord's limit for the first response to an interaction. */
export const INTERACTION_RESPONSE_MS = 3000;
/** What is kept back from those 3 s for the last attempt's own round trip. */
const CALLBACK_MARGIN_MS = 400;
/** Every other request (a follow-up, a post in a channel) is retried for this long. */
export const OTHER_REQUEST_BUDGET_MS = 8000;
export const REST_BACKOFF: Backoff = { firstMs: 100, maxMs: 1000 };

const CALLBACK = /\/interactions\/(\d+)\/[^/]+\/callback(?:\?|$)/;

/** When each interaction arrived, so its callback knows how long it may keep trying. */
export class InteractionClock {
  readonly #arrived = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  arrived(id: string): void {
    const t = this.now();
    this.#arrived.set(id, t);
    // Entries are only useful for 3 s; drop the expired ones now and then.
    if (this.#arrived.size > 1000) {
      for (const [k, v] of this.#arrived) if (v + INTERACTION_RESPONSE_MS < t) this.#arrived.delete(k);
    }
  }

  /** The last moment a request to `url` is worth starting (epoch ms). */
  deadline(url: string, startedAt: number): number {
    const id = CALLBACK.exec(url)?.[1];
    if (id === undefined) return startedAt + OTHER_REQUEST_BUDGET_MS;
    return (this.#arrived.get(id) ?? startedAt) + INTERACTION_RESPONSE_MS - CALLBACK_MARGIN_MS;
  }
}

export interface RetryOptions {
  readonly clock: InteractionClock;
  readonly inner?: MakeRequest;
  readonly backoff?: Backoff;
  readonly now?: () => number;
}

/** A `makeRequest` for discord.js's REST client (with its own retries set to 0). */
export function retryingRequest({
  clock,
  inner = DefaultRestOptions.makeRequest as MakeRequest,
  backoff = REST_BACKOFF,
  now = Date.now,
}: RetryOptions): MakeRequest {
  return async (url, init) => {
    const deadline = clock.deadline(url, now());
    for (let attempt = 1; ; attempt += 1) {
      let response: ResponseLike | undefined;
      let failure: { error: unknown } | undefined;
      try {
        response = await inner(url, init);
        if (response.status < 500) return response;
      } catch (error) {
        // A timeout is discord.js's own abort: waiting longer will not help.
        if ((error as { name?: string }).name === 'AbortError') throw error;
        failure = { error };
      }
      const wait = backoffDelay(attempt, backoff);
      if (now() + wait >= deadline) {
        if (response) return response;
        throw failure?.error;
      }
      // Read the failed answer to the end so its connection can be reused.
      await response?.arrayBuffer().catch(() => undefined);
      await sleep(wait);
    }
  };
}

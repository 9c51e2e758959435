import type { Answerer, Logger, SharedState } from '../../../src/index.js';

/** What every handler needs: the service that decides, and the log. */
export interface HandlerDeps {
  readonly service: Answerer;
  readonly log: Logger;
  /** Shared with other replicas: a message two gateway connections both receive is answered once. */
  readonly state?: SharedState;
}

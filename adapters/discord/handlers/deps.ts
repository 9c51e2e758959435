import type { Logger } from '../../../src/log.js';
import type { Answerer } from '../../../src/service/community-router.js';
import type { SharedState } from '../../../src/service/shared-state.js';

/** What every handler needs: the service that decides, and the log. */
export interface HandlerDeps {
  readonly service: Answerer;
  readonly log: Logger;
  /** Shared with other replicas: a message two gateway connections both receive is answered once. */
  readonly state?: SharedState;
}

import type { Logger } from '../../../src/log.js';
import type { AnswerService } from '../../../src/service/answer-service.js';

/** What every handler needs: the service that decides, and the log. */
export interface HandlerDeps {
  readonly service: AnswerService;
  readonly log: Logger;
}

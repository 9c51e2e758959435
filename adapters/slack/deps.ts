// What every listener needs; built once when the adapter starts.
import type { Logger } from '../../src/log.js';
import type { AnswerService } from '../../src/service/answer-service.js';
import type { People } from './people.js';

export interface SlackDeps {
  readonly service: AnswerService;
  readonly log: Logger;
  readonly people: People;
}

export const PLATFORM = 'slack';

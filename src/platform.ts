// What the composition root needs to know of a running platform adapter. Platform-neutral.
import type { Secrets } from './config.js';
import type { Logger } from './log.js';
import type { AnswerService } from './service/answer-service.js';

export interface RunningPlatform {
  readonly name: string;
  stop(): Promise<void>;
}

export interface PlatformDeps {
  readonly service: AnswerService;
  readonly secrets: Secrets;
  readonly log: Logger;
}

/** An adapter: knows from the secrets whether it is configured, and starts. */
export interface PlatformAdapter {
  readonly name: string;
  configured(secrets: Secrets): boolean;
  start(deps: PlatformDeps): Promise<RunningPlatform>;
}

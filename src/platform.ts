// What the composition root needs to know of a running platform adapter. Platform-neutral.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Secrets } from './config.js';
import type { Logger } from './log.js';
import type { AnswerService } from './service/answer-service.js';
import type { SharedState } from './service/shared-state.js';

/**
 * Where a platform connection stands. `failed` is final: the platform will not recover by
 * itself (a revoked token, a disallowed intent), so the process should say so and exit.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface PlatformHealth {
  readonly state: ConnectionState;
  /** Since when (epoch ms) the platform has been in this state. */
  readonly since: number;
  /** Why, in words an operator can act on (never a token). */
  readonly reason?: string;
}

/** A request handler a platform needs mounted on the bot's HTTP server (e.g. Discord interactions). */
export interface HttpRoute {
  readonly method: 'POST';
  readonly path: string;
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface RunningPlatform {
  readonly name: string;
  /** Handlers for the HTTP server on PORT to mount; absent when the platform needs none. */
  readonly routes?: readonly HttpRoute[];
  /** The connection as of now, for readiness checks and the log. */
  health(): PlatformHealth;
  stop(): Promise<void>;
}

/** How long a platform may take to connect at start-up before faqbot gives up and says why. */
export const STARTUP_TIMEOUT_MS = 30_000;

export interface PlatformDeps {
  readonly service: AnswerService;
  readonly secrets: Secrets;
  readonly log: Logger;
  /** What replicas share (event de-duplication); this process's memory when nothing is configured. */
  readonly state?: SharedState;
  /**
   * Called once when the platform cannot go on (its health is then `failed`); the composition
   * root stops the bot and exits non-zero rather than running deaf.
   */
  readonly fatal?: (reason: string) => void;
  /** Aborted when start-up took too long: the adapter releases what it opened. */
  readonly signal?: AbortSignal;
}

/** An adapter: knows from the secrets whether it is configured, and starts. */
export interface PlatformAdapter {
  readonly name: string;
  configured(secrets: Secrets): boolean;
  start(deps: PlatformDeps): Promise<RunningPlatform>;
  /** What to check when start-up hangs (the variables that point it at its API). */
  readonly startupHint?: string;
}

/** Keeps a platform's health; adapters move it as their SDK reports connection events. */
export class ConnectionTracker {
  #health: PlatformHealth;

  constructor(private readonly now: () => number = Date.now) {
    this.#health = { state: 'connecting', since: now() };
  }

  get health(): PlatformHealth {
    return this.#health;
  }

  /** Moves to `state`; a no-op when already there, so `since` keeps the start of the state. */
  set(state: ConnectionState, reason?: string): void {
    if (this.#health.state === 'failed') return;
    if (this.#health.state === state && this.#health.reason === reason) return;
    this.#health = { state, since: this.now(), ...(reason !== undefined ? { reason } : {}) };
  }
}

// What the composition root needs to know of a running platform adapter. Platform-neutral.
import type { Secrets } from './secrets.js';
import type { Reply } from './domain.js';
import type { Logger } from './log.js';
import type { Answerer } from './service/community-router.js';
import type { SharedState } from './service/shared-state.js';
import type { InFlight } from './service/in-flight.js';
import type { HttpRoute } from './ops/server.js';
import type { InstallationRecords } from './installations/records.js';

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

export type { HttpRoute };

/**
 * How much answer text one message part holds on a platform, e.g. Slack: 3,000 per section.
 * Each adapter declares its own; `faqbot check` warns about answers that will be split.
 */
export interface SplitLimit {
  readonly platform: string;
  readonly chars: number;
  /** What one part is called there: "embed", "section". */
  readonly unit: string;
}

/** What `faqbot preview` shows of one reply on a platform. */
export interface ReplyPreview {
  /** What the platform receives (JSON-serialisable), e.g. a Discord message body or Slack blocks. */
  readonly payload: unknown;
  /** The same message as plain text for a terminal. */
  readonly text: string;
}

/** An adapter's pure renderer, passed into `faqbot preview` by the composition root. */
export interface Previewer {
  readonly platform: string;
  /** Pure: renders the reply to `/faq QUESTION` as this platform would show it. */
  preview(reply: Reply, question: string): ReplyPreview;
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
  readonly service: Answerer;
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
  /** Where the adapter registers each event it is handling, so shutdown can wait for them. */
  readonly inFlight?: InFlight;
  /** Told of every change of the connection's state (readiness, reconnect counts). */
  readonly onHealth?: (health: PlatformHealth) => void;
  /** Extra routes for the platform's own HTTP server (see PlatformAdapter.httpPort): the ops endpoints. */
  readonly httpRoutes?: readonly HttpRoute[];
  /** Where installations are kept, given when the adapter keeps them (PlatformAdapter.keepsInstallations). */
  readonly installations?: InstallationRecords;
}

/** An adapter: knows from the secrets whether it is configured, and starts. */
export interface PlatformAdapter {
  readonly name: string;
  configured(secrets: Secrets): boolean;
  /**
   * The port the platform serves HTTP on with these secrets, if it does (Slack's HTTP mode):
   * the ops endpoints then share it, passed in as `httpRoutes`.
   */
  httpPort?(secrets: Secrets): number | undefined;
  /**
   * The routes the platform will serve on the bot's HTTP server with these secrets (Discord's
   * interactions endpoint), known before it starts so the server can be planned and mounted.
   */
  httpRoutePaths?(secrets: Secrets): readonly Pick<HttpRoute, 'method' | 'path'>[];
  /**
   * Whether, with these secrets, the platform is installed to many places by OAuth and keeps
   * one installation (a token) for each in the database: `start` then gets `installations`.
   */
  keepsInstallations?(secrets: Secrets): boolean;
  start(deps: PlatformDeps): Promise<RunningPlatform>;
  /** What to check when start-up hangs (the variables that point it at its API). */
  readonly startupHint?: string;
}

/** Keeps a platform's health; adapters move it as their SDK reports connection events. */
export class ConnectionTracker {
  #health: PlatformHealth;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly onChange?: (health: PlatformHealth) => void,
  ) {
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
    this.onChange?.(this.#health);
  }
}

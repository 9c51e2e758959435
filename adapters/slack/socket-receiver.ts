// Socket Mode, kept connected by faqbot rather than by the SDK's own loop. The SDK's loop
// waits 5 s before every reconnect, Slack's routine refreshes included, and, when
// apps.connections.open fails a few times in a row (HTTP 500, a reset connection), gives up with
// a rejection nobody catches: the process ends and Node's crash dump prints the app token. Here
// each connection is a SocketModeClient with its reconnect turned off. When Slack asks for a
// refresh, the new connection is opened before the old one is closed (Slack allows several at
// once), so no request finds the bot unconnected; when one is lost, new ones are tried with
// backoff until one says hello, with one log line for the outage; a refused token ends the bot
// through `fatal`.
import { defaultProcessEventErrorHandler, type App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { SocketModeClient, UnrecoverableSocketModeStartError, LogLevel, type Logger as SdkLogger } from '@slack/socket-mode';
import { type Backoff, backoffDelay, type ConnectionTracker, describeError, type Logger, OutageLog, sleep } from '../../src/index.js';
import type { RawData } from 'ws';
import { boltLogger } from './bolt-logger.js';

export interface SocketReceiverOptions {
  readonly appToken: string;
  /** The Web API base (SLACK_API_URL), with its trailing slash. */
  readonly apiUrl?: string;
  readonly log: Logger;
  readonly connection: ConnectionTracker;
  /** Called once when Slack refuses the app token while reconnecting. */
  readonly fatal: (reason: string) => void;
  /** Each attempt (apps.connections.open, then Slack's hello) must finish within this. */
  readonly attemptTimeoutMs: number;
  readonly backoff?: Backoff;
}

/** Retries of a lost connection: quick at first (most drops are blips), then every 30 s at most. */
export const RECONNECT_BACKOFF: Backoff = { firstMs: 250, maxMs: 30_000 };

/** Why a connection attempt failed, in a few words with no token. */
export function slackError(error: unknown): string {
  // The SDK rejects with nothing at all when the WebSocket closes before Slack's hello.
  if (error === undefined) return 'the connection closed before Slack said hello';
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : describeError(error);
}

/** A refused app token: trying again cannot help. */
export function isUnrecoverable(error: unknown): boolean {
  const unrecoverable: readonly string[] = Object.values(UnrecoverableSocketModeStartError);
  return unrecoverable.includes(slackError(error));
}

/** A connection that reports Slack's "disconnect" message instead of closing at once. */
class RefreshingClient extends SocketModeClient {
  onDisconnectRequest: (() => void) | undefined;

  protected override async onWebSocketMessage(data: RawData, isBinary: boolean): Promise<void> {
    if (!isBinary && this.onDisconnectRequest && messageType(data) === 'disconnect') {
      this.onDisconnectRequest();
      return;
    }
    return super.onWebSocketMessage(data, isBinary);
  }
}

function messageType(data: RawData): unknown {
  try {
    return (JSON.parse(data.toString()) as { type?: unknown }).type;
  } catch {
    return undefined;
  }
}

export class SocketReceiver implements Receiver {
  #app: App | undefined;
  #active: RefreshingClient | undefined;
  #refreshing = false;
  readonly #open = new Set<RefreshingClient>();
  readonly #stopping = new AbortController();
  readonly #outage: OutageLog;
  readonly #sdkLogger = quietSdkLogger();
  readonly #boltLogger: ReturnType<typeof boltLogger>;

  constructor(private readonly options: SocketReceiverOptions) {
    this.#outage = new OutageLog(options.log, 'slack: Socket Mode connection');
    this.#boltLogger = boltLogger(options.log);
  }

  init(app: App): void {
    this.#app = app;
  }

  /** The first connection; its failure is the caller's to report (a start-up error). */
  async start(): Promise<void> {
    this.#active = await this.#connect();
  }

  async stop(): Promise<void> {
    this.#stopping.abort();
    const clients = [...this.#open];
    this.#open.clear();
    this.#active = undefined;
    await Promise.allSettled(clients.map((c) => c.disconnect()));
  }

  /** One connection: apps.connections.open, the WebSocket, Slack's hello. */
  async #connect(): Promise<RefreshingClient> {
    const client = new RefreshingClient({
      appToken: this.options.appToken,
      logger: this.#sdkLogger,
      autoReconnectEnabled: false,
      clientOptions: {
        ...(this.options.apiUrl ? { slackApiUrl: this.options.apiUrl } : {}),
        // This receiver does the retrying, with backoff; the client's own would wait minutes.
        retryConfig: { retries: 0 },
        timeout: this.options.attemptTimeoutMs,
      },
    });
    client.on('slack_event', (args: SocketEvent) => void this.#dispatch(args));
    client.on('disconnected', () => this.#closed(client));
    client.onDisconnectRequest = () => void this.#refresh(client);
    this.#open.add(client);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.start(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no hello from Slack within ${Math.round(this.options.attemptTimeoutMs / 1000)} s`)),
            this.options.attemptTimeoutMs,
          );
        }),
      ]);
      return client;
    } catch (error) {
      this.#open.delete(client);
      await client.disconnect().catch(() => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  #closed(client: RefreshingClient): void {
    this.#open.delete(client);
    if (client !== this.#active || this.#stopping.signal.aborted) return;
    this.#active = undefined;
    // A refresh under way brings the next connection (or starts reconnecting if it fails).
    if (!this.#refreshing) void this.#reconnect('the connection closed');
  }

  /** Slack asked `old` to go away (a routine refresh): open the next one, then close `old`. */
  async #refresh(old: RefreshingClient): Promise<void> {
    if (old !== this.#active || this.#refreshing || this.#stopping.signal.aborted) return;
    this.#refreshing = true;
    try {
      const next = await this.#connect();
      if (this.#stopping.signal.aborted) {
        await next.disconnect().catch(() => undefined);
        return;
      }
      const previous = this.#active;
      this.#active = next;
      // Not awaited: the next refresh may come before the old connection's close handshake ends.
      void previous?.disconnect().catch(() => undefined);
    } catch (error) {
      if (!this.#active && !this.#stopping.signal.aborted) {
        void this.#reconnect(`a refresh failed (${slackError(error)})`);
      } else {
        this.options.log.warn(
          `slack: could not open a new Socket Mode connection for Slack's refresh (${slackError(error)}); the current one stays until Slack closes it`,
        );
      }
    } finally {
      this.#refreshing = false;
    }
  }

  async #reconnect(reason: string): Promise<void> {
    const { connection, backoff = RECONNECT_BACKOFF } = this.options;
    connection.set('reconnecting', `Socket Mode ${reason}`);
    this.#outage.lost(reason);
    for (let attempt = 1; !this.#stopping.signal.aborted; attempt += 1) {
      try {
        const client = await this.#connect();
        if (this.#stopping.signal.aborted) {
          await client.disconnect().catch(() => undefined);
          return;
        }
        this.#active = client;
        connection.set('connected');
        this.#outage.restored();
        return;
      } catch (error) {
        if (isUnrecoverable(error)) {
          const why = `Slack refused SLACK_APP_TOKEN while reconnecting (${slackError(error)}): the token was revoked or the app removed. Create a new app-level token with connections:write and restart`;
          connection.set('failed', why);
          this.options.fatal(why);
          return;
        }
        this.#outage.failedAttempt();
        await sleep(backoffDelay(attempt, backoff), this.#stopping.signal);
      }
    }
  }

  async #dispatch(args: SocketEvent): Promise<void> {
    const logger = this.#boltLogger;
    let acked = false;
    const event: ReceiverEvent = {
      body: args.body,
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        await args.ack(response);
      },
      ...(args.retry_num !== undefined ? { retryNum: args.retry_num } : {}),
      ...(args.retry_reason !== undefined ? { retryReason: args.retry_reason } : {}),
      customProperties: {},
    };
    try {
      await this.#app?.processEvent(event);
    } catch (error) {
      if (await defaultProcessEventErrorHandler({ error: error as Error, logger, event })) await event.ack().catch(() => undefined);
    }
  }
}

interface SocketEvent {
  readonly body: Record<string, unknown>;
  ack(response?: unknown): Promise<void>;
  readonly retry_num?: number;
  readonly retry_reason?: string;
}

/** The SDK's own lines repeat what this receiver logs once, and may quote requests. */
function quietSdkLogger(): SdkLogger {
  let level = LogLevel.ERROR;
  return {
    debug() {},
    info() {},
    warn() {},
    error() {},
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName() {},
  };
}

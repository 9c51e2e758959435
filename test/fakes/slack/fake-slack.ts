// A local Slack on 127.0.0.1 with an ephemeral port: the Web API methods the adapter calls
// (bodies arrive form-encoded, nested fields JSON-encoded), response_url endpoints, and a
// Socket Mode WebSocket (hello, envelopes, acks). It records what it receives, which is what
// Slack would have received, so tests assert on that.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ApiCall {
  readonly method: string;
  /** Arguments with JSON-encoded fields (blocks, view...) decoded. */
  readonly args: Record<string, unknown>;
  readonly token?: string;
}

export interface ResponseUrlPost {
  readonly id: string;
  readonly body: Record<string, unknown>;
}

export interface FakeUser {
  readonly id: string;
  readonly name: string;
  readonly isAdmin?: boolean;
  /** The member's Slack language, e.g. `es-ES`; users.info gives it only with `include_locale`. */
  readonly locale?: string;
}

/** How a call fails below the API: an HTTP status with no JSON, or the connection reset. */
export type TransportFault = 500 | 502 | 503 | 'reset' | 'hang';

interface Failure {
  readonly error: string;
  remaining: number;
  readonly rateLimitSeconds?: number;
}

export const TEAM_ID = 'T0TEST';
export const BOT_USER_ID = 'UBOT';
export const APP_TOKEN = 'xapp-1-test';
export const BOT_TOKEN = 'xoxb-test';
/** The Slack app's credentials for OAuth installs ("Basic Information" → App Credentials). */
export const CLIENT_ID = '1111.2222';
export const CLIENT_SECRET = 'fake-client-secret';

/** A workspace (or, org-wide, an organisation) someone agreed to install the app to. */
export interface Grant {
  readonly teamId?: string;
  readonly teamName?: string;
  readonly enterpriseId?: string;
  readonly enterpriseName?: string;
  readonly isEnterpriseInstall?: boolean;
  /** Who clicked Allow. */
  readonly userId?: string;
  /** The bot scopes the authorize page asked for (comma-separated, as in its `scope` parameter). */
  readonly scopes?: string;
}

/** A bot token oauth.v2.access gave out, and where it works. */
export interface IssuedToken extends Grant {
  readonly token: string;
  readonly botUserId: string;
  revoked: boolean;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /** Acks received over the Socket Mode connection, by envelope id. */
  readonly acks = new Map<string, Record<string, unknown>>();
  private readonly events = new EventEmitter();
  private readonly failures = new Map<string, Failure>();
  private readonly faults = new Map<string, TransportFault[]>();
  private readonly holds = new Map<string, Promise<void>>();
  private readonly users = new Map<string, FakeUser>();
  /** User group id → its members, for usergroups.users.list; tests fill it in. */
  readonly usergroups = new Map<string, Set<string>>();
  /** Codes Slack put in the redirect after "Allow", each good for one oauth.v2.access. */
  private readonly grants = new Map<string, Grant>();
  /** Bot tokens issued by oauth.v2.access, by token. */
  readonly issued = new Map<string, IssuedToken>();
  private codes = 0;
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private ts = 1_700_000_000;
  private envelopes = 0;
  private responseIds = 0;
  port = 0;

  constructor(users: readonly FakeUser[] = []) {
    for (const u of users) this.users.set(u.id, u);
    this.events.setMaxListeners(0);
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket')) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
  }

  static async start(users: readonly FakeUser[] = []): Promise<FakeSlack> {
    const fake = new FakeSlack(users);
    await new Promise<void>((done) => fake.server.listen(0, '127.0.0.1', done));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A fresh response_url, as Slack gives one with every command and interaction. */
  responseUrl(): string {
    return `http://127.0.0.1:${this.port}/response/${++this.responseIds}`;
  }

  /** The next `times` calls of `method` answer `{ ok: false, error }` (or HTTP 429 with rateLimitSeconds). */
  fail(method: string, error: string, times = 1, rateLimitSeconds?: number): void {
    this.failures.set(method, { error, remaining: times, ...(rateLimitSeconds !== undefined ? { rateLimitSeconds } : {}) });
  }

  /** The next calls of `method` fail in turn below the API (HTTP 5xx, a reset connection, no answer at all). */
  faultNext(method: string, ...faults: TransportFault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  /** How many transport faults are still queued for `method`. */
  faultsLeft(method: string): number {
    return this.faults.get(method)?.length ?? 0;
  }

  /**
   * Holds every answer to `method` until the returned function is called: a Slack that is slow
   * to accept a token, or a post still on its way when the bot is told to stop.
   */
  hold(method: string): () => void {
    let release!: () => void;
    this.holds.set(
      method,
      new Promise<void>((done) => {
        release = done;
      }),
    );
    return () => {
      this.holds.delete(method);
      release();
    };
  }

  /**
   * What Slack does when someone clicks Allow on the authorize page: a one-time code for the
   * redirect to the app, exchanged by oauth.v2.access for a bot token of that workspace.
   */
  grant(grant: Grant): string {
    const code = `code-${++this.codes}`;
    this.grants.set(code, grant);
    return code;
  }

  /** The workspace's tokens stop working, as after the app was uninstalled there. */
  revokeTokensOf(teamId: string): void {
    for (const t of this.issued.values()) if (t.teamId === teamId) t.revoked = true;
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Everything the bot sent after start-up (auth.test and apps.connections.open excluded). */
  get outgoing(): (ApiCall | ResponseUrlPost)[] {
    return [...this.calls.filter((c) => c.method !== 'auth.test' && c.method !== 'apps.connections.open'), ...this.responses];
  }

  /** Resolves with the first recorded call (past or future) that matches. */
  waitForCall(method: string, match: (c: ApiCall) => boolean = () => true, timeoutMs = 10_000): Promise<ApiCall> {
    return this.waitFor(() => this.calls.find((c) => c.method === method && match(c)), `a ${method} call`, timeoutMs);
  }

  waitForResponse(
    id: string | undefined = undefined,
    match: (r: ResponseUrlPost) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<ResponseUrlPost> {
    return this.waitFor(
      () => this.responses.find((r) => (id === undefined || r.id === id) && match(r)),
      `a post to response_url ${id ?? ''}`,
      timeoutMs,
    );
  }

  private waitFor<T>(find: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = find();
        if (hit === undefined) return;
        cleanup();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `fake Slack: timed out waiting for ${what}; received: ${JSON.stringify(this.outgoing.map((o) => ('method' in o ? o.method : `response ${o.id}`)))}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('record', check);
      };
      this.events.on('record', check);
    });
  }

  // ------------------------------------------------------------------------------------------
  // Socket Mode

  /** Resolves once the app has connected and received `hello`. */
  socketReady(timeoutMs = 10_000): Promise<void> {
    return this.waitFor(() => (this.socket ? true : undefined), 'a Socket Mode connection', timeoutMs).then(() => undefined);
  }

  /** Sends an envelope and resolves with the app's ack payload. */
  sendEnvelope(
    type: 'events_api' | 'slash_commands' | 'interactive',
    payload: unknown,
    retryAttempt = 0,
    timeoutMs = 10_000,
  ): Promise<Record<string, unknown>> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error('fake Slack: no Socket Mode connection'));
    const envelopeId = `env-${++this.envelopes}`;
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        ...(type === 'events_api' ? { retry_attempt: retryAttempt, retry_reason: retryAttempt > 0 ? 'timeout' : '' } : {}),
      }),
    );
    return this.waitFor(() => this.acks.get(envelopeId), `the ack of ${envelopeId}`, timeoutMs);
  }

  /** Cuts the Socket Mode connection without a close frame, as a network drop does. */
  dropSocket(): void {
    const socket = this.socket;
    this.socket = undefined;
    socket?.terminate();
  }

  /** How many Socket Mode connections the app has opened so far. */
  connections = 0;

  /** Socket Mode connections opening and closing, in order: "open 1", "close 1", ... */
  readonly socketTimeline: string[] = [];

  /** Asks the app to reconnect, as Slack does when it refreshes a connection. */
  requestReconnect(): void {
    this.socket?.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } }));
  }

  /** Resolves once the app has opened at least `n` Socket Mode connections. */
  waitForConnections(n: number, timeoutMs = 20_000): Promise<void> {
    return this.waitFor(() => (this.connections >= n && this.socket ? true : undefined), `${n} Socket Mode connections`, timeoutMs).then(
      () => undefined,
    );
  }

  private onSocket(ws: WebSocket): void {
    this.socket = ws;
    this.connections += 1;
    const n = this.connections;
    this.socketTimeline.push(`open ${n}`);
    ws.on('message', (data) => {
      try {
        const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
        if (msg.envelope_id) {
          this.acks.set(msg.envelope_id, msg.payload ?? {});
          this.events.emit('record');
        }
      } catch {
        /* not an ack */
      }
    });
    ws.on('close', () => {
      this.socketTimeline.push(`close ${n}`);
      if (this.socket === ws) this.socket = undefined;
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0TEST' } }));
    this.events.emit('record');
  }

  // ------------------------------------------------------------------------------------------
  // HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/response/')) {
      this.responses.push({ id: url.pathname.slice('/response/'.length), body: JSON.parse(raw || '{}') as Record<string, unknown> });
      this.events.emit('record');
      return send(res, 200, { ok: true });
    }
    if (!url.pathname.startsWith('/api/')) return send(res, 404, { ok: false, error: 'unknown_path' });
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(raw, req.headers['content-type']);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (typeof args.token === 'string' ? args.token : undefined);
    this.calls.push({ method, args, ...(token ? { token } : {}) });
    const fault = this.faults.get(method)?.shift();
    if (fault !== undefined) {
      this.events.emit('record');
      if (fault === 'hang') return; // accepted, never answered
      if (fault === 'reset') return void req.socket.destroy();
      return send(res, fault, { message: 'fake Slack: server error' });
    }
    this.events.emit('record');
    await this.holds.get(method);
    const failure = this.failures.get(method);
    if (failure && failure.remaining > 0) {
      failure.remaining -= 1;
      this.events.emit('record');
      if (failure.rateLimitSeconds !== undefined) {
        res.setHeader('Retry-After', String(failure.rateLimitSeconds));
        return send(res, 429, { ok: false, error: 'ratelimited' });
      }
      return send(res, 200, { ok: false, error: failure.error });
    }
    const result = this.answer(method, args, token);
    this.events.emit('record');
    send(res, 200, result);
  }

  private answer(method: string, args: Record<string, unknown>, token: string | undefined): Record<string, unknown> {
    const issued = token === undefined ? undefined : this.issued.get(token);
    if (issued?.revoked) return { ok: false, error: 'token_revoked' };
    switch (method) {
      case 'auth.test':
        if (issued) {
          return {
            ok: true,
            url: `https://${(issued.teamId ?? issued.enterpriseId ?? 'x').toLowerCase()}.slack.example/`,
            team: issued.teamName ?? '',
            user: 'faqbot',
            team_id: issued.teamId ?? '',
            user_id: issued.botUserId,
            bot_id: `B${issued.botUserId}`,
            ...(issued.enterpriseId ? { enterprise_id: issued.enterpriseId } : {}),
            is_enterprise_install: Boolean(issued.isEnterpriseInstall),
          };
        }
        return token === BOT_TOKEN
          ? {
              ok: true,
              url: 'https://test.slack.example/',
              team: 'Test',
              user: 'faqbot',
              team_id: TEAM_ID,
              user_id: BOT_USER_ID,
              bot_id: 'BBOT',
            }
          : { ok: false, error: 'invalid_auth' };
      case 'oauth.v2.access':
        return this.exchange(args);
      case 'apps.connections.open':
        return token === APP_TOKEN ? { ok: true, url: `ws://127.0.0.1:${this.port}/socket` } : { ok: false, error: 'invalid_auth' };
      case 'chat.postMessage': {
        const ts = `${++this.ts}.000100`;
        return { ok: true, channel: args.channel, ts, message: { text: args.text, ts, user: BOT_USER_ID } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${++this.ts}.000200` };
      case 'views.open':
      case 'views.update':
        return { ok: true, view: { id: 'V0TEST', hash: `h${this.ts}`, ...(args.view as object) } };
      case 'usergroups.users.list': {
        const members = this.usergroups.get(String(args.usergroup));
        return members ? { ok: true, users: [...members] } : { ok: false, error: 'no_such_subteam' };
      }
      case 'users.info': {
        const u = this.users.get(String(args.user));
        if (!u) return { ok: false, error: 'user_not_found' };
        // As Slack: the locale only when asked for, and en-US for a member who set none.
        const locale = args.include_locale === true || args.include_locale === 'true' ? { locale: u.locale ?? 'en-US' } : {};
        return {
          ok: true,
          user: {
            id: u.id,
            name: u.name,
            real_name: u.name,
            is_admin: Boolean(u.isAdmin),
            is_owner: false,
            profile: { display_name: u.name },
            ...locale,
          },
        };
      }
      default:
        return { ok: true };
    }
  }

  /** oauth.v2.access: the app's credentials and a fresh code give the workspace's bot token. */
  private exchange(args: Record<string, unknown>): Record<string, unknown> {
    if (args.client_id !== CLIENT_ID || args.client_secret !== CLIENT_SECRET) return { ok: false, error: 'invalid_client_id' };
    const code = String(args.code ?? '');
    const grant = this.grants.get(code);
    if (!grant) return { ok: false, error: 'invalid_code' };
    this.grants.delete(code);
    const n = this.issued.size + 1;
    const where = grant.isEnterpriseInstall ? grant.enterpriseId : grant.teamId;
    const issued: IssuedToken = { ...grant, token: `xoxb-${where}-${n}-fake${'0'.repeat(20)}${n}`, botUserId: `UBOT${n}`, revoked: false };
    this.issued.set(issued.token, issued);
    return {
      ok: true,
      app_id: 'A0TEST',
      token_type: 'bot',
      access_token: issued.token,
      scope: grant.scopes ?? '',
      bot_user_id: issued.botUserId,
      authed_user: { id: grant.userId ?? 'UINSTALLER' },
      team: grant.isEnterpriseInstall ? null : { id: grant.teamId, name: grant.teamName ?? grant.teamId },
      enterprise: grant.enterpriseId ? { id: grant.enterpriseId, name: grant.enterpriseName ?? grant.enterpriseId } : null,
      is_enterprise_install: Boolean(grant.isEnterpriseInstall),
    };
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? tryJson(v) : v;
  }
  return out;
}

function tryJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

// A local Discord for end-to-end tests: the REST API under /api/v10 and the gateway WebSocket,
// both on 127.0.0.1 with an ephemeral port. It records every REST request so tests can assert
// on exactly what Discord would have received.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  /** 0 text, 11 public thread, 15 forum; threads carry a parent_id. */
  type: number;
  parent_id?: string;
}

export interface FakeGuild {
  id: string;
  name: string;
  channels: FakeChannel[];
  /** Members other than the bot; their permissions come from `permissions` on interactions. */
  members: FakeUser[];
  /** Role ids besides @everyone, sent with the guild so discord.js knows them. */
  roles?: string[];
}

export interface RecordedRequest {
  method: string;
  /** Decoded path below /api/v10, e.g. /interactions/1/tok/callback. */
  path: string;
  query: URLSearchParams;
  body: any;
  /** performance.now() when the request arrived. */
  at: number;
}

/** A test's say over one REST request: reply with this status and body instead of the default. */
export type RequestOverride = (req: RecordedRequest) => { status: number; body?: unknown } | undefined;

export interface FakeDiscordOptions {
  applicationId?: string;
  bot?: FakeUser;
  guilds?: FakeGuild[];
}

/** Permission bits as Discord sends them in `member.permissions`. */
export const PERMISSIONS = {
  member: ((1n << 10n) | (1n << 11n) | (1n << 16n)).toString(), // view, send, read history
  moderator: ((1n << 10n) | (1n << 11n) | (1n << 13n) | (1n << 16n)).toString(), // + manage messages
};

let nextSnowflake = 1_300_000_000_000_000_000n;
export function snowflake(): string {
  nextSnowflake += 1n;
  return nextSnowflake.toString();
}

export class FakeDiscord {
  readonly applicationId: string;
  readonly bot: FakeUser;
  readonly guilds: FakeGuild[];
  readonly requests: RecordedRequest[] = [];
  /** Gateway opcodes received (2 identify, 6 resume, 1 heartbeat), in order. */
  readonly gatewayOps: number[] = [];
  override: RequestOverride | undefined;
  /** While true, the gateway accepts connections and never says hello (a stuck proxy). */
  silentGateway = false;
  /** While true, connections to the gateway are cut at once (a network outage). */
  gatewayDown = false;
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private socket: WebSocket | undefined;
  private seq = 0;
  private readonly callbacks = new Map<string, RecordedRequest>();
  private readonly callbackWaiters = new Map<string, (r: RecordedRequest) => void>();
  private waiters: { match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  private readyWaiters: (() => void)[] = [];
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.applicationId = options.applicationId ?? snowflake();
    this.bot = options.bot ?? { id: snowflake(), username: 'faqbot', bot: true };
    this.guilds = options.guilds ?? [];
    this.server = createServer((req, res) => void this.handleHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      if (this.gatewayDown) return void socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.handleSocket(ws));
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((done) => fake.server.listen(0, '127.0.0.1', done));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The value for DISCORD_API_URL (discord.js's `rest.api` form). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  // ---------------------------------------------------------------------------------- gateway

  /** Sends a dispatch event to the connected bot. */
  dispatch(t: string, d: unknown): void {
    if (!this.socket) throw new Error('fake discord: no bot connected to the gateway');
    this.socket.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  /** Resolves once a bot has identified or resumed and received READY/RESUMED. */
  whenReady(): Promise<void> {
    if (this.socket) return Promise.resolve();
    return new Promise((done) => this.readyWaiters.push(done));
  }

  /**
   * Leaves identify and resume unanswered until the returned function is called: a gateway
   * that is slow to take the bot back after a drop.
   */
  holdSessions(): () => void {
    this.heldSessions = [];
    return () => {
      const held = this.heldSessions ?? [];
      this.heldSessions = undefined;
      for (const run of held) run();
    };
  }

  /** Drops the gateway connection the way a network blip or a Discord restart would. */
  dropGateway(code = 4000): void {
    const ws = this.socket;
    this.socket = undefined;
    ws?.close(code, 'fake discord: dropped');
  }

  private heldSessions: (() => void)[] | undefined;

  private handleSocket(ws: WebSocket): void {
    if (this.silentGateway) return;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: any };
      this.gatewayOps.push(msg.op);
      const session =
        msg.op === 2
          ? () => this.identify(ws)
          : msg.op === 6
            ? () => {
                this.socket = ws;
                ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.seq, d: {} }));
                this.flushReady();
              }
            : undefined;
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11 }));
      else if (session && this.heldSessions) this.heldSessions.push(session);
      else session?.();
    });
  }

  private identify(ws: WebSocket): void {
    this.seq = 0;
    this.socket = ws;
    this.dispatch('READY', {
      v: 10,
      user: { ...this.bot, discriminator: '0', avatar: null, bot: true },
      guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: `session-${snowflake()}`,
      resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
    });
    // Every guild in READY needs its GUILD_CREATE, or discord.js holds READY back for 15 s.
    for (const g of this.guilds) this.dispatch('GUILD_CREATE', this.guildPayload(g));
    this.flushReady();
  }

  private flushReady(): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) w();
  }

  private guildPayload(g: FakeGuild): unknown {
    return {
      id: g.id,
      name: g.name,
      icon: null,
      owner_id: '1',
      unavailable: false,
      member_count: g.members.length + 1,
      large: false,
      features: [],
      emojis: [],
      stickers: [],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      roles: [g.id, ...(g.roles ?? [])].map((id, position) => ({
        id,
        name: position === 0 ? '@everyone' : `role${position}`,
        permissions: PERMISSIONS.member,
        position,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      })),
      channels: g.channels.map((c) => ({
        id: c.id,
        name: c.name,
        type: c.type,
        guild_id: g.id,
        position: 0,
        permission_overwrites: [],
        ...(c.parent_id ? { parent_id: c.parent_id } : {}),
      })),
      members: [this.bot, ...g.members].map((u) => ({
        user: { ...u, discriminator: '0', avatar: null },
        roles: [],
        joined_at: new Date(0).toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      })),
      joined_at: new Date(0).toISOString(),
      preferred_locale: 'en-US',
      nsfw_level: 0,
      premium_tier: 0,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      system_channel_flags: 0,
      afk_timeout: 300,
    };
  }

  // ------------------------------------------------------------------------------- interactions

  /** Dispatches INTERACTION_CREATE and returns its id and token (the callback path's parts). */
  interact(payload: Record<string, unknown>): { id: string; token: string } {
    const id = snowflake();
    const token = `tok-${id}`;
    this.dispatch('INTERACTION_CREATE', {
      id,
      token,
      application_id: this.applicationId,
      version: 1,
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: {},
      app_permissions: '8',
      ...payload,
    });
    return { id, token };
  }

  /** The interaction callback request for an interaction (POST /interactions/:id/:token/callback). */
  callbackOf(interaction: { id: string }, timeoutMs = 5000): Promise<RecordedRequest> {
    const seen = this.callbacks.get(interaction.id);
    if (seen) return Promise.resolve(seen);
    // Indexed by interaction id: the benchmark waits on a thousand of these at once.
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.callbackWaiters.delete(interaction.id);
        reject(new Error(`fake discord: no callback for interaction ${interaction.id}`));
      }, timeoutMs);
      this.callbackWaiters.set(interaction.id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }

  /** The next request (already received or still to come) matching `match`. */
  waitFor(match: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== wrapped);
        reject(new Error('fake discord: expected request did not arrive'));
      }, timeoutMs);
      const wrapped = (r: RecordedRequest) => {
        clearTimeout(timer);
        resolve(r);
      };
      this.waiters.push({ match, resolve: wrapped });
    });
  }

  // --------------------------------------------------------------------------------------- REST

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = Buffer.concat(chunks).toString('utf8');
    let body: any;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const record: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, body, at: performance.now() };
    this.requests.push(record);
    const callback = record.method === 'POST' ? /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path) : null;
    if (callback) {
      this.callbacks.set(callback[1]!, record);
      this.callbackWaiters.get(callback[1]!)?.(record);
      this.callbackWaiters.delete(callback[1]!);
    }
    for (const w of this.waiters.filter((w) => w.match(record))) {
      this.waiters = this.waiters.filter((x) => x !== w);
      w.resolve(record);
    }
    const forced = this.override?.(record);
    const { status, body: out } = forced ?? this.route(record);
    if (status === 204 || out === undefined) {
      // A 204 must not carry a JSON content type, or @discordjs/rest tries to parse it.
      res.writeHead(status === 200 ? 204 : status).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(out));
  }

  private route(r: RecordedRequest): { status: number; body?: unknown } {
    const { method, path } = r;
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: `ws://127.0.0.1:${this.port}/gateway`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (method === 'PATCH' && path === '/applications/@me')
      return { status: 200, body: { id: this.applicationId, name: 'faqbot', bot: this.bot, ...r.body } };
    if (method === 'GET' && path === '/applications/@me')
      return { status: 200, body: { id: this.applicationId, name: 'faqbot', bot: this.bot } };
    if (method === 'GET' && path === '/users/@me') return { status: 200, body: { ...this.bot, discriminator: '0', avatar: null } };
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if ((method === 'PATCH' || method === 'GET') && (m = path.match(/^\/webhooks\/\d+\/[^/]+\/messages\/(@original|\d+)$/))) {
      return { status: 200, body: this.message(snowflake(), r.body ?? {}) };
    }
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return { status: 200, body: this.message(snowflake(), r.body) };
    if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/messages$/))) return { status: 200, body: this.message(m[1]!, r.body) };
    if (method === 'GET' && (m = path.match(/^\/channels\/(\d+)$/))) {
      // What a replica without a gateway cache fetches before posting in a channel.
      for (const g of this.guilds) {
        const c = g.channels.find((ch) => ch.id === m![1]);
        if (c)
          return {
            status: 200,
            body: {
              id: c.id,
              name: c.name,
              type: c.type,
              guild_id: g.id,
              position: 0,
              permission_overwrites: [],
              ...(c.parent_id ? { parent_id: c.parent_id } : {}),
            },
          };
      }
      return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    }
    if (method === 'DELETE' && /^\/channels\/\d+\/messages\/\d+$/.test(path)) return { status: 204 };
    if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/threads$/))) {
      const guild = this.guilds.find((g) => g.channels.some((c) => c.id === m![1]));
      return {
        status: 201,
        body: {
          id: snowflake(),
          type: r.body?.type ?? 11,
          name: r.body?.name,
          parent_id: m[1],
          guild_id: guild?.id,
          thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false },
        },
      };
    }
    if (method === 'PUT' && /^\/channels\/\d+\/thread-members\/\d+$/.test(path)) return { status: 204 };
    if (method === 'POST' && path === '/users/@me/channels') {
      return {
        status: 200,
        body: { id: snowflake(), type: 1, recipients: [{ id: r.body.recipient_id, username: 'member', discriminator: '0', avatar: null }] },
      };
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return {
        status: 200,
        body: (r.body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: this.applicationId, version: '1' })),
      };
    }
    return { status: 404, body: { message: `fake discord: no route for ${method} ${path}`, code: 0 } };
  }

  private message(channelId: string, body: any): unknown {
    return {
      id: snowflake(),
      channel_id: channelId,
      author: { ...this.bot, discriminator: '0', avatar: null, bot: true },
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      type: body?.message_reference ? 19 : 0,
      flags: body?.flags ?? 0,
    };
  }
}

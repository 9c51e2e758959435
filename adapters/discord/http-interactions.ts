// Discord interactions over HTTP: Discord POSTs each interaction to the endpoint, signed; the
// reply is the HTTP response. Nothing is kept between requests, so any number of replicas can
// sit behind a load balancer. Each verified interaction goes through the same handlers as on the
// gateway: discord.js builds its Interaction object from the payload, and the first response
// the handler gives (reply, update, defer, autocomplete) is taken out of the REST call and sent
// back as the HTTP response. Follow-ups and edits go out as webhook calls, as on the gateway.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { Events, type Client, type Interaction } from 'discord.js';
import { APOLOGY, type Logger } from '../../src/index.js';
import { handleInteraction, type HandlerDeps } from './interactions.js';
import { verifyRequest } from './verify.js';

export { INTERACTIONS_PATH } from './interactions-path.js';

/** Discord waits 3 s for the response; past this, a "thinking" response is sent and the answer follows as an edit. */
const RESPONSE_BUDGET_MS = 2_500;
const MAX_BODY_BYTES = 1024 * 1024;

// Interaction types and response types from the Discord API (discord-api-types names them).
const PING = 1;
const APPLICATION_COMMAND = 2;
const AUTOCOMPLETE = 4;
const PONG = 1;
const CHANNEL_MESSAGE = 4;
const DEFERRED_CHANNEL_MESSAGE = 5;
const DEFERRED_UPDATE = 6;
const UPDATE_MESSAGE = 7;
const AUTOCOMPLETE_RESULT = 8;
const EPHEMERAL = 64;

interface CallbackBody {
  readonly type: number;
  readonly data?: unknown;
}

interface Pending {
  readonly type: number;
  readonly applicationId: string;
  readonly token: string;
  respond(body: CallbackBody): void;
  /** Set once the HTTP response went out as a "thinking" placeholder. */
  late: boolean;
}

type RestPost = Client['rest']['post'];

/** discord.js turns a raw payload into an Interaction here (internal, but what the gateway itself calls). */
interface InternalActions {
  actions?: { InteractionCreate?: { handle(data: unknown): void } };
}

export interface InteractionsEndpointOptions {
  readonly client: Client;
  readonly publicKey: KeyObject;
  readonly deps: HandlerDeps;
  readonly log: Logger;
  readonly now?: () => number;
}

export interface InteractionsEndpoint {
  /** For a node:http server (or a router) at POST /discord/interactions. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

export function createInteractionsEndpoint(options: InteractionsEndpointOptions): InteractionsEndpoint {
  const { client, publicKey, deps, log } = options;
  const now = options.now ?? Date.now;
  const actions = (client as unknown as InternalActions).actions?.InteractionCreate;
  if (!actions)
    throw new Error(
      'this discord.js version does not expose the interaction builder faqbot uses for HTTP interactions; keep discord.js 14',
    );
  const pending = new Map<string, Pending>();
  const running = new Map<string, Promise<void>>();

  // The first response of an interaction answered over HTTP becomes the HTTP response; later ones
  // (and every other REST call) go to Discord as usual.
  const post: RestPost = client.rest.post.bind(client.rest);
  client.rest.post = (async (route: `/${string}`, request?: { body?: unknown }) => {
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(route);
    const p = callback ? pending.get(callback[1]!) : undefined;
    if (!p) return post(route, request);
    pending.delete(callback![1]!);
    const body = request?.body as CallbackBody;
    if (!p.late) {
      p.respond(body);
      return undefined;
    }
    // Too late for the HTTP response: the "thinking" placeholder of a command becomes the answer,
    // an update edits the component's message, and a new message from a component follows up.
    const webhook = `/webhooks/${p.applicationId}/${p.token}` as const;
    if (body.type === UPDATE_MESSAGE || (body.type === CHANNEL_MESSAGE && p.type === APPLICATION_COMMAND)) {
      await client.rest.patch(`${webhook}/messages/@original`, { body: body.data, auth: false });
    } else if (body.type === CHANNEL_MESSAGE) {
      await post(webhook, { body: body.data, auth: false });
    }
    return undefined;
  }) as RestPost;

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const done = handleInteraction(deps, interaction).catch((error: unknown) =>
      log.error('discord: unexpected error in an interaction handler', error),
    );
    running.set(interaction.id, done);
  });

  return {
    handle(req, res) {
      void serve(req, res).catch((error: unknown) => {
        log.error('discord: an interactions request failed', error);
        if (!res.headersSent) send(res, 500, { error: 'internal error' });
      });
    },
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, { error: 'POST only' }, { allow: 'POST' });
    const body = await readBody(req);
    if (!body) return send(res, 413, { error: 'request too large' });
    const verdict = verifyRequest(
      publicKey,
      {
        signature: header(req, 'x-signature-ed25519'),
        timestamp: header(req, 'x-signature-timestamp'),
      },
      body,
      now(),
    );
    if (verdict !== 'ok') {
      // Discord probes the endpoint with forged requests and expects 401.
      return send(res, 401, { error: verdict === 'stale' ? 'request timestamp too old' : 'invalid request signature' });
    }
    let payload: { id?: unknown; type?: unknown; token?: unknown; application_id?: unknown };
    try {
      payload = JSON.parse(body.toString('utf8')) as typeof payload;
    } catch {
      return send(res, 400, { error: 'body is not JSON' });
    }
    if (payload.type === PING) return send(res, 200, { type: PONG });
    if (
      typeof payload.id !== 'string' ||
      typeof payload.type !== 'number' ||
      typeof payload.token !== 'string' ||
      typeof payload.application_id !== 'string'
    ) {
      return send(res, 400, { error: 'not an interaction' });
    }
    const id = payload.id;
    const type = payload.type;
    const response = new Promise<CallbackBody>((respond) => {
      pending.set(id, { type, applicationId: payload.application_id as string, token: payload.token as string, respond, late: false });
    });
    actions!.handle(payload);
    const handled = running.get(id) ?? Promise.resolve();
    running.delete(id);
    const timer = new Promise<'slow'>((done) => setTimeout(() => done('slow'), RESPONSE_BUDGET_MS).unref());
    const first = await Promise.race([response, handled.then(() => 'done' as const), timer]);
    if (typeof first === 'object') return send(res, 200, first);
    const p = pending.get(id);
    if (first === 'done') {
      // The handler finished without responding (an interaction it does not know): say so.
      pending.delete(id);
      return send(
        res,
        200,
        type === AUTOCOMPLETE
          ? { type: AUTOCOMPLETE_RESULT, data: { choices: [] } }
          : { type: CHANNEL_MESSAGE, data: { content: APOLOGY, flags: EPHEMERAL } },
      );
    }
    if (p) {
      p.late = true;
      // An interaction token lives 15 minutes: a handler that never answers is forgotten then.
      setTimeout(() => pending.delete(id), 15 * 60_000).unref();
    }
    log.warn(
      `discord: interaction ${id} took longer than ${RESPONSE_BUDGET_MS} ms; answering with a placeholder that the answer will replace`,
    );
    if (type === AUTOCOMPLETE) {
      pending.delete(id);
      return send(res, 200, { type: AUTOCOMPLETE_RESULT, data: { choices: [] } });
    }
    return send(
      res,
      200,
      type === APPLICATION_COMMAND ? { type: DEFERRED_CHANNEL_MESSAGE, data: { flags: EPHEMERAL } } : { type: DEFERRED_UPDATE },
    );
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The raw body (the signature covers its exact bytes); undefined when over the limit. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

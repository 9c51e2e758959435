// Discord interactions over HTTP: the bot as `npm start` starts it with
// FAQBOT_DISCORD_INTERACTIONS=http, its POST /discord/interactions handler on a node:http server,
// and requests signed with an Ed25519 key pair made here, as Discord would sign them.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBot, type Started } from '../../bin/start.js';
import { adapters } from '../../bin/commands.js';
import type { Logger } from '../../src/log.js';
import { autocomplete, button, messageMenu, select, slashFaq, type Where, type Who } from '../fakes/discord/payloads.js';
import { FakeDiscord, snowflake, type FakeChannel, type FakeGuild } from '../fakes/discord/server.js';
import { FIXTURE_KNOWLEDGE, user } from './harness.js';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const PUBLIC_HEX = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');

let fake: FakeDiscord;
let bot: Started;
let server: Server;
let url = '';
let cwd = '';
const logs: string[] = [];
const general: FakeChannel = { id: snowflake(), name: 'general', type: 0 };
const guild: FakeGuild = { id: snowflake(), name: 'Test server', channels: [general], members: [] };
const where: Where = { guild, channel: general };
const member = (moderator = false): Who => ({ user: user(), moderator });

beforeAll(async () => {
  fake = await FakeDiscord.start({ guilds: [guild] });
  cwd = await mkdtemp(join(tmpdir(), 'faqbot-discord-http-'));
  const log: Logger = {
    info: (m) => logs.push(`info ${m}`),
    warn: (m) => logs.push(`warn ${m}`),
    error: (m, e) => logs.push(`error ${m} ${String(e)}`),
  };
  bot = await startBot(
    {
      out() {},
      err() {},
      stdin: new PassThrough(),
      cwd,
      env: {
        DISCORD_TOKEN: 'test-token',
        DISCORD_API_URL: fake.apiUrl,
        FAQBOT_KNOWLEDGE: FIXTURE_KNOWLEDGE,
        FAQBOT_DB: join(cwd, 'faqbot.db'),
        DISCORD_PUBLIC_KEY: PUBLIC_HEX,
        FAQBOT_DISCORD_INTERACTIONS: 'http',
        FAQBOT_DISCORD_GATEWAY: 'off',
      },
    },
    { adapters, log },
  );
  // Stands in for the bot's HTTP server: mounts the routes the platforms ask for.
  server = createServer((req, res) => {
    const route = bot.routes.find((r) => r.method === req.method && r.path === req.url);
    if (route) route.handler(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/discord/interactions`;
});

afterAll(async () => {
  await new Promise<void>((done) => server?.close(() => done()));
  await bot?.stop();
  await fake?.stop();
  await rm(cwd, { recursive: true, force: true });
});

interface Sent {
  status: number;
  body: any;
}

function post(body: string, headers: Record<string, string>): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Signed as Discord signs: Ed25519 over the timestamp followed by the raw body. */
function signed(payload: Record<string, unknown>, options: { key?: KeyObject; at?: number } = {}): Promise<Sent> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor((options.at ?? Date.now()) / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), options.key ?? privateKey).toString('hex');
  return post(body, { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp });
}

/** An interaction as Discord posts it: the gateway payload's fields plus id, token and application. */
function interaction(payload: Record<string, unknown>): Record<string, unknown> {
  const id = snowflake();
  return {
    id,
    token: `tok-${id}`,
    application_id: fake.applicationId,
    version: 1,
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
    app_permissions: '8',
    ...payload,
  };
}

const buttonsOf = (body: any): any[] => (body.data.components ?? []).flatMap((r: any) => r.components);

describe('Discord interactions over HTTP', () => {
  it('answers PING with PONG', async () => {
    expect(await signed({ type: 1 })).toEqual({ status: 200, body: { type: 1 } });
  });

  it('refuses forged, unsigned and stale requests with 401, and answers nothing', async () => {
    const forger = generateKeyPairSync('ed25519').privateKey;
    const payload = interaction(slashFaq(where, member(), 'migrate'));
    expect((await signed(payload, { key: forger })).status).toBe(401);
    expect((await post(JSON.stringify(payload), {})).status).toBe(401);
    expect((await signed(payload, { at: Date.now() - 10 * 60_000 })).status).toBe(401);
    expect((await signed({ type: 1 }, { key: forger })).status).toBe(401);
    // A valid signature over other bytes: the body was tampered with.
    const body = JSON.stringify({ type: 1 });
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = sign(null, Buffer.from(ts + body), privateKey).toString('hex');
    expect((await post(JSON.stringify({ type: 1, x: 1 }), { 'x-signature-ed25519': sig, 'x-signature-timestamp': ts })).status).toBe(401);
    expect(fake.requests.filter((r) => r.path.startsWith('/interactions/') || r.path.startsWith('/webhooks/'))).toEqual([]);
  });

  it('answers /faq in the HTTP response, privately, as on the gateway', async () => {
    const { status, body } = await signed(interaction(slashFaq(where, member(), 'migrate')));
    expect(status).toBe(200);
    expect(body.type).toBe(4);
    expect(body.data.flags & 64).toBe(64);
    expect(body.data.embeds[0].title).toBe('How do I migrate from version 1 to version 2?');
    expect(body.data.allowed_mentions).toEqual({ parse: [], users: [], replied_user: false });
    // Nothing went to Discord's callback endpoint: the response was the answer.
    expect(fake.requests.filter((r) => /\/callback$/.test(r.path))).toEqual([]);
  });

  it('autocompletes /faq query in the HTTP response', async () => {
    const { body } = await signed(interaction(autocomplete(where, member(), 'migr')));
    expect(body.type).toBe(8);
    expect(body.data.choices[0]).toEqual({ name: expect.stringContaining('migrate'), value: 'migrate' });
  });

  it('routes buttons: "Post in channel" answers publicly; "Helpful" thanks privately', async () => {
    const asker = member();
    const first = await signed(interaction(slashFaq(where, asker, 'install')));
    const share = buttonsOf(first.body).find((b) => b.label === 'Post in channel');
    const shared = await signed(interaction(button(where, asker, share.custom_id)));
    expect(shared.body.type).toBe(4);
    expect(shared.body.data.flags ?? 0).toBe(0);
    expect(shared.body.data.content).toBe(`<@${asker.user.id}> shared this answer:`);
    const helpful = buttonsOf(first.body).find((b) => b.label === 'Helpful');
    const thanked = await signed(interaction(button(where, asker, helpful.custom_id)));
    expect(thanked.body.data.content).toMatch(/Thanks/);
  });

  it('"Answer with FAQ": the menu comes back in the response, the pick is acknowledged and posted through REST', async () => {
    const mod = member(true);
    const author = user('newbie');
    const message = { id: snowflake(), channel_id: general.id, guild_id: guild.id, author, content: 'how do i back up my stuff?' };
    const menu = await signed(interaction(messageMenu(where, mod, message)));
    expect(menu.body.type).toBe(4);
    const picker = buttonsOf(menu.body).find((c) => c.type === 3);
    const picked = await signed(interaction(select(where, mod, picker.custom_id, [picker.options[0].value])));
    expect(picked.body.type).toBe(6);
    const sent = await fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${general.id}/messages`);
    expect(sent.body.message_reference.message_id).toBe(message.id);
    expect(sent.body.allowed_mentions.users).toEqual([author.id]);
    const edited = await fake.waitFor((r) => r.method === 'PATCH' && /^\/webhooks\/\d+\/tok-\d+\/messages\/@original$/.test(r.path));
    expect(edited.body.content).toMatch(/^Posted /);
  });

  it('an answer slower than Discord\'s 3 s: a private "thinking" response at once, then the answer as its edit', async () => {
    const ask = bot.service.ask.bind(bot.service);
    const slow = vi.spyOn(bot.service, 'ask').mockImplementationOnce(async (q) => {
      await new Promise((r) => setTimeout(r, 3_000));
      return ask(q);
    });
    const payload = interaction(slashFaq(where, member(), 'backup'));
    const { body } = await signed(payload);
    slow.mockRestore();
    expect(body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitFor(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${String(payload.token)}/messages/@original`,
    );
    expect(edit.body.embeds[0].title).toMatch(/back up/i);
    expect(logs).toContainEqual(expect.stringMatching(/took longer than 2500 ms/));
  });

  it('says in the log that interactions come over HTTP without a gateway', () => {
    expect(logs).toContainEqual(
      expect.stringMatching(/discord: answering interactions over HTTP at \/discord\/interactions, without a gateway/),
    );
    expect(fake.gatewayOps).toEqual([]);
  });
});

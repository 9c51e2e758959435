// Starts the bot exactly as `npm start` does (startBot with the real adapter list entry), with
// DISCORD_API_URL pointing at a fake Discord on 127.0.0.1 and the fixture knowledge base.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { startBot, type Started, type StartOptions } from '../../bin/start.js';
import { adapters } from '../../bin/commands.js';
import { expect } from 'vitest';
import type { Logger } from '../../src/log.js';
import { FakeDiscord, snowflake, type FakeChannel, type FakeGuild, type FakeUser, type RecordedRequest } from '../fakes/discord/server.js';
import type { Where, Who } from '../fakes/discord/payloads.js';

/** Role ids the fake guild has besides @everyone; the restricted fixture limits entries to them. */
export const HARNESS_ROLES = ['1100000000000000001', '1100000000000000002'] as const;

export const FIXTURE_KNOWLEDGE = resolve(import.meta.dirname, '../fixtures/discord/knowledge');

export interface Harness {
  fake: FakeDiscord;
  bot: Started;
  logs: string[];
  /** The bot's working folder; its insights database is `faqbot.db` there. */
  cwd: string;
  guild: FakeGuild;
  general: Where;
  thread: Where;
  /** A channel where the bot may not post (the fake answers 403 Missing Permissions). */
  locked: Where;
  /** A text channel inside the category `category`. */
  news: Where;
  category: FakeChannel;
  member(name?: string): Who;
  moderator(name?: string): Who;
  stop(): Promise<void>;
}

let users = 0;

export function user(name = `member${++users}`): FakeUser {
  return { id: snowflake(), username: name, global_name: null };
}

/** The guild's channels, for a config that names them. */
export interface ChannelIds {
  general: string;
  locked: string;
  forum: string;
  thread: string;
  category: string;
  news: string;
}

/**
 * Starts a fake Discord and the bot; `config` is faqbot.config.yaml text for the policies, or
 * makes it from the channel ids. `start` is passed to startBot (e.g. an insights store with
 * the figures a test needs).
 */
export async function startHarness(
  config: string | ((ids: ChannelIds) => string) = '',
  extraEnv: Record<string, string> = {},
  start: Pick<StartOptions, 'insights'> = {},
): Promise<Harness> {
  const channels: FakeChannel[] = [
    { id: snowflake(), name: 'general', type: 0 },
    { id: snowflake(), name: 'locked', type: 0 },
  ];
  const forum: FakeChannel = { id: snowflake(), name: 'help-forum', type: 15 };
  const thread: FakeChannel = { id: snowflake(), name: 'my post', type: 11, parent_id: forum.id };
  const category: FakeChannel = { id: snowflake(), name: 'Info', type: 4 };
  const news: FakeChannel = { id: snowflake(), name: 'news', type: 0, parent_id: category.id };
  channels.push(forum, thread, category, news);
  const guild: FakeGuild = { id: snowflake(), name: 'Test server', channels, members: [], roles: [...HARNESS_ROLES] };
  const fake = await FakeDiscord.start({ guilds: [guild] });
  const locked = channels[1]!;
  fake.override = (r) =>
    r.method === 'POST' && r.path === `/channels/${locked.id}/messages`
      ? { status: 403, body: { message: 'Missing Permissions', code: 50013 } }
      : undefined;

  const cwd = await mkdtemp(join(tmpdir(), 'faqbot-discord-'));
  const text =
    typeof config === 'function'
      ? config({ general: channels[0]!.id, locked: locked.id, forum: forum.id, thread: thread.id, category: category.id, news: news.id })
      : config;
  await writeFile(join(cwd, 'faqbot.config.yaml'), text || '{}\n');
  const logs: string[] = [];
  const log: Logger = {
    info: (m) => logs.push(`info ${m}`),
    warn: (m) => logs.push(`warn ${m}`),
    error: (m, e) => logs.push(`error ${m}${e === undefined ? '' : `: ${e instanceof Error ? e.message : String(e)}`}`),
  };
  const io = {
    out: () => {},
    err: () => {},
    stdin: new PassThrough(),
    cwd,
    env: {
      DISCORD_TOKEN: 'test-token',
      DISCORD_API_URL: fake.apiUrl,
      FAQBOT_KNOWLEDGE: FIXTURE_KNOWLEDGE,
      FAQBOT_DB: join(cwd, 'faqbot.db'),
      ...extraEnv,
    },
  };
  // The adapter list `npm start` uses; only Discord is configured by this environment.
  const bot = await startBot(io, { adapters, log, ...start });
  const make =
    (moderator: boolean) =>
    (name?: string): Who => {
      const u = user(name);
      guild.members.push(u);
      return { user: u, moderator };
    };
  return {
    fake,
    bot,
    logs,
    cwd,
    guild,
    general: { guild, channel: channels[0]! },
    thread: { guild, channel: thread },
    locked: { guild, channel: locked },
    news: { guild, channel: news },
    category,
    member: make(false),
    moderator: make(true),
    async stop() {
      await bot.stop();
      await fake.stop();
      await rm(cwd, { recursive: true, force: true });
    },
  };
}

/** Requests that create or edit a message (and so may ping someone). */
export function messageRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter(
    (r) =>
      (r.method === 'POST' || r.method === 'PATCH') &&
      (/\/callback$/.test(r.path) || /^\/channels\/\d+\/messages$/.test(r.path) || /^\/webhooks\//.test(r.path)),
  );
}

/**
 * Every message the bot sent named exactly who may be pinged, and nobody by category; a role
 * only in messages to `roleMessagesIn` (the helpers' hand-off threads), and only `helperRole`.
 */
export function expectSafeMentions(requests: readonly RecordedRequest[], helperRole?: string): void {
  for (const r of messageRequests(requests)) {
    const data = /\/callback$/.test(r.path) ? r.body.data : r.body;
    if (!data || [5, 6, 8].includes(r.body.type)) continue; // deferrals and autocomplete carry no message text
    expect(data.allowed_mentions, `${r.method} ${r.path}`).toBeDefined();
    expect(data.allowed_mentions.parse, `${r.method} ${r.path}`).toEqual([]);
    const roles = data.allowed_mentions.roles ?? [];
    if (roles.length > 0 && helperRole) expect(roles, `${r.method} ${r.path}`).toEqual([helperRole]);
    else expect(roles, `${r.method} ${r.path}`).toEqual([]);
  }
}

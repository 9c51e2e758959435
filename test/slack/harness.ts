// Starts the fake Slack, then the bot exactly as `npm start` does (startBot with SLACK_*
// variables pointing at the fake), in Socket Mode or HTTP mode.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBot, type Started } from '../../bin/start.js';
import type { Logger } from '../../src/log.js';
import type { RunningSlack } from '../../adapters/slack/index.js';
import { adapters } from '../../bin/commands.js';
import { APP_TOKEN, BOT_TOKEN, FakeSlack, type FakeUser } from '../fakes/slack/fake-slack.js';
import { httpDriver, socketDriver, type Driver } from '../fakes/slack/driver.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const KNOWLEDGE = resolve(import.meta.dirname, '../fixtures/slack/knowledge');

export const USERS: FakeUser[] = [
  { id: 'UMOD', name: 'Mona Moderator', isAdmin: true },
  { id: 'UNEW', name: 'Nina Newcomer' },
];

export interface Harness {
  fake: FakeSlack;
  bot: Started;
  slack: RunningSlack;
  driver: Driver;
  /** Only in HTTP mode: signed POSTs with chosen timestamp or signature. */
  http?: ReturnType<typeof httpDriver>;
  eventsUrl?: string;
  logs: string[];
  /** The bot's working folder (its faqbot.db is there). */
  cwd: string;
  /** A fresh id so tests do not share cooldowns or rate limits. */
  id(prefix: string): string;
  close(): Promise<void>;
}

/** `configYaml` becomes the faqbot.config.yaml of the bot's working folder. */
/** `users`: the members the fake Slack knows (users.info), the two above unless given. */
export async function startHarness(
  mode: 'http' | 'socket',
  extraEnv: Record<string, string> = {},
  configYaml?: string,
  users: readonly FakeUser[] = USERS,
): Promise<Harness> {
  const fake = await FakeSlack.start(users);
  const cwd = await mkdtemp(join(tmpdir(), 'faqbot-slack-'));
  if (configYaml !== undefined) await writeFile(join(cwd, 'faqbot.config.yaml'), configYaml);
  const logs: string[] = [];
  const log: Logger = {
    info: (m, f) => logs.push(`info ${m}${f ? ` ${JSON.stringify(f)}` : ''}`),
    warn: (m, f) => logs.push(`warn ${m}${f ? ` ${JSON.stringify(f)}` : ''}`),
    error: (m, e, f) => logs.push(`error ${m}${e ? `: ${String(e)}` : ''}${f ? ` ${JSON.stringify(f)}` : ''}`),
  };
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    FAQBOT_KNOWLEDGE: KNOWLEDGE,
    FAQBOT_DB: join(cwd, 'faqbot.db'),
    PORT: '0',
    ...(mode === 'socket' ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    ...extraEnv,
  };
  const bot = await startBot({ out() {}, err() {}, stdin: process.stdin, cwd, env }, { adapters, log });
  const slack = bot.platforms.find((p) => p.name === 'slack') as RunningSlack | undefined;
  if (!slack) throw new Error('the Slack adapter did not start');
  let driver: Driver;
  let http: ReturnType<typeof httpDriver> | undefined;
  let eventsUrl: string | undefined;
  if (mode === 'http') {
    eventsUrl = `http://127.0.0.1:${slack.port}/slack/events`;
    http = httpDriver(eventsUrl, SIGNING_SECRET);
    driver = http;
  } else {
    await fake.socketReady();
    driver = socketDriver(fake);
  }
  let n = 0;
  return {
    fake,
    bot,
    slack,
    driver,
    logs,
    cwd,
    ...(http ? { http } : {}),
    ...(eventsUrl ? { eventsUrl } : {}),
    id: (prefix) => `${prefix}${(++n).toString(36).toUpperCase()}X${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
    async close() {
      await bot.stop();
      await fake.close();
      await rm(cwd, { recursive: true, force: true });
    },
  };
}

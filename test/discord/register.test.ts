// `faqbot discord register [--guild ID]` against the fake Discord's REST API.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { commands } from '../../bin/commands.js';
import { startBot } from '../../bin/start.js';
import { discordAdapter } from '../../adapters/discord/index.js';
import { silentLogger } from '../../src/log.js';
import { FIXTURE_KNOWLEDGE } from './harness.js';
import { runCli } from '../../cli/run-cli.js';
import { FakeDiscord } from '../fakes/discord/server.js';

let fake: FakeDiscord;
const cwd = mkdtempSync(join(tmpdir(), 'faqbot-discord-cli-'));
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.stop();
});

async function cli(args: string[], env: Record<string, string> = { DISCORD_TOKEN: 'test-token', DISCORD_API_URL: fake.apiUrl }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, commands, { out: (t) => out.push(t), err: (t) => err.push(t), stdin: new PassThrough(), cwd, env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('registers /faq, /faq-stats and "Answer with FAQ" in one guild', async () => {
  const r = await cli(['discord', 'register', '--guild', '123456789012345678']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/Registered 3 commands in server 123456789012345678/);
  const put = fake.requests.find(
    (q) => q.method === 'PUT' && q.path === `/applications/${fake.applicationId}/guilds/123456789012345678/commands`,
  );
  const byName = Object.fromEntries((put!.body as any[]).map((c) => [c.name, c]));
  expect(byName.faq.options.map((o: any) => [o.name, o.type, o.autocomplete ?? false])).toEqual([
    ['query', 3, true],
    ['user', 6, false],
  ]);
  expect(byName['faq-stats'].default_member_permissions).toBe(String(1n << 13n));
  expect(byName['Answer with FAQ'].type).toBe(3);
});

test("sends the command names and descriptions translated for German and Spanish clients, within Discord's limits", async () => {
  const r = await cli(['discord', 'register', '--guild', '223456789012345678']);
  expect(r.code).toBe(0);
  const put = fake.requests.find(
    (q) => q.method === 'PUT' && q.path === `/applications/${fake.applicationId}/guilds/223456789012345678/commands`,
  );
  const byName = Object.fromEntries((put!.body as any[]).map((c) => [c.name, c]));
  expect(byName['faq-stats'].name_localizations).toEqual({
    de: 'faq-statistik',
    'es-ES': 'faq-estadisticas',
    'es-419': 'faq-estadisticas',
  });
  expect(byName['Answer with FAQ'].name_localizations).toMatchObject({ de: 'Mit FAQ antworten', 'es-ES': 'Responder con FAQ' });
  expect(byName.faq.description_localizations.de).toMatch(/^Eine Frage aus den FAQ beantworten/);
  expect(byName.faq.options.map((o: any) => o.name_localizations.de)).toEqual(['frage', 'mitglied']);
  expect(byName.faq.options.map((o: any) => o.name_localizations['es-ES'])).toEqual(['pregunta', 'miembro']);
  // Chat-input names: lower case, 1 to 32 characters, no spaces; descriptions at most 100.
  for (const command of put!.body as any[]) {
    for (const item of [command, ...(command.options ?? [])]) {
      for (const description of Object.values<string>(item.description_localizations ?? {}))
        expect(description.length).toBeLessThanOrEqual(100);
      if (item.type === 3 && item === command) continue; // a message command's name may have spaces and capitals
      for (const name of Object.values<string>(item.name_localizations ?? {})) expect(name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
    }
  }
});

test('--endpoint sets the Interactions Endpoint URL, and refuses a URL Discord could not use', async () => {
  const r = await cli(['discord', 'register', '--endpoint', 'https://faq.example.org/discord/interactions']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/Discord now posts interactions to https:\/\/faq\.example\.org\/discord\/interactions/);
  const patch = fake.requests.find((q) => q.method === 'PATCH' && q.path === '/applications/@me');
  expect(patch!.body).toEqual({ interactions_endpoint_url: 'https://faq.example.org/discord/interactions' });
  const wrong = await cli(['discord', 'register', '--endpoint', 'http://faq.example.org/interactions']);
  expect(wrong.code).toBe(2);
  expect(wrong.err).toMatch(/must be an https:\/\/ URL ending in \/discord\/interactions/);
});

test('registers globally without --guild', async () => {
  const r = await cli(['discord', 'register']);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/globally/);
  expect(fake.requests.some((q) => q.method === 'PUT' && q.path === `/applications/${fake.applicationId}/commands`)).toBe(true);
});

test('a malformed guild id and a missing token get clear messages', async () => {
  const bad = await cli(['discord', 'register', '--guild', 'my-server']);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/--guild "my-server" is not a server id; it is a number of 15 to 21 digits/);
  // The message states the rule the check applies: 15 and 21 digits are ids, 14 and 22 are not.
  expect((await cli(['discord', 'register', '--guild', '1'.repeat(22)])).err).toMatch(/15 to 21 digits/);
  expect((await cli(['discord', 'register', '--guild', '1'.repeat(15)])).err).not.toMatch(/is not a server id/);
  const none = await cli(['discord', 'register'], {});
  expect(none.code).toBe(1);
  expect(none.err).toMatch(/DISCORD_TOKEN is not set/);
});

test('a token Discord rejects is reported without a stack trace', async () => {
  fake.override = (r) => (r.path === '/applications/@me' ? { status: 401, body: { message: '401: Unauthorized', code: 0 } } : undefined);
  try {
    const r = await cli(['discord', 'register']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Discord rejected DISCORD_TOKEN/);
    expect(r.err).not.toMatch(/\n\s+at /);
  } finally {
    fake.override = undefined;
  }
});

test('npm start with a token Discord rejects stops with a clear message', async () => {
  fake.override = (r) => (r.path === '/gateway/bot' ? { status: 401, body: { message: '401: Unauthorized', code: 0 } } : undefined);
  try {
    const io = {
      out() {},
      err() {},
      stdin: new PassThrough(),
      cwd,
      env: { DISCORD_TOKEN: 'wrong', DISCORD_API_URL: fake.apiUrl, FAQBOT_KNOWLEDGE: FIXTURE_KNOWLEDGE },
    };
    await expect(startBot(io, { adapters: [discordAdapter], log: silentLogger })).rejects.toThrow(/Discord rejected DISCORD_TOKEN/);
  } finally {
    fake.override = undefined;
  }
});

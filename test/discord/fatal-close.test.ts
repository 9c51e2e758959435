// A gateway close Discord will not take a reconnect after (4004: token revoked, 4014:
// disallowed intent) must stop the bot with a clear reason and a non-zero exit, not leave it
// running deaf while the log says "reconnecting".
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, expect, test } from 'vitest';
import { commands } from '../../bin/commands.js';
import { runCli } from '../../cli/run-cli.js';
import { FakeDiscord, snowflake } from '../fakes/discord/server.js';
import { FIXTURE_KNOWLEDGE, startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

test('close 4004 marks Discord failed, stops the bot and says what to do', async () => {
  h = await startHarness();
  const harness = h;
  harness.fake.dropGateway(4004);
  const reason = await harness.bot.failed;
  expect(reason).toMatch(
    /^discord: Discord closed the gateway with code 4004 \(AuthenticationFailed\) and faqbot cannot reconnect: DISCORD_TOKEN was refused.*Reset Token.*restart$/,
  );
  expect(harness.bot.platforms[0]!.health()).toMatchObject({ state: 'failed', reason: expect.stringContaining('4004') });
  expect(harness.logs.some((l) => /^error discord: Discord closed the gateway with code 4004/.test(l))).toBe(true);
  expect(harness.logs.some((l) => /reconnecting/.test(l))).toBe(false);
  expect(harness.logs.join('\n')).not.toContain('test-token');
});

test('`faqbot start` exits 1 after close 4014, with the reason on stderr', async () => {
  const guild = { id: snowflake(), name: 'Test server', channels: [{ id: snowflake(), name: 'general', type: 0 }], members: [] };
  const fake = await FakeDiscord.start({ guilds: [guild] });
  const cwd = await mkdtemp(join(tmpdir(), 'faqbot-fatal-'));
  const err: string[] = [];
  const io = {
    out: () => {},
    err: (t: string) => {
      err.push(t);
    },
    stdin: new PassThrough(),
    cwd,
    env: {
      DISCORD_TOKEN: 'test-token',
      DISCORD_API_URL: fake.apiUrl,
      FAQBOT_KNOWLEDGE: FIXTURE_KNOWLEDGE,
      FAQBOT_DB: join(cwd, 'faqbot.db'),
    },
  };
  try {
    const exit = runCli(['start'], commands, io);
    await fake.whenReady();
    fake.dropGateway(4014);
    expect(await exit).toBe(1);
    expect(err.at(-1)).toMatch(/^faqbot stopped: discord: Discord closed the gateway with code 4014 \(DisallowedIntents\).*intents/);
  } finally {
    await fake.stop();
    await rm(cwd, { recursive: true, force: true });
  }
});

// Start-up against a Discord that accepts connections and never answers: a clear message
// within the start-up limit instead of a silent hang.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { startBot } from '../../bin/start.js';
import { adapters } from '../../bin/commands.js';
import { silentLogger } from '../../src/log.js';
import { FakeDiscord } from '../fakes/discord/server.js';
import { FIXTURE_KNOWLEDGE } from './harness.js';

test('a gateway that never says hello ends start-up with what to check', async () => {
  const fake = await FakeDiscord.start();
  fake.silentGateway = true;
  const cwd = await mkdtemp(join(tmpdir(), 'faqbot-startup-'));
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
    },
  };
  try {
    const error = await startBot(io, { adapters, log: silentLogger, startupTimeoutMs: 1500 }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe(
      'discord did not finish starting within 1.5 s: its API accepted the connection but did not answer. Check the network (a proxy or firewall in the way?), and DISCORD_API_URL if you set it.',
    );
  } finally {
    await fake.stop();
    await rm(cwd, { recursive: true, force: true });
  }
});

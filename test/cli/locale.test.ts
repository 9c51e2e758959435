// `faqbot ask --locale`: asking from a terminal as a member whose Discord or Slack is set to
// that locale, through the commands as registered in the composition root. In process, not a
// spawned binary: the language's matcher is built here, and a blocked worker would stall vitest.
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { commands } from '../../bin/commands.js';
import type { Io } from '../../cli/command.js';
import { runCli } from '../../cli/run-cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const knowledge = 'test/fixtures/languages/knowledge';

async function faqbot(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: new PassThrough(), cwd: root, env: { FAQBOT_CONFIG: '' } };
  const code = await runCli(args, commands, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

it("answers as for a member with --locale: the translation, matched with its language's stems", async () => {
  const de = await faqbot('ask', 'Ich habe meine Passwörter vergessen', '--locale', 'de', '--knowledge', knowledge);
  expect(de.code).toBe(0);
  expect(de.out).toMatch(/^Wie setze ich mein Passwort zurück\?\n=+\n/);
  expect(de.out).toMatch(/Verwandte Themen:\n {2}- Wie lösche ich mein Konto\?/);
  const fr = await faqbot('ask', 'forgot my password', '--locale', 'fr-FR', '--knowledge', knowledge);
  expect(fr.out).toMatch(/^How do I reset my password\?\n/);
});

it('refuses a --locale that is no locale, saying what to write', async () => {
  const bad = await faqbot('ask', 'x', '--locale', 'Deutsch!', '--knowledge', knowledge);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/--locale "Deutsch!" is not a locale; write a language code such as de, es or es-ES/);
});

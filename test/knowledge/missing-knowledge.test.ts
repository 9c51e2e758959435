// A knowledge path that is not there is explained by whoever named it: with nothing configured
// the message says what faqbot looked for and both ways out; a path from a setting names that
// setting (and its file) as the thing to fix. Never a stack trace.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startBot } from '../../bin/start.js';
import { askCommand } from '../../cli/commands/ask.js';
import { checkCommand } from '../../cli/commands/check.js';
import { evalCommand } from '../../cli/commands/eval.js';
import type { Io } from '../../cli/command.js';
import { runCli } from '../../cli/run-cli.js';
import { FaqbotError } from '../../src/errors.js';

function folder(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-missing-'));
  if (config !== undefined) writeFileSync(join(dir, 'faqbot.config.yaml'), config);
  return dir;
}

async function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  const err: string[] = [];
  const io: Io = { out() {}, err: (t) => err.push(t), stdin: new PassThrough(), cwd, env };
  const code = await runCli(args, [askCommand, checkCommand([]), evalCommand], io);
  return { code, err: err.join('\n') };
}

describe('a missing knowledge folder', () => {
  it('with nothing configured: the folder looked for, and how to make it or point elsewhere', async () => {
    const dir = folder();
    for (const args of [['ask', 'hello'], ['check']]) {
      const { code, err } = await run(dir, args);
      expect(code).toBe(1);
      expect(err.split('\n')).toEqual([
        `faqbot ${args[0]}: ${join(dir, 'knowledge')}: no knowledge folder here. With nothing configured, faqbot answers from the YAML files in knowledge/ of the folder it runs in (${dir}), and there is none. Either:`,
        '  create it with a first file: mkdir knowledge, then write knowledge/faq.yaml (see README "The knowledge format"), or turn a FAQ page into one: faqbot import PAGE.md --out knowledge/faq.yaml',
        '  or say where your knowledge is: knowledgeDir in faqbot.config.yaml, the FAQBOT_KNOWLEDGE variable, or --knowledge PATH',
      ]);
    }
  });

  it('named by a setting: that setting, and the file it is in', async () => {
    const dir = folder('knowledgeDir: docs/faq\n');
    expect((await run(dir, ['ask', 'hello'])).err).toBe(`faqbot ask: ${join(dir, 'docs/faq')}: no such file or folder, named by knowledgeDir in ${join(dir, 'faqbot.config.yaml')}; fix knowledgeDir to name your knowledge folder or file, or create it with a knowledge YAML file`);
    expect((await run(dir, ['ask', 'hello'], { FAQBOT_KNOWLEDGE: 'elsewhere' })).err).toMatch(/elsewhere: no such file or folder, named by FAQBOT_KNOWLEDGE; fix FAQBOT_KNOWLEDGE/);
    expect((await run(dir, ['check', '--knowledge', 'typo'])).err).toMatch(/typo: no such file or folder, named by --knowledge; fix --knowledge/);
    writeFileSync(join(dir, 'cases.yaml'), 'cases:\n  - q: hello\n    expect: none\n');
    expect((await run(dir, ['eval', '--cases', 'cases.yaml'])).err).toMatch(/docs\/faq: no such file or folder, named by knowledgeDir in /);
  });

  it('at start, a community\'s folder names its entry in communities:', async () => {
    const dir = folder('communities:\n  T0ABC: { knowledge: kb/abc }\n');
    writeFileSync(join(dir, 'faq.yaml'), 'entries:\n  - id: a\n    question: q?\n    answer: a\n');
    const error = await startBot({ out() {}, err() {}, stdin: new PassThrough(), cwd: dir, env: { FAQBOT_KNOWLEDGE: 'faq.yaml', FAQBOT_DB: join(dir, 'x.db') } }, { adapters: [], log: { info() {}, warn() {}, error() {} } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaqbotError);
    expect((error as Error).message).toBe(`${join(dir, 'kb/abc')}: no such file or folder, named by communities.T0ABC.knowledge in ${join(dir, 'faqbot.config.yaml')}; fix communities.T0ABC.knowledge to name your knowledge folder or file, or create it with a knowledge YAML file`);
  });
});

// `faqbot check` on the lint fixtures: exit codes, errors on stderr and warnings on stdout, and
// what --quick leaves out. The checks themselves are test/knowledge/lint.test.ts's.
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { splitLimits } from '../../bin/platforms.js';
import type { Io } from '../../cli/command.js';
import { checkCommand } from '../../cli/commands/check.js';
import { runCli } from '../../cli/run-cli.js';

const root = join(import.meta.dirname, '..', '..');
const fixture = (name: string) => join('test', 'fixtures', 'lint', name);

async function check(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: new PassThrough(), cwd: root, env: { FAQBOT_CONFIG: '' } };
  const code = await runCli(['check', ...args], [checkCommand(splitLimits)], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('faqbot check', () => {
  it('passes a clean base', async () => {
    const { code, out } = await check(fixture('clean'));
    expect(code).toBe(0);
    expect(out).toMatch(/^ok: 3 entries in 1 file/m);
  });

  it('fails on matcher errors (for CI), errors on stderr and warnings on stdout', async () => {
    const { code, out, err } = await check(fixture('confused'));
    expect(code).toBe(1);
    expect(err).toContain('faq.yaml:10:5: entry `cancel-subscription`');
    expect(err).toMatch(/\d+ errors?, \d+ warnings?$/);
    expect(out).toContain('warning: the matcher confuses');
    expect(out).toContain('will be split on Slack');
  });

  it('--quick skips the matcher checks but keeps the length notes', async () => {
    const { code, out } = await check(fixture('confused'), '--quick');
    expect(code).toBe(0);
    expect(out).not.toContain('confuses');
    expect(out).toContain('will be split on Discord');
  });

  it('fails on relative links and related ids that do not exist, with file:line:col', async () => {
    const { code, err } = await check(fixture('broken'));
    expect(code).toBe(1);
    expect(err).toMatch(/faq\.yaml:7:\d+: entry `export-data`: link `\/docs\/export` is not an absolute http\(s\) URL/);
    expect(err).toMatch(/faq\.yaml:8:\d+: entry `export-data`: related id `import-data` does not exist/);
  });
});

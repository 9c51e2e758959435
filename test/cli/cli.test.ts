// The faqbot command run as a user runs it: a real process, its output and exit code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'dist/bin/faqbot.js');

function faqbot(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string>; timeoutMs?: number } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...options.env },
    timeout: options.timeoutMs ?? 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
});

describe('faqbot CLI', () => {
  it('answers a question as JSON', () => {
    const r = faqbot(['ask', 'is almalinux fips certified?', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.decision).toBe('answer');
    expect(json.entry.id).toBe('fips');
    expect(json.candidates[0]).toMatchObject({ id: 'fips' });
  });

  it('prints the answer, its links and the source for a terminal, and candidates on --explain', () => {
    const r = faqbot(['ask', 'elevate', '--explain']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^How do I migrate from CentOS 7 to AlmaLinux 8\?\n=+\n/);
    expect(r.out).toContain('(https://wiki.almalinux.org/elevate/ELevate-quickstart-guide.html)');
    expect(r.out).not.toMatch(/\]\(https?:|^#/m);
    expect(r.out).toContain('Source: https://wiki.almalinux.org/FAQ.html');
    expect(r.out).toMatch(/decision: answer\n {2}1\. elevate {2}1\.000/);
  });

  it('says on --explain which words it read as others: a synonym, two words written as one, a near spelling', () => {
    const r = faqbot(['ask', 'is almalinux on the raspbery pi, or the mainframes, as a dockerimage?', '--explain']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('read "raspbery" as "raspberry" (spelling)');
    expect(r.out).toContain('read "dockerimage" as "docker", "image" (two words)');
    const j = JSON.parse(faqbot(['ask', 'pricing of almalinux', '--json']).out) as { readAs: unknown[] };
    expect(j.readAs).toEqual([{ word: 'pricing', as: ['paid'], because: 'synonym' }]);
  });

  it('helps on an empty query with what the bot knows', () => {
    const r = faqbot(['ask', '']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/AlmaLinux FAQ: I can answer 18 questions\./);
    expect(r.out).toMatch(/\/faq what-is-almalinux/);
  });

  it('says honestly when it has no answer, and does not answer a message that pings @everyone', () => {
    const none = faqbot(['ask', 'what is the capital of peru']);
    expect(none.out).toMatch(/don't have an answer/);
    const r = faqbot(['ask', '@everyone']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/do not answer messages that ping everyone/);
    expect(r.out).not.toContain('@everyone');
  });

  it('answers a 100 kB query', () => {
    const r = faqbot(['ask', '--json', 'how long is almalinux 9 supported '.repeat(3500)]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).candidates[0].id).toBe('support-lifecycle');
  });

  it('rejects an unknown flag with usage and exit 2, no stack trace', () => {
    const r = faqbot(['ask', 'fips', '--jsn']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/faqbot ask: unknown option '--jsn'/);
    expect(r.err).toMatch(/Usage: faqbot ask/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown command with a hint', () => {
    const r = faqbot(['evl']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "evl" \(did you mean "eval"\?\)/);
  });

  it('has --help everywhere', () => {
    for (const args of [
      ['--help'],
      ['ask', '--help'],
      ['eval', '--help'],
      ['check', '--help'],
      ['chat', '--help'],
      ['discord', 'register', '--help'],
      ['slack', 'manifest', '--help'],
    ]) {
      const r = faqbot(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toMatch(/Usage: faqbot/);
    }
  });

  // The whole check (leave-one-out included) takes about 12 s alone on two cores; beside the
  // rest of the suite it has taken over 30 s. A generous limit, not a speed assertion.
  it('checks the bundled knowledge base', () => {
    const r = faqbot(['check', 'knowledge'], { timeoutMs: 170_000 });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ok: 18 entries in 1 file/);
    expect(r.out).toMatch(/day one: about \d+% of questions asked in new words would be answered/);
  }, 180_000);

  it('fails check on a broken file with file:line:col and a fix, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-cli-'));
    writeFileSync(join(dir, 'broken.yaml'), 'entries:\n  - id: a\n    question: q\n    answer: [1, 2]\n');
    const r = faqbot(['check', dir], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.yaml:4:13: entry `a`: `answer` must be a non-empty text; `answer` takes one text, not a list/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('explains a missing default knowledge folder: where it looked, and both ways out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-cli-'));
    for (const args of [['ask', 'fips'], ['start']]) {
      const r = faqbot(args, { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.err).toContain(
        `faqbot ${args[0]}: ${join(dir, 'knowledge')}: no knowledge folder here. With nothing configured, faqbot answers from the YAML files in knowledge/ of the folder it runs in (${dir}), and there is none. Either:`,
      );
      expect(r.err).toContain('create it with a first file: mkdir knowledge, then write knowledge/faq.yaml');
      expect(r.err).toContain(
        'or say where your knowledge is: knowledgeDir in faqbot.config.yaml, the FAQBOT_KNOWLEDGE variable, or --knowledge PATH',
      );
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('runs a question set and prints every figure as JSON', () => {
    const r = faqbot(['eval', '--cases', 'eval/almalinux-dev.yaml', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(Object.keys(report).sort()).toEqual(
      [
        'abstain',
        'accuracy',
        'balanced',
        'cases',
        'failures',
        'falseAnswer',
        'inScope',
        'msPerQuery',
        'outOfScope',
        'rank1',
        'top1',
        'top3',
        'wrong',
      ].sort(),
    );
    for (const f of report.failures) expect(Object.keys(f).sort()).toEqual(['decision', 'expect', 'got', 'q', 'score']);
  });

  it('chats in a terminal until "exit"', () => {
    const r = faqbot(['chat'], { input: 'fips\nwhat is the capital of france\nexit\n' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Is AlmaLinux OS FIPS-140 compliant\?\?\n=+$/m);
    expect(r.out).toMatch(/don't have an answer/);
  });

  it('renders the console chat for a terminal: no Markdown, wrapped lines, related by title, the footer once', () => {
    const r = faqbot(['chat'], { input: 'elevate\nwhat is almalinux\nexit\n' });
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/^#|\]\(https?:|\*\*/m);
    expect(r.out).toContain('Quickstart Guide\n(https://wiki.almalinux.org/elevate/ELevate-quickstart-guide.html)');
    // Output that is not a terminal wraps at 80 columns, at word boundaries.
    for (const line of r.out.split('\n')) if (!/https?:\/\//.test(line)) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(r.out).toMatch(/Related:\n {2}- How do I migrate a single host from CentOS to AlmaLinux\?/);
    expect(r.out).not.toMatch(/Related: [a-z-]+(, |$)/m);
    // The trademark footer is shown once, at the start, not after every answer.
    expect(r.out.split('Linux® is the registered trademark of Linus Torvalds').length - 1).toBe(1);
    expect(r.out.indexOf('Linus Torvalds')).toBeLessThan(r.out.indexOf('ELevate'));
  });

  it('does not rate-limit the person at the console', () => {
    const r = faqbot(['chat'], { input: 'fips\n'.repeat(12) });
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/faster than the bot answers/);
    expect(r.out.match(/^Is AlmaLinux OS FIPS-140 compliant\?\?$/gm)).toHaveLength(12);
  });

  it('keeps console asks out of the insights of real traffic', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-cli-'));
    const db = join(dir, 'faqbot.db');
    const start = faqbot(['start', '--knowledge', join(root, 'knowledge')], {
      cwd: dir,
      input: 'fips\nwhat is the capital of france\n',
      env: { FAQBOT_DB: db },
    });
    expect(start.code).toBe(0);
    expect(start.out).toMatch(/FIPS-140/);
    const insights = faqbot(['insights', '--db', db, '--knowledge', join(root, 'knowledge'), '--json'], { cwd: dir });
    expect(insights.code).toBe(0);
    expect(JSON.parse(insights.out).totals).toMatchObject({ asks: 0, answered: 0, unanswered: 0 });
  });

  it('starts a console chat when no platform token is set', () => {
    const r = faqbot(['start'], { input: 'how long will alma 9 be supported\n' });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/No platform tokens are set/);
    expect(r.out).toMatch(/^How long will AlmaLinux be supported\?$/m);
  });

  it('prints the version from package.json for --version and -v', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const r = faqbot([flag]);
      expect(r.code, flag).toBe(0);
      expect(r.out.trim()).toBe(`faqbot ${version}`);
    }
  });

  it('names flag values in --help as the usage line does', () => {
    const r = faqbot(['eval', '--help']);
    expect(r.out).toMatch(/Usage: faqbot eval --cases FILE \[--knowledge PATH \| --community ID\]/);
    expect(r.out).toMatch(/--cases FILE /);
    expect(r.out).toMatch(/--knowledge PATH /);
    expect(r.out).toMatch(/--failures N /);
    expect(r.out).not.toMatch(/--(cases|knowledge|failures) VALUE/);
  });

  it('takes --knowledge on start and check, the commands that load knowledge', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-cli-'));
    const kb = join(root, 'knowledge');
    const check = faqbot(['check', '--quick', '--knowledge', kb], { cwd: dir });
    expect(check.err).not.toMatch(/unknown option/);
    expect(check.out).toMatch(/ok: 18 entries in 1 file/);
    expect(check.code).toBe(0);
    const start = faqbot(['start', '--knowledge', kb], { cwd: dir, input: 'fips\n' });
    expect(start.err).not.toMatch(/unknown option/);
    expect(start.code).toBe(0);
    expect(start.out).toMatch(/FIPS-140/);
    for (const command of ['start', 'check', 'ask', 'chat']) {
      expect(faqbot([command, '--help']).out, command).toMatch(/--knowledge PATH +a knowledge file or folder/);
    }
  });

  it('refuses a bad config file with the key and the fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-cli-'));
    writeFileSync(join(dir, 'faqbot.config.yaml'), 'policy:\n  targetting: moderators\n');
    const r = faqbot(['ask', 'fips', '--knowledge', join(root, 'knowledge')], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown setting "policy\.targetting"/);
  });
});

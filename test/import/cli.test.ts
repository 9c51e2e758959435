// `faqbot import` as a user runs it: a process, its exit code and what it prints.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'dist/bin/faqbot.js');
const seed = join(root, 'test/fixtures/import/almalinux-faq.md');

function faqbot(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

let dir: string;
beforeAll(() => {
  if (!existsSync(bin)) throw new Error('dist/bin/faqbot.js is missing: run `npm run build` first (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'faqbot-import-cli-'));
  copyFileSync(seed, join(dir, 'faq.md'));
  writeFileSync(join(dir, 'notes.md'), '# Notes\n\nNothing to ask here.\n');
});

describe('faqbot import', () => {
  it('prints the knowledge file to stdout and a summary to stderr', () => {
    const { code, out, err } = faqbot(['import', 'faq.md', '--base-url', 'https://wiki.almalinux.org/FAQ.html'], dir);
    expect(code).toBe(0);
    expect(out).toContain('  - id: report-bugs\n');
    expect(out).toContain('https://wiki.almalinux.org/documentation/errata.html');
    expect(err.trim().split('\n').at(-1)).toBe('import: 18 entries from faq.md');
    expect(err).toContain('import: ids shortened: 18\n  almalinux ← "What is AlmaLinux?"');
    expect(err).toContain('import: links rewritten (link style html): 9');
  });

  it('imports a page with relative links and no --base-url, keeping those links as their text and saying how to keep them', () => {
    const { code, out, err } = faqbot(['import', 'faq.md'], dir);
    expect(code).toBe(0);
    expect(out).toContain('  - id: report-bugs\n');
    expect(out).not.toMatch(/\]\((?!https?:)/);
    expect(out).not.toContain('errata.md');
    expect(err).toMatch(
      /import: warning: 9 relative links \(e\.g\. \/documentation\/errata\.md\) kept as their text, .* re-import with --base-url/,
    );
  });

  it('keeps the language, translations and role limits written by hand through a re-import', () => {
    const out = join(dir, 'translated.yaml');
    expect(faqbot(['import', 'faq.md', '--base-url', 'https://wiki.almalinux.org/FAQ.html', '--out', 'translated.yaml'], dir).code).toBe(0);
    const translation =
      '    translations:\n      de:\n        question: Wie melde ich Fehler?\n        answer: |-\n          Im Bugtracker.\n\n          Mit Schritten.\n        alternates: [Fehler melden]\n';
    writeFileSync(
      out,
      `language: en\n${readFileSync(out, 'utf8').replace('  - id: report-bugs\n', `  - id: report-bugs\n    restrictedTo: ["123456789012345678"]\n${translation}`)}`,
    );
    expect(faqbot(['check', 'translated.yaml'], dir).code).toBe(0);
    expect(faqbot(['import', 'faq.md', '--base-url', 'https://wiki.almalinux.org/FAQ.html', '--out', 'translated.yaml'], dir).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('language: en\n');
    expect(text).toContain('    restrictedTo: ["123456789012345678"]\n');
    expect(text).toContain(
      '      de:\n        question: Wie melde ich Fehler?\n        answer: |-\n          Im Bugtracker.\n\n          Mit Schritten.\n',
    );
    expect(faqbot(['check', 'translated.yaml'], dir).code).toBe(0);
  });

  it('writes --out, which then passes faqbot check, and updates it on the next import', () => {
    mkdirSync(join(dir, 'knowledge'), { recursive: true });
    const first = faqbot(['import', 'faq.md', '--base-url', 'https://wiki.almalinux.org/FAQ.html', '--out', 'knowledge/faq.yaml'], dir);
    expect(first.code).toBe(0);
    expect(first.out).toContain('wrote 18 entries to knowledge/faq.yaml');
    expect(faqbot(['check', 'knowledge'], dir).code).toBe(0);

    const file = join(dir, 'knowledge/faq.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: report-bugs\n', '  - id: bugs\n'));
    writeFileSync(
      join(dir, 'faq.md'),
      readFileSync(seed, 'utf8').replace(
        'bugs.almalinux.org](https://bugs.almalinux.org/)',
        'the bug tracker](https://bugs.almalinux.org/)',
      ),
    );
    const again = faqbot(['import', 'faq.md', '--base-url', 'https://wiki.almalinux.org/FAQ.html', '--out', 'knowledge/faq.yaml'], dir);
    expect(again.code).toBe(0);
    expect(again.out).toContain('18 entries (0 added, 1 changed, 0 removed, 17 unchanged)');
    expect(again.out).toContain('  changed  bugs: answer');
    expect(readFileSync(file, 'utf8')).toContain('  - id: bugs\n');
  });

  it('warns when the folder written to holds other knowledge files, such as the bundled sample', () => {
    mkdirSync(join(dir, 'mixed'), { recursive: true });
    writeFileSync(join(dir, 'mixed/sample.yaml'), 'entries: []\n');
    const run = faqbot(['import', 'faq.md', '--base-url', 'https://wiki.almalinux.org/FAQ.html', '--out', 'mixed/faq.yaml'], dir);
    expect(run.err).toContain('import: note: mixed/ also holds sample.yaml; the bot answers from every file in the folder');
  });

  it('takes --link-style over what the base URL suggests', () => {
    const { code, out, err } = faqbot(
      ['import', 'faq.md', '--base-url', 'https://wiki.almalinux.org/FAQ.html', '--link-style', 'directory'],
      dir,
    );
    expect(code).toBe(0);
    expect(out).toContain('(https://wiki.almalinux.org/documentation/errata/)');
    expect(err).toContain('import: links rewritten (link style directory): 9');
  });

  it.each([
    { name: 'no file', args: ['import'], code: 2, message: /missing the Markdown file to import/ },
    {
      name: 'a missing file',
      args: ['import', 'nope.md', '--base-url', 'https://example.org/'],
      code: 1,
      message: /nope\.md: no such file/,
    },
    {
      name: 'a bad base URL',
      args: ['import', 'faq.md', '--base-url', 'wiki.almalinux.org'],
      code: 2,
      message: /--base-url "wiki\.almalinux\.org" is not an absolute http\(s\) URL/,
    },
    { name: 'a page without questions', args: ['import', 'notes.md'], code: 1, message: /notes\.md: no questions found/ },
    { name: 'an unknown flag', args: ['import', 'faq.md', '--base', 'x'], code: 2, message: /unknown option '--base'/ },
    {
      name: 'an unknown link style',
      args: ['import', 'faq.md', '--base-url', 'https://example.org/', '--link-style', 'pretty'],
      code: 2,
      message: /--link-style "pretty" is not one of html, directory, clean, as-is/,
    },
    {
      name: 'a bad repository URL',
      args: ['import', 'faq.md', '--base-url', 'https://example.org/', '--repo-url', 'github.com/o/r'],
      code: 2,
      message: /--repo-url "github\.com\/o\/r" is not an absolute http\(s\) URL/,
    },
    {
      name: 'a bad site root',
      args: ['import', 'faq.md', '--base-url', 'https://example.org/', '--site-root', 'docs/en/'],
      code: 2,
      message: /--site-root "docs\/en\/" is not an absolute http\(s\) URL/,
    },
    {
      name: 'a site root without a base URL',
      args: ['import', 'faq.md', '--site-root', 'https://example.org/docs/'],
      code: 2,
      message: /--site-root needs --base-url too/,
    },
    {
      name: 'both --questions-only and --all-headings',
      args: ['import', 'faq.md', '--base-url', 'https://example.org/', '--questions-only', '--all-headings'],
      code: 2,
      message: /contradict each other/,
    },
    {
      name: '--out in a missing folder',
      args: ['import', 'faq.md', '--base-url', 'https://example.org/', '--out', 'no/such/dir/faq.yaml'],
      code: 1,
      message: /the folder no\/such\/dir does not exist/,
    },
  ])('fails with one clear line for $name', ({ args, code, message }) => {
    const run = faqbot(args, dir);
    expect(run.code).toBe(code);
    expect(run.err).toMatch(message);
    expect(run.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.out).toBe('');
  });
});

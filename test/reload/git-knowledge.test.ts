// Knowledge from a git repository: `knowledge: { git: URL, branch: NAME }` is cloned (shallow,
// with the git binary) into the cache, pulled periodically and hot-reloaded when the branch
// moves; a failed pull keeps the last good copy answering and is said once. Every repository
// here is a local bare one made in a temporary folder (file:// URLs): no network.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCommand } from '../../cli/commands/check.js';
import { runCli } from '../../cli/run-cli.js';
import { startBot, type Started } from '../../bin/start.js';
import { loadConfig } from '../../src/config.js';
import { FaqbotError } from '../../src/errors.js';
import { syncCheckout, updateCheckout } from '../../src/knowledge/git-checkout.js';
import { GitPuller } from '../../src/knowledge/git-pull.js';
import { checkoutFor, safeUrl } from '../../src/knowledge/git-source.js';
import type { Logger } from '../../src/log.js';
import type { Query } from '../../src/domain.js';
import { closedPort } from '../engines/engines.js';

const V1 = `title: Git FAQ
entries:
  - id: launch-boat
    question: How do I launch my boat?
    keywords: [launch, boat, slipway]
    answer: Use the slipway at the north dock.
`;

const DARK_MODE = `  - id: dark-mode
    question: How do I turn on dark mode?
    alternates: [switch to the dark theme]
    keywords: [dark mode, theme]
    answer: Settings, then Appearance, then Dark.
`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

/** A bare repository with one commit on `main` (faq/faq.yaml), and a working clone to push from. */
function repository(): { root: string; bare: string; url: string; push(file: string, text: string): string } {
  const root = mkdtempSync(join(tmpdir(), 'faqbot-git-'));
  const bare = join(root, 'remote.git');
  git(root, 'init', '--quiet', '--bare', bare);
  const work = join(root, 'work');
  git(root, 'init', '--quiet', work);
  const push = (file: string, text: string) => {
    mkdirSync(join(work, 'faq'), { recursive: true });
    writeFileSync(join(work, 'faq', file), text);
    git(work, 'add', '.');
    git(work, 'commit', '--quiet', '-m', `edit ${file}`);
    git(work, 'push', '--quiet', bare, 'HEAD:main');
    return git(work, 'rev-parse', 'HEAD');
  };
  push('faq.yaml', V1);
  return { root, bare, url: pathToFileURL(bare).href, push };
}

function captureLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
}

async function until(what: string, found: () => boolean | Promise<boolean>, lines: string[] = []): Promise<void> {
  for (let waited = 0; !(await found()); waited += 25) {
    if (waited > 20_000) throw new Error(`timed out waiting for ${what}; log:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the config', () => {
  const parse = (yaml: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-gitcfg-'));
    writeFileSync(join(dir, 'faqbot.config.yaml'), yaml);
    return () => loadConfig({}, dir);
  };

  it("takes a git repository, branch and folder as a community's knowledge", () => {
    const config = parse(
      'communities:\n  T0GIT: { knowledge: { git: https://github.com/org/faq.git, branch: main, path: faq } }\ngitKnowledge: { pullIntervalSeconds: 60 }\n',
    )();
    expect(config.settings.communities.T0GIT!.knowledge).toEqual({ git: 'https://github.com/org/faq.git', branch: 'main', path: 'faq' });
    expect(config.settings.gitKnowledge).toEqual({ cacheDir: 'data/git-knowledge', pullIntervalSeconds: 60 });
  });

  it('reports each wrong field with its line, and how to fix it', () => {
    let error: unknown;
    try {
      parse(
        [
          'communities:',
          '  T0A: { knowledge: { git: "--upload-pack=touch /tmp/x", branch: main } }',
          '  T0B: { knowledge: { git: https://example.org/faq.git, branch: "-x" } }',
          '  T0C: { knowledge: { git: https://example.org/faq.git, path: ../etc } }',
          '  T0D: { knowledge: { branch: main } }',
          '  T0E: { knowledge: { git: https://example.org/faq.git, brnach: main } }',
          'gitKnowledge: { pullIntervalSeconds: -1 }',
          '',
        ].join('\n'),
      )();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FaqbotError);
    const details = (error as FaqbotError).details.join('\n');
    expect(details).toMatch(/faqbot\.config\.yaml:2:\d+: "communities\.T0A\.knowledge\.git" must be a repository URL git can clone/);
    expect(details).toMatch(/:3:\d+: "communities\.T0B\.knowledge\.branch" must be a branch name, e\.g\. main, got "-x"/);
    expect(details).toMatch(/:4:\d+: "communities\.T0C\.knowledge\.path" must be a folder or file inside the repository/);
    expect(details).toMatch(/:5:\d+: "communities\.T0D\.knowledge" needs "git:", the repository to clone/);
    expect(details).toMatch(/:6:\d+: unknown setting "communities\.T0E\.knowledge\.brnach"; known settings here: git, branch, path/);
    expect(details).toMatch(/:7:\d+: "gitKnowledge\.pullIntervalSeconds" must be a whole number of at least 0, got -1/);
  });
});

describe('a clone in the cache', () => {
  it('is shallow, follows the branch, and says when nothing moved', async () => {
    const repo = repository();
    const checkout = checkoutFor(join(repo.root, 'cache'), { git: repo.url, branch: 'main' });
    const first = await syncCheckout(checkout);
    expect(first.changed).toBe(true);
    expect(git(checkout.dir, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(readFileSync(join(checkout.dir, 'faq', 'faq.yaml'), 'utf8')).toBe(V1);
    expect((await updateCheckout(checkout)).changed).toBe(false);
    const commit = repo.push('faq.yaml', V1 + DARK_MODE);
    expect(await updateCheckout(checkout)).toEqual({ commit, changed: true });
    expect(readFileSync(join(checkout.dir, 'faq', 'faq.yaml'), 'utf8')).toContain('dark-mode');
    // Two communities on one repository and branch share a clone; another branch has its own.
    expect(checkoutFor(join(repo.root, 'cache'), { git: repo.url, branch: 'main' }).dir).toBe(checkout.dir);
    expect(checkoutFor(join(repo.root, 'cache'), { git: repo.url, branch: 'next' }).dir).not.toBe(checkout.dir);
  });

  it('that cannot be made says which repository and branch, and leaves nothing half-made', async () => {
    const repo = repository();
    const checkout = checkoutFor(join(repo.root, 'cache'), { git: repo.url, branch: 'no-such-branch' });
    const error = await syncCheckout(checkout).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaqbotError);
    expect((error as Error).message).toMatch(
      new RegExp(`^could not clone the knowledge repository ${repo.url} \\(branch no-such-branch\\): .+; check the URL and the branch`),
    );
    expect(existsSync(checkout.dir)).toBe(false);
    expect(existsSync(`${checkout.dir}.partial`)).toBe(false);
  });

  it('never shows a password from the URL', async () => {
    expect(safeUrl('https://bot:s3cret-token@git.example.org/org/faq.git')).toBe('https://git.example.org/org/faq.git');
    const port = await closedPort();
    const checkout = checkoutFor(mkdtempSync(join(tmpdir(), 'faqbot-gitcache-')), {
      git: `http://bot:s3cret-token@127.0.0.1:${port}/faq.git`,
    });
    const error = await syncCheckout(checkout).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^could not clone the knowledge repository http:\/\/127\.0\.0\.1:\d+\/faq\.git \(default branch\)/,
    );
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('a pull that fails is said once, and once more when it works again', async () => {
    const repo = repository();
    const checkout = checkoutFor(join(repo.root, 'cache'), { git: repo.url, branch: 'main' });
    await syncCheckout(checkout);
    const log = captureLog();
    const moved: string[] = [];
    const puller = new GitPuller({ checkout, intervalMs: 0, log, onChange: (c) => moved.push(c) });
    renameSync(repo.bare, `${repo.bare}.away`);
    expect([await puller.pullNow(), await puller.pullNow(), await puller.pullNow()]).toEqual(['failed', 'failed', 'failed']);
    const said = log.lines.filter((l) => l.includes('could not pull the knowledge repository'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(
      /^warn knowledge: could not pull .*; still answering from the last good copy in .*, not pulled again until the next start \(said once until it works\)$/,
    );
    renameSync(`${repo.bare}.away`, repo.bare);
    const commit = repo.push('faq.yaml', V1 + DARK_MODE);
    expect(await puller.pullNow()).toBe('changed');
    expect(moved).toEqual([commit]);
    expect(log.lines.filter((l) => l.includes('works again'))).toHaveLength(1);
    expect(await puller.pullNow()).toBe('unchanged');
  });
});

describe('a community answered from a git repository', () => {
  const bots: Started[] = [];
  afterEach(async () => {
    while (bots.length) await bots.pop()!.stop();
  });

  async function start(repo: ReturnType<typeof repository>, interval = 1) {
    const cwd = join(repo.root, 'bot');
    mkdirSync(join(cwd, 'knowledge'), { recursive: true });
    writeFileSync(
      join(cwd, 'knowledge', 'faq.yaml'),
      'title: Default\nentries:\n  - id: hello\n    question: Who are you?\n    answer: A bot.\n',
    );
    writeFileSync(
      join(cwd, 'faqbot.config.yaml'),
      [
        'communities:',
        `  T0GIT: { name: Git Club, knowledge: { git: "${repo.url}", branch: main, path: faq } }`,
        `gitKnowledge: { pullIntervalSeconds: ${interval} }`,
        'insights: { enabled: false }',
        '',
      ].join('\n'),
    );
    const log = captureLog();
    const bot = await startBot({ out() {}, err() {}, stdin: process.stdin, cwd, env: {} }, { adapters: [], log });
    bots.push(bot);
    return { bot, log, cwd };
  }

  const ask = (bot: Started, text: string) =>
    bot.service.ask({
      text,
      platform: 'test',
      communityId: 'T0GIT',
      channelId: 'C1',
      asker: { id: `U${Math.random()}` },
      via: 'command',
    } satisfies Query);
  const answered = async (bot: Started, text: string) => {
    const r = await ask(bot, text);
    return r.kind === 'answer' ? r.entry.id : undefined;
  };

  it('is cloned at start, reloads each pushed change, and keeps the last good copy when a pull or a change fails', async () => {
    const repo = repository();
    const { bot, log, cwd } = await start(repo);
    expect(await answered(bot, 'how do I launch my boat')).toBe('launch-boat');
    expect(existsSync(join(cwd, 'data', 'git-knowledge'))).toBe(true);
    // Other communities keep their own knowledge.
    expect(bot.service.knowledgeFor(undefined).title).toBe('Default');

    repo.push('faq.yaml', V1 + DARK_MODE);
    await until('the pushed entry', async () => (await answered(bot, 'how do I turn on dark mode')) === 'dark-mode', log.lines);
    expect(log.lines.some((l) => /^info knowledge reloaded: 2 entries from .*faq$/.test(l))).toBe(true);

    // A broken push is refused: the last good knowledge keeps answering.
    repo.push('faq.yaml', 'title: Broken\nentries:\n  - id: x\n    question: [unclosed\n');
    await until('the refused change', () => log.lines.some((l) => l.includes('knowledge change not loaded')), log.lines);
    expect(await answered(bot, 'how do I turn on dark mode')).toBe('dark-mode');

    // The repository goes away: said once, still answering.
    renameSync(repo.bare, `${repo.bare}.away`);
    await until('the failed pull', () => log.lines.some((l) => l.includes('could not pull the knowledge repository')), log.lines);
    expect(await answered(bot, 'how do I launch my boat')).toBe('launch-boat');
    renameSync(`${repo.bare}.away`, repo.bare);
    repo.push('faq.yaml', V1 + DARK_MODE.replace('dark-mode', 'night-mode').replace('dark theme', 'night theme'));
    await until('the repository back', async () => (await answered(bot, 'switch to the night theme')) === 'night-mode', log.lines);
    expect(log.lines.filter((l) => l.includes('could not pull the knowledge repository'))).toHaveLength(1);
  });

  it('starts from the copy kept by an earlier start when the repository cannot be reached, and says so', async () => {
    const repo = repository();
    await (await start(repo, 0)).bot.stop();
    bots.pop();
    renameSync(repo.bare, `${repo.bare}.away`);
    const { bot, log } = await start(repo, 0);
    expect(await answered(bot, 'how do I launch my boat')).toBe('launch-boat');
    expect(
      log.lines.some((l) =>
        /^warn knowledge: could not pull the knowledge repository .*; answering from the copy of commit [0-9a-f]{12} kept in /.test(l),
      ),
    ).toBe(true);
  });

  it("`faqbot check --community ID` checks the repository's knowledge, cloning it first", async () => {
    const repo = repository();
    const cwd = join(repo.root, 'cli');
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'faqbot.config.yaml'), `communities:\n  T0GIT: { knowledge: { git: "${repo.url}", path: faq } }\n`);
    repo.push('faq.yaml', 'title: Git FAQ\nentries:\n  - id: Not Kebab\n    question: q\n    answer: a\n');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['check', '--community', 'T0GIT'], [checkCommand([])], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      stdin: new PassThrough(),
      cwd,
      env: {},
    });
    expect(code).toBe(1);
    expect([...out, ...err].join('\n')).toMatch(/git-knowledge\/remote-[0-9a-f]{12}\/faq\/faq\.yaml:3:\d+: .*Not Kebab/);
  });

  it('with no copy and a repository that cannot be cloned, start-up stops saying why', async () => {
    const repo = repository();
    renameSync(repo.bare, `${repo.bare}.away`);
    await expect(start(repo)).rejects.toThrow(
      /could not clone the knowledge repository file:\/\/.*remote\.git \(branch main\): .+; check the URL and the branch/,
    );
  });
});

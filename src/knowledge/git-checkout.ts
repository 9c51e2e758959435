// Knowledge kept in a git repository: a shallow clone of one branch in the cache folder,
// brought up to date by fetching that branch and moving to it. The `git` binary does the work
// (it knows the user's credentials, SSH keys and proxies); it never prompts, and never runs
// long. Messages name the repository without any user or password in its URL.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FaqbotError } from '../errors.js';
import { describeCheckout, type GitCheckout } from './git-source.js';

/** A clone or fetch that takes longer than this has hung (a host that accepts and never answers). */
const GIT_TIMEOUT_MS = 120_000;

export type GitRunner = (args: readonly string[], cwd?: string) => Promise<string>;

/** Runs git without a terminal prompt; rejects with git's own last words, credentials taken out. */
export const runGit: GitRunner = (args, cwd) => new Promise((resolve, reject) => {
  execFile('git', [...args], {
    ...(cwd ? { cwd } : {}), timeout: GIT_TIMEOUT_MS, maxBuffer: 1 << 20,
    // The process's own environment passed through (HOME, PATH, an SSH agent), but a missing
    // credential fails at once instead of waiting for someone to type it.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  }, (error, stdout, stderr) => {
    if (!error) return resolve(stdout.trim());
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return reject(new Error('the git program is not installed (or not on PATH); install git'));
    if ((error as { killed?: boolean }).killed) return reject(new Error(`git did not finish within ${GIT_TIMEOUT_MS / 1000} s`));
    const said = String(stderr).split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('hint:'));
    reject(new Error(scrub(said.slice(-2).join(' ') || error.message)));
  });
});

/** Any URL git quoted, without its credentials. */
function scrub(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1');
}

export interface CheckoutResult {
  /** The commit the folder now holds. */
  readonly commit: string;
  /** Whether the folder changed (a new clone, or a new commit fetched). */
  readonly changed: boolean;
}

/**
 * Makes sure the clone exists and is up to date: clones it when missing (into a temporary
 * folder first, so a failed clone leaves nothing half-made), else fetches. Throws FaqbotError
 * saying what failed and what to check.
 */
export async function syncCheckout(c: GitCheckout, git: GitRunner = runGit): Promise<CheckoutResult> {
  if (existsSync(join(c.dir, '.git'))) return updateCheckout(c, git);
  const partial = `${c.dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(dirname(c.dir), { recursive: true });
  try {
    await git(['clone', '--quiet', '--depth', '1', '--single-branch', '--no-tags', ...(c.branch ? ['--branch', c.branch] : []), '--', c.url, partial]);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw new FaqbotError('knowledge', `could not clone the knowledge repository ${describeCheckout(c)}: ${(error as Error).message}; check the URL and the branch, and that this machine's git can reach it (credentials, SSH key, network)`);
  }
  rmSync(c.dir, { recursive: true, force: true });
  renameSync(partial, c.dir);
  return { commit: await git(['rev-parse', 'HEAD'], c.dir), changed: true };
}

/** Fetches the branch and moves the clone to it; `changed` false when it was already there. */
export async function updateCheckout(c: GitCheckout, git: GitRunner = runGit): Promise<CheckoutResult> {
  try {
    await git(['fetch', '--quiet', '--depth', '1', '--no-tags', 'origin', c.branch ?? 'HEAD'], c.dir);
    const [head, fetched] = [await git(['rev-parse', 'HEAD'], c.dir), await git(['rev-parse', 'FETCH_HEAD'], c.dir)];
    if (head === fetched) return { commit: head, changed: false };
    // Files are replaced one by one: the reload that follows reads them once git is done.
    await git(['reset', '--quiet', '--hard', fetched], c.dir);
    return { commit: fetched, changed: true };
  } catch (error) {
    throw new FaqbotError('knowledge', `could not pull the knowledge repository ${describeCheckout(c)}: ${(error as Error).message}`);
  }
}

/** The commit a clone holds, or undefined when there is no usable clone. */
export async function currentCommit(c: GitCheckout, git: GitRunner = runGit): Promise<string | undefined> {
  if (!existsSync(join(c.dir, '.git'))) return undefined;
  try {
    return await git(['rev-parse', 'HEAD'], c.dir);
  } catch {
    return undefined;
  }
}

/**
 * At start: clones or updates each clone. A repository that cannot be reached while a clone
 * from an earlier start is kept answers from that copy (said in the log); with no copy at all,
 * start-up stops saying why.
 */
export async function prepareCheckout(c: GitCheckout, log: { info(m: string): void; warn(m: string): void }, git: GitRunner = runGit): Promise<void> {
  try {
    const { commit, changed } = await syncCheckout(c, git);
    log.info(`knowledge: ${describeCheckout(c)} at commit ${commit.slice(0, 12)}${changed ? '' : ' (unchanged)'}, in ${c.dir}`);
  } catch (error) {
    const kept = await currentCommit(c, git);
    if (kept === undefined) throw error;
    log.warn(`knowledge: ${(error as Error).message}; answering from the copy of commit ${kept.slice(0, 12)} kept in ${c.dir} until a pull works`);
  }
}

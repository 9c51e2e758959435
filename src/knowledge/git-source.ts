// Where a git knowledge source lives on disk and how messages name it: pure, so the community
// plans can say where each community's knowledge is before anything is cloned.
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import type { GitKnowledge } from './git-settings.js';

/** One repository and branch, and the folder its clone lives in. */
export interface GitCheckout {
  readonly url: string;
  readonly branch?: string;
  readonly dir: string;
}

/**
 * The clone's folder under the cache: readable (the repository's name) and unique to the URL
 * and branch, so two communities on one repository and branch share one clone. Pure.
 */
export function checkoutFor(cacheDir: string, source: Pick<GitKnowledge, 'git' | 'branch'>): GitCheckout {
  const name = basename(source.git.replace(/[/\\]+$/, '').replace(/\.git$/, '')).replace(/^.*:/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'repo';
  const hash = createHash('sha256').update(`${source.git}\n${source.branch ?? ''}`).digest('hex').slice(0, 12);
  return { url: source.git, ...(source.branch ? { branch: source.branch } : {}), dir: join(cacheDir, `${name}-${hash}`) };
}

/** The URL as logs may show it: without a user or password (https://token@host/… keeps the token out). */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url; // user@host:path (scp-like) names a user, never a password
  }
}

/** "URL (branch main)", for messages. */
export function describeCheckout(c: Pick<GitCheckout, 'url' | 'branch'>): string {
  return `${safeUrl(c.url)} (${c.branch ? `branch ${c.branch}` : 'default branch'})`;
}

// Knowledge from git repositories: what a community's `knowledge: { git: ... }` names, how
// the clones are kept (`gitKnowledge:` in the config), and how the file's form of it is read.
import { isScalar, type Node, type YAMLMap } from 'yaml';
import type { Where } from '../settings/check.js';
import { wholeNumber, type SettingRules } from '../settings/rules.js';

/**
 * Knowledge kept in a git repository: cloned (shallow) into `gitKnowledge.cacheDir` at start
 * and pulled every `gitKnowledge.pullIntervalSeconds`, each change hot-reloaded.
 */
export interface GitKnowledge {
  /** What `git clone` takes: https://, ssh://, git://, file:// or user@host:path. */
  git: string;
  /** Absent: the repository's default branch. */
  branch?: string;
  /** The knowledge folder or file inside the repository; absent: its root. */
  path?: string;
}

/** How knowledge from git repositories is kept. */
export interface GitKnowledgeSettings {
  /** Where the clones live; relative paths are resolved from the working directory. */
  cacheDir: string;
  /** How often each repository is pulled; 0 pulls only at start. */
  pullIntervalSeconds: number;
}

export const DEFAULT_GIT_KNOWLEDGE_SETTINGS: GitKnowledgeSettings = {
  cacheDir: 'data/git-knowledge',
  pullIntervalSeconds: 300,
};

export const GIT_KNOWLEDGE_RULES: SettingRules<GitKnowledgeSettings> = {
  pullIntervalSeconds: wholeNumber(0),
};

const GIT_KEYS = ['git', 'branch', 'path'] as const;
/** What `git clone` takes, and nothing that could read as one of its options. */
const GIT_URL = /^(?:(?:https?|ssh|git|file):\/\/\S+|[\w.-]+@[\w.-]+:\S+)$/;
/** A branch name git accepts that cannot be taken for an option (no leading "-", no ".."). */
const GIT_BRANCH = /^(?!-)(?!.*\.\.)[\w./-]+$/;

/** `knowledge: { git: URL, branch: NAME, path: FOLDER }`: each field checked, all problems reported. */
export function readGitKnowledge(map: YAMLMap, name: string, where: Where, problems: string[]): GitKnowledge | undefined {
  const before = problems.length;
  const out: Partial<GitKnowledge> = {};
  for (const item of map.items) {
    const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
    const node = item.value as Node | null;
    const v: unknown = isScalar(node) ? node.value : undefined;
    const at = where(node ?? (item.key as Node));
    const text = typeof v === 'string' ? v.trim() : undefined;
    if (!(GIT_KEYS as readonly string[]).includes(key)) {
      problems.push(`${where(item.key as Node)}: unknown setting "${name}.${key}"; known settings here: ${GIT_KEYS.join(', ')}`);
    } else if (key === 'git') {
      if (text === undefined || !GIT_URL.test(text))
        problems.push(
          `${at}: "${name}.git" must be a repository URL git can clone (https://, ssh://, git://, file:// or user@host:path), got ${JSON.stringify(v ?? null)}`,
        );
      else out.git = text;
    } else if (key === 'branch') {
      if (text === undefined || !GIT_BRANCH.test(text))
        problems.push(`${at}: "${name}.branch" must be a branch name, e.g. main, got ${JSON.stringify(v ?? null)}`);
      else out.branch = text;
    } else if (text === undefined || text === '' || text.startsWith('/') || text.split(/[\\/]/).includes('..')) {
      problems.push(
        `${at}: "${name}.path" must be a folder or file inside the repository, relative to its root (e.g. faq), got ${JSON.stringify(v ?? null)}`,
      );
    } else {
      out.path = text;
    }
  }
  if (out.git === undefined && problems.length === before)
    problems.push(
      `${where(map)}: "${name}" needs "git:", the repository to clone, e.g. { git: https://github.com/org/faq.git, branch: main }`,
    );
  return problems.length === before ? (out as GitKnowledge) : undefined;
}

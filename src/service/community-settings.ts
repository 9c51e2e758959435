// Several communities (`communities:` in the config): each one's knowledge and what it changes
// of the top-level policy and matcher, and how the file's `communities:` is read.
import { isMap, isScalar, type Node } from 'yaml';
import { readGitKnowledge, type GitKnowledge } from '../knowledge/git-settings.js';
import type { Language } from '../language/languages.js';
import { DEFAULT_MATCHER_SETTINGS, MATCHER_RULES, type MatcherSettings } from '../match/settings.js';
import { checkMap, languageProblem, type Where } from '../settings/check.js';
import { DEFAULT_POLICY_SETTINGS, POLICY_RULES, type PolicySettings } from './policy-settings.js';

/** A knowledge folder or file (relative to the working directory), or a git repository. */
export type KnowledgeSource = string | GitKnowledge;

/**
 * One community's settings (`communities:` in the config): its knowledge and what it
 * changes of the top-level `policy` and `matcher`. Everything else is shared by the deployment.
 */
export interface CommunitySettings {
  /** Shown to moderators by `/faq-stats`; the config key when absent. */
  name?: string;
  /** The knowledge folder or file (relative paths from the working directory), or a git repository. */
  knowledge: KnowledgeSource;
  /** As a channel's `language`, for every channel of the community that sets none. */
  language?: Language;
  policy?: Partial<PolicySettings>;
  matcher?: Partial<MatcherSettings>;
}

/**
 * `communities:`, keyed by Discord guild id or Slack team/enterprise id; `default` applies to
 * every community not listed (the top-level `knowledgeDir`, `policy` and `matcher` when absent).
 */
export type CommunitiesSettings = Readonly<Record<string, CommunitySettings>>;

/** The key of the community every unlisted guild or workspace falls under. */
export const DEFAULT_COMMUNITY = 'default';

/** Discord guild ids are digits; Slack team ids start with T, enterprise ids with E. */
const COMMUNITY_ID = /^(?:\d{15,21}|[TE][A-Z0-9]{2,})$/;
const COMMUNITY_KEYS = ['name', 'knowledge', 'policy', 'matcher', 'language'] as const;

/** What a community may change of the top-level sections, each checked as the top-level one is. */
const OVERRIDES = {
  policy: { defaults: DEFAULT_POLICY_SETTINGS, rules: POLICY_RULES },
  matcher: { defaults: DEFAULT_MATCHER_SETTINGS, rules: MATCHER_RULES },
} as const;

/**
 * `communities:` is keyed by guild and workspace ids; keys are read as written (an unquoted
 * Discord id is beyond 2^53). Each entry's `policy` and `matcher` are checked as the top-level ones.
 */
export function readCommunities(node: Node, where: Where, problems: string[]): CommunitiesSettings | undefined {
  if (!isMap(node)) {
    problems.push(
      `${where(node)}: "communities" must be a mapping of Discord guild ids or Slack team ids (or "default") to settings, e.g. \`"123456789012345678": { knowledge: knowledge/project-a }\``,
    );
    return undefined;
  }
  const out: Record<string, CommunitySettings> = {};
  for (const pair of node.items) {
    const keyNode = isScalar(pair.key) ? pair.key : undefined;
    const id = keyNode ? String(keyNode.source ?? keyNode.value).trim() : '';
    if (id !== DEFAULT_COMMUNITY && !COMMUNITY_ID.test(id)) {
      problems.push(
        `${where(keyNode)}: "communities.${id}" is not a community id; use "default", a Discord server id (digits, e.g. "123456789012345678") or a Slack team or enterprise id (T0123ABC, E0123ABC)`,
      );
      continue;
    }
    if (id in out) {
      problems.push(`${where(keyNode)}: "communities.${id}" is listed twice; keep one`);
      continue;
    }
    const value = pair.value as Node | null;
    if (!isMap(value)) {
      problems.push(
        `${where(value ?? keyNode)}: "communities.${id}" must be a mapping, e.g. \`{ knowledge: knowledge/${id === DEFAULT_COMMUNITY ? 'shared' : 'project-a'} }\``,
      );
      continue;
    }
    const before = problems.length;
    const community: Partial<CommunitySettings> = {};
    for (const item of value.items) {
      const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
      const itemValue = item.value as Node | null;
      const at = where(itemValue ?? (item.key as Node));
      const name = `communities.${id}.${key}`;
      if (!(COMMUNITY_KEYS as readonly string[]).includes(key)) {
        problems.push(`${where(item.key as Node)}: unknown setting "${name}"; known settings here: ${COMMUNITY_KEYS.join(', ')}`);
      } else if (key === 'policy' || key === 'matcher') {
        if (!isMap(itemValue)) {
          problems.push(`${at}: "${name}" must be a mapping of ${key} settings (indent them under "${key}:")`);
          continue;
        }
        // The same names, types and limits as the top-level section, reported under this community's name.
        const local: string[] = [];
        checkMap(itemValue, OVERRIDES[key].defaults, OVERRIDES[key].rules, `${key}.`, where, local);
        problems.push(...local.map((p) => p.replace(`"${key}.`, `"communities.${id}.${key}.`)));
        community[key] = itemValue.toJSON() as never;
      } else if (key === 'language') {
        const v: unknown = isScalar(itemValue) ? itemValue.value : undefined;
        const problem = languageProblem(name, v);
        if (problem) problems.push(`${at}: ${problem}`);
        else community.language = v as Language;
      } else if (key === 'knowledge' && isMap(itemValue)) {
        const git = readGitKnowledge(itemValue, name, where, problems);
        if (git) community.knowledge = git;
      } else {
        const v: unknown = isScalar(itemValue) ? itemValue.value : undefined;
        if (typeof v !== 'string' || v.trim() === '')
          problems.push(
            `${at}: "${name}" must be text${key === 'knowledge' ? ' (a knowledge folder or file, e.g. knowledge/project-a, or a git repository: { git: https://…, branch: main })' : ''}, got ${JSON.stringify(v ?? null)}`,
          );
        else community[key as 'name' | 'knowledge'] = v.trim();
      }
    }
    if (community.knowledge === undefined && problems.length === before) {
      problems.push(
        `${where(keyNode)}: "communities.${id}" needs "knowledge:", the folder its answers come from (e.g. knowledge/project-a)`,
      );
    }
    if (problems.length === before) out[id] = community as CommunitySettings;
  }
  return out;
}

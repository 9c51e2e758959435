// Configuration is read and validated once, at start-up: secrets from the environment,
// behaviour from one YAML file merged over named defaults. Nothing else reads process.env.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { FaqbotError } from './errors.js';
import { nonEmpty, type Env } from './env.js';
import { readOps, type OpsSettings } from './ops/settings.js';
import { readSecrets, type Secrets } from './secrets.js';
import { offendingText, yamlErrorAt } from './yaml-error.js';
import { isLanguage, LANGUAGES, type Language } from './language/languages.js';
import { isRecord, mergeSettings } from './settings/merge.js';

export type Targeting = 'everyone' | 'moderators';

export interface PolicySettings {
  /** Who may aim an answer at another member. */
  targeting: Targeting;
  /** The same entry posted publicly in the same conversation (a channel, or one Slack thread) is held back this long. */
  channelCooldownSeconds: number;
  /** The same entry aimed at the same member is held back this long. */
  targetCooldownSeconds: number;
  /** At most `rateLimitCount` asks per member in `rateLimitWindowSeconds`. */
  rateLimitCount: number;
  rateLimitWindowSeconds: number;
  /** Whether a mention of the bot is answered in public (true) or only to the asker. */
  mentionRepliesPublic: boolean;
}

export interface MatcherSettings {
  /** How many suggestions a `suggest` or `none` reply offers at most. */
  maxSuggestions: number;
  /**
   * Shifts how readily the matcher answers: positive answers more often, negative abstains
   * more often. 0 is the calibrated default.
   */
  confidenceBias: number;
  /** Queries are cut to this many characters before matching. */
  maxQueryChars: number;
  /** The meaning signal fused with the words: `static` (the bundled word-vector table) or `off`. */
  semantic: 'static' | 'off';
  /**
   * Help forums and help channels answer posts nobody addressed to the bot only from this
   * quantile of the base's calibration scores (the answer bar is the 0.1 quantile).
   */
  helpQuantile: number;
}

export interface InsightsSettings {
  enabled: boolean;
  /** SQLite file; relative paths are resolved from the working directory. */
  path: string;
  retentionDays: number;
  /** Store the query text (false keeps only a redacted form). */
  storeQueryText: boolean;
}

/** How the bot treats a mention in a channel: answer for everyone, answer the asker alone, or stay silent. */
export type MentionMode = 'public' | 'private' | 'ignore';
/** Whether `/faq` may be used in a channel. */
export type SlashMode = 'allow' | 'deny';

export interface ChannelRule {
  mention: MentionMode;
  slash: SlashMode;
  /**
   * A help forum (Discord) or help channel (Slack): each new post is answered in its thread
   * when the matcher is confident beyond the stricter bar (matcher.helpQuantile).
   */
  help: boolean;
  /**
   * The language of replies to messages the platform gives no locale for (Discord mentions
   * and help posts), and to members whose own language the knowledge does not speak.
   */
  language?: Language;
}

/**
 * "Where the bot speaks": `default` for every channel not listed, and rules by id (Discord
 * channel, thread or category ids; Slack channel ids). Each rule names only what it changes.
 */
export type ChannelSettings = Readonly<Record<string, Partial<ChannelRule>>>;

export const MENTION_MODES: readonly MentionMode[] = ['public', 'private', 'ignore'];
export const SLASH_MODES: readonly SlashMode[] = ['allow', 'deny'];

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

/** A knowledge folder or file (relative to the working directory), or a git repository. */
export type KnowledgeSource = string | GitKnowledge;

/** How knowledge from git repositories is kept. */
export interface GitKnowledgeSettings {
  /** Where the clones live; relative paths are resolved from the working directory. */
  cacheDir: string;
  /** How often each repository is pulled; 0 pulls only at start. */
  pullIntervalSeconds: number;
}

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

/** "Ask a human": who is pinged, and how often one member or one channel may do it. */
export interface HandoffSettings {
  /** The Discord role helpers hold (a role id, quoted); '' leaves the button off on Discord. */
  discordRole: string;
  /** The Slack user group of helpers (its S… id); '' leaves the button off on Slack. */
  slackGroup: string;
  /** One hand-off per member per this many seconds. */
  memberCooldownSeconds: number;
  /** One hand-off per channel (or thread) per this many seconds. */
  channelCooldownSeconds: number;
}

export interface Settings {
  knowledgeDir: string;
  /** Per-community knowledge and overrides; empty: one knowledge base for every community. */
  communities: CommunitiesSettings;
  /** Per-channel rules; without a `default.mention`, `policy.mentionRepliesPublic` decides. */
  channels: ChannelSettings;
  policy: PolicySettings;
  matcher: MatcherSettings;
  insights: InsightsSettings;
  handoff: HandoffSettings;
  /** Watch the knowledge folder and reload valid changes while running. */
  watchKnowledge: boolean;
  /** Knowledge from git repositories (`knowledge: { git: URL }` in `communities:`). */
  gitKnowledge: GitKnowledgeSettings;
}

/**
 * Who named a knowledge path, so a missing one is explained with the setting to fix:
 * `default` when nothing did (knowledgeDir's default, ./knowledge).
 */
export type KnowledgeOrigin = { readonly kind: 'default' } | { readonly kind: 'setting'; readonly name: string; readonly file?: string };

export interface Config {
  settings: Settings;
  secrets: Secrets;
  ops: OpsSettings;
  /** The config file that was read, if any. */
  configFile?: string;
  /** Where `settings.knowledgeDir` came from. */
  knowledgeDirFrom: KnowledgeOrigin;
}

export const defaultSettings: Settings = {
  knowledgeDir: 'knowledge',
  communities: {},
  channels: {},
  policy: {
    targeting: 'everyone',
    channelCooldownSeconds: 60,
    targetCooldownSeconds: 600,
    rateLimitCount: 8,
    rateLimitWindowSeconds: 60,
    mentionRepliesPublic: true,
  },
  matcher: {
    maxSuggestions: 3,
    confidenceBias: 0,
    maxQueryChars: 2000,
    semantic: 'static',
    helpQuantile: 0.5,
  },
  insights: {
    enabled: true,
    path: 'data/faqbot.db',
    retentionDays: 90,
    storeQueryText: true,
  },
  handoff: {
    discordRole: '',
    slackGroup: '',
    memberCooldownSeconds: 3600,
    channelCooldownSeconds: 300,
  },
  watchKnowledge: true,
  gitKnowledge: {
    cacheDir: 'data/git-knowledge',
    pullIntervalSeconds: 300,
  },
};

export const DEFAULT_CONFIG_FILE = 'faqbot.config.yaml';

/**
 * Reads the config file (FAQBOT_CONFIG, or ./faqbot.config.yaml when present) and the secrets
 * from `env`. Throws FaqbotError('config') naming the file, the key and the fix.
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const explicit = nonEmpty(env.FAQBOT_CONFIG);
  const path = resolve(cwd, explicit ?? DEFAULT_CONFIG_FILE);
  let settings = structuredClone(defaultSettings);
  let configFile: string | undefined;
  let knowledgeDirFrom: KnowledgeOrigin = { kind: 'default' };
  if (existsSync(path)) {
    configFile = path;
    const read = parseConfigText(readFileSync(path, 'utf8'), path);
    if (read.knowledgeDir !== undefined) knowledgeDirFrom = { kind: 'setting', name: 'knowledgeDir', file: path };
    settings = mergeSettings(settings, read);
  } else if (explicit) {
    throw new FaqbotError('config', `${path}: config file not found; fix FAQBOT_CONFIG or create the file`);
  }
  const knowledgeOverride = nonEmpty(env.FAQBOT_KNOWLEDGE);
  if (knowledgeOverride) {
    settings.knowledgeDir = knowledgeOverride;
    knowledgeDirFrom = { kind: 'setting', name: 'FAQBOT_KNOWLEDGE' };
  }
  const dbOverride = nonEmpty(env.FAQBOT_DB);
  if (dbOverride) settings.insights.path = dbOverride;
  return { settings, secrets: readSecrets(env), ops: readOps(env), knowledgeDirFrom, ...(configFile ? { configFile } : {}) };
}

/** Limits on the numeric settings beyond their type; one place, used by the check below. */
interface NumberRule {
  readonly integer: boolean;
  readonly min: number;
  readonly max?: number;
}

const numberRules: Readonly<Record<string, NumberRule>> = {
  'policy.channelCooldownSeconds': { integer: true, min: 0 },
  'policy.targetCooldownSeconds': { integer: true, min: 0 },
  'policy.rateLimitCount': { integer: true, min: 1 },
  'policy.rateLimitWindowSeconds': { integer: true, min: 1 },
  // Discord and Slack show suggestions as buttons; more than 10 no longer fit one reply.
  'matcher.maxSuggestions': { integer: true, min: 1, max: 10 },
  // The bias moves the answer threshold by 0.1 per unit on scores in [0, 1]: beyond ±5 it
  // means "always" or "never" answer.
  'matcher.confidenceBias': { integer: false, min: -5, max: 5 },
  'matcher.maxQueryChars': { integer: true, min: 1 },
  'matcher.helpQuantile': { integer: false, min: 0.1, max: 0.95 },
  'insights.retentionDays': { integer: true, min: 1 },
  'handoff.memberCooldownSeconds': { integer: true, min: 0 },
  'handoff.channelCooldownSeconds': { integer: true, min: 0 },
  'gitKnowledge.pullIntervalSeconds': { integer: true, min: 0 },
};

/** Ids that must look like ids, with the fix; '' turns the feature off. */
const idPatterns: Readonly<Record<string, { readonly pattern: RegExp; readonly hint: string }>> = {
  'handoff.discordRole': {
    pattern: /^(\d{5,25})?$/,
    hint: 'a Discord role id in quotes (Developer Mode → right-click the role → Copy Role ID), e.g. "123456789012345678"',
  },
  'handoff.slackGroup': {
    pattern: /^(S[A-Z0-9]{2,})?$/,
    hint: "a Slack user group id, e.g. S0123ABCD (the group's page: ⋯ → Copy group ID)",
  },
};

const allowedText: Readonly<Record<string, readonly string[]>> = {
  'policy.targeting': ['everyone', 'moderators'],
  'matcher.semantic': ['static', 'off'],
};

/**
 * Parses and checks a config file's text against the shape of `Settings`. Every problem is
 * reported at once, each as `file:line:col: what; how to fix`, in the error's details.
 */
export function parseConfigText(text: string, file: string): Partial<Settings> {
  const lines = new LineCounter();
  // Keys are compared as written: unquoted Discord ids beyond 2^53 read as equal numbers, and
  // two servers' ids would otherwise be "duplicate keys".
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: (a, b) => keyText(a) === keyText(b) });
  if (doc.errors.length > 0) {
    const at = yamlErrorAt(doc.errors[0]!);
    throw new FaqbotError('config', `${file}:${at.line}:${at.col}: ${at.message} ${offendingText(text, at.line)}; fix the YAML syntax`);
  }
  if (doc.contents === null) return {};
  const problems: string[] = [];
  const where = (node: { range?: readonly number[] | null } | null | undefined): string => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    return `${file}:${pos.line}:${pos.col}`;
  };
  if (!isMap(doc.contents)) {
    throw new FaqbotError('config', `${where(doc.contents)}: the config must be a mapping of settings (key: value)`);
  }
  // `channels` and `communities` are keyed by ids, not by known names: checked apart.
  const { channels: _channels, communities: _communities, ...shaped } = defaultSettings;
  const channelsNode = doc.contents.get('channels', true) as Node | undefined;
  const channels = channelsNode === undefined ? undefined : readChannels(channelsNode, where, problems);
  const communitiesNode = doc.contents.get('communities', true) as Node | undefined;
  const communities = communitiesNode === undefined ? undefined : readCommunities(communitiesNode, where, problems);
  checkMap(
    withoutKey(withoutKey(doc.contents, 'channels'), 'communities'),
    shaped as unknown as Record<string, unknown>,
    '',
    where,
    problems,
  );
  if (problems.length === 1) throw new FaqbotError('config', problems[0]!);
  if (problems.length > 1) {
    throw new FaqbotError('config', `${file}: ${problems.length} problems in the config`, problems);
  }
  const { communities: _c, channels: _ch, ...settings } = doc.toJS() as Partial<Settings>;
  return { ...settings, ...(channels ? { channels } : {}), ...(communities ? { communities } : {}) };
}

/** Discord guild ids are digits; Slack team ids start with T, enterprise ids with E. */
const COMMUNITY_ID = /^(?:\d{15,21}|[TE][A-Z0-9]{2,})$/;
const COMMUNITY_KEYS = ['name', 'knowledge', 'policy', 'matcher', 'language'] as const;

/** What is wrong with a configured `language`, or undefined when faqbot speaks it. */
function languageProblem(name: string, v: unknown): string | undefined {
  return isLanguage(v)
    ? undefined
    : `"${name}" must be one of ${LANGUAGES.map((l) => JSON.stringify(l)).join(', ')} (the languages faqbot speaks), got ${JSON.stringify(v)}`;
}

/**
 * `communities:` is keyed by guild and workspace ids; keys are read as written (an unquoted
 * Discord id is beyond 2^53). Each entry's `policy` and `matcher` are checked as the top-level ones.
 */
function readCommunities(node: Node, where: Where, problems: string[]): CommunitiesSettings | undefined {
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
        checkMap(itemValue, defaultSettings[key] as unknown as Record<string, unknown>, `${key}.`, where, local);
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

const GIT_KEYS = ['git', 'branch', 'path'] as const;
/** What `git clone` takes, and nothing that could read as one of its options. */
const GIT_URL = /^(?:(?:https?|ssh|git|file):\/\/\S+|[\w.-]+@[\w.-]+:\S+)$/;
/** A branch name git accepts that cannot be taken for an option (no leading "-", no ".."). */
const GIT_BRANCH = /^(?!-)(?!.*\.\.)[\w./-]+$/;

/** `knowledge: { git: URL, branch: NAME, path: FOLDER }`: each field checked, all problems reported. */
function readGitKnowledge(map: YAMLMap, name: string, where: Where, problems: string[]): GitKnowledge | undefined {
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

function keyText(node: unknown): string {
  return isScalar(node) ? String(node.source ?? node.value) : JSON.stringify(node);
}

/** A copy of a map without one key, for checks that handle that key apart. */
function withoutKey(map: YAMLMap, key: string): YAMLMap {
  const copy = map.clone() as YAMLMap;
  copy.items = map.items.filter((pair) => !(isScalar(pair.key) && String(pair.key.value) === key));
  return copy;
}

const CHANNEL_ID = /^[A-Za-z0-9]+$/;

/**
 * `channels:` is keyed by ids the config cannot know in advance. Keys are read as written:
 * YAML would read an unquoted Discord id (beyond 2^53) as a number and lose its last digits.
 */
function readChannels(node: Node, where: Where, problems: string[]): ChannelSettings | undefined {
  if (!isMap(node)) {
    problems.push(
      `${where(node)}: "channels" must be a mapping of channel ids (or "default") to rules, e.g. \`default: { mention: private }\``,
    );
    return undefined;
  }
  const out: Record<string, Partial<ChannelRule>> = {};
  for (const pair of node.items) {
    const keyNode = isScalar(pair.key) ? pair.key : undefined;
    const id = keyNode ? String(keyNode.source ?? keyNode.value).trim() : '';
    if (!CHANNEL_ID.test(id)) {
      problems.push(
        `${where(keyNode)}: "channels.${id}" is not a channel id; use "default" or a Discord channel, thread or category id, or a Slack channel id (C0123ABC)`,
      );
      continue;
    }
    const value = pair.value as Node | null;
    if (!isMap(value)) {
      problems.push(`${where(value ?? keyNode)}: "channels.${id}" must be a mapping, e.g. \`{ mention: public, slash: allow }\``);
      continue;
    }
    const rule: Partial<ChannelRule> = {};
    for (const item of value.items) {
      const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
      const v: unknown = isScalar(item.value) ? item.value.value : undefined;
      const at = where((item.value as Node | null) ?? (item.key as Node));
      if (key === 'mention') {
        if (MENTION_MODES.includes(v as MentionMode)) rule.mention = v as MentionMode;
        else
          problems.push(
            `${at}: "channels.${id}.mention" must be ${MENTION_MODES.map((m) => JSON.stringify(m)).join(', ')}, got ${JSON.stringify(v)}`,
          );
      } else if (key === 'slash') {
        if (SLASH_MODES.includes(v as SlashMode)) rule.slash = v as SlashMode;
        else
          problems.push(
            `${at}: "channels.${id}.slash" must be ${SLASH_MODES.map((m) => JSON.stringify(m)).join(' or ')}, got ${JSON.stringify(v)}`,
          );
      } else if (key === 'help') {
        if (typeof v === 'boolean') rule.help = v;
        else problems.push(`${at}: "channels.${id}.help" must be true or false, got ${JSON.stringify(v)}`);
      } else if (key === 'language') {
        const problem = languageProblem(`channels.${id}.language`, v);
        if (problem) problems.push(`${at}: ${problem}`);
        else rule.language = v as Language;
      } else {
        problems.push(
          `${where(item.key as Node)}: unknown setting "channels.${id}.${key}"; known settings here: mention, slash, help, language`,
        );
      }
    }
    out[id] = rule;
  }
  return out;
}

type Where = (node: { range?: readonly number[] | null } | null | undefined) => string;

function checkMap(map: YAMLMap, defaults: Record<string, unknown>, prefix: string, where: Where, problems: string[]): void {
  for (const pair of map.items) {
    const keyNode = isScalar(pair.key) ? pair.key : undefined;
    const key = String(keyNode?.value ?? pair.key);
    const name = prefix + key;
    const valueNode = pair.value as Node | null;
    if (!(key in defaults)) {
      problems.push(
        `${where(keyNode)}: unknown setting "${name}"; known settings here: ${Object.keys(defaults)
          .map((k) => prefix + k)
          .join(', ')}`,
      );
      continue;
    }
    const d = defaults[key];
    if (isRecord(d)) {
      if (isMap(valueNode)) checkMap(valueNode, d, `${name}.`, where, problems);
      else problems.push(`${where(valueNode ?? keyNode)}: "${name}" must be a mapping of settings (indent them under "${key}:")`);
      continue;
    }
    const v: unknown = isScalar(valueNode) ? valueNode.value : valueNode?.toJSON();
    const problem = checkValue(name, v, d);
    if (problem) problems.push(`${where(valueNode ?? keyNode)}: ${problem}`);
  }
}

/** What is wrong with one setting's value, or undefined when it is fine. */
function checkValue(name: string, v: unknown, d: unknown): string | undefined {
  const id = idPatterns[name];
  // YAML reads an unquoted Discord id as a number and loses its last digits.
  if (id && typeof v === 'number') return `"${name}" must be ${id.hint}; YAML read ${String(v)} as a number: put it in quotes`;
  if (id && typeof v === 'string' && !id.pattern.test(v)) return `"${name}" must be ${id.hint}, got ${JSON.stringify(v)}`;
  if (typeof v !== typeof d)
    return `"${name}" must be a ${typeof d === 'boolean' ? 'boolean (true or false)' : typeof d}, got ${JSON.stringify(v)}`;
  const allowed = allowedText[name];
  if (allowed && !allowed.includes(v as string)) {
    return `"${name}" must be ${allowed.map((a) => JSON.stringify(a)).join(' or ')}, got ${JSON.stringify(v)}`;
  }
  const rule = numberRules[name];
  if (typeof v === 'number' && rule) {
    const range = rule.max === undefined ? `of at least ${rule.min}` : `from ${rule.min} to ${rule.max}`;
    const kind = rule.integer ? 'a whole number' : 'a number';
    if (!Number.isFinite(v) || (rule.integer && !Number.isInteger(v)) || v < rule.min || (rule.max !== undefined && v > rule.max)) {
      return `"${name}" must be ${kind} ${range}, got ${String(v)}`;
    }
  }
  return undefined;
}

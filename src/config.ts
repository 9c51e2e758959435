// Configuration is read and validated once, at start-up: secrets and the ops settings from the
// environment, behaviour from one YAML file merged over the defaults. Each subsystem states its
// own settings, defaults and limits beside its code; this loader composes them. Nothing else
// reads process.env.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { nonEmpty, type Env } from './env.js';
import { FaqbotError } from './errors.js';
import { DEFAULT_INSIGHTS_SETTINGS, INSIGHTS_RULES, type InsightsSettings } from './insights/settings.js';
import { DEFAULT_GIT_KNOWLEDGE_SETTINGS, GIT_KNOWLEDGE_RULES, type GitKnowledgeSettings } from './knowledge/git-settings.js';
import type { KnowledgeOrigin } from './knowledge/load.js';
import { DEFAULT_MATCHER_SETTINGS, MATCHER_RULES, type MatcherSettings } from './match/settings.js';
import { readOps, type OpsSettings } from './ops/settings.js';
import { readSecrets, type Secrets } from './secrets.js';
import { DEFAULT_CHANNEL_SETTINGS, readChannels, type ChannelSettings } from './service/channel-settings.js';
import { readCommunities, type CommunitiesSettings } from './service/community-settings.js';
import { DEFAULT_HANDOFF_SETTINGS, HANDOFF_RULES, type HandoffSettings } from './service/handoff-settings.js';
import { DEFAULT_POLICY_SETTINGS, POLICY_RULES, type PolicySettings } from './service/policy-settings.js';
import { checkMap } from './settings/check.js';
import { mergeSettings, type Overrides } from './settings/merge.js';
import { within, type RulesByPath } from './settings/rules.js';
import { offendingText, yamlErrorAt } from './yaml-error.js';

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

export interface Config {
  settings: Settings;
  secrets: Secrets;
  ops: OpsSettings;
  /** The config file that was read, if any. */
  configFile?: string;
  /** Where `settings.knowledgeDir` came from. */
  knowledgeDirFrom: KnowledgeOrigin;
}

/** Every setting's default: what the config file is merged over, key by key. */
export const defaultSettings: Settings = {
  knowledgeDir: 'knowledge',
  communities: {},
  channels: DEFAULT_CHANNEL_SETTINGS,
  policy: DEFAULT_POLICY_SETTINGS,
  matcher: DEFAULT_MATCHER_SETTINGS,
  insights: DEFAULT_INSIGHTS_SETTINGS,
  handoff: DEFAULT_HANDOFF_SETTINGS,
  watchKnowledge: true,
  gitKnowledge: DEFAULT_GIT_KNOWLEDGE_SETTINGS,
};

/** Each section's limits, by the path of its settings in the file. */
const rules: RulesByPath = {
  ...within('policy', POLICY_RULES),
  ...within('matcher', MATCHER_RULES),
  ...within('insights', INSIGHTS_RULES),
  ...within('handoff', HANDOFF_RULES),
  ...within('gitKnowledge', GIT_KNOWLEDGE_RULES),
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

/**
 * Parses and checks a config file's text against the shape of `Settings`. Every problem is
 * reported at once, each as `file:line:col: what; how to fix`, in the error's details.
 */
export function parseConfigText(text: string, file: string): Overrides<Settings> {
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
  checkMap(withoutKey(withoutKey(doc.contents, 'channels'), 'communities'), shaped, rules, '', where, problems);
  if (problems.length === 1) throw new FaqbotError('config', problems[0]!);
  if (problems.length > 1) {
    throw new FaqbotError('config', `${file}: ${problems.length} problems in the config`, problems);
  }
  const { communities: _c, channels: _ch, ...settings } = doc.toJS() as Overrides<Settings>;
  return { ...settings, ...(channels ? { channels } : {}), ...(communities ? { communities } : {}) };
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

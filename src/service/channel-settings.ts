// "Where the bot speaks" (`channels:` in the config): the rules by channel id, and how the
// file's `channels:` is read. How the rules layer for one place is channels.ts.
import { isMap, isScalar, type Node } from 'yaml';
import type { Language } from '../language/languages.js';
import { languageProblem, type Where } from '../settings/check.js';

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

/** No rules: every channel follows the built-in defaults. */
export const DEFAULT_CHANNEL_SETTINGS: ChannelSettings = {};

const CHANNEL_ID = /^[A-Za-z0-9]+$/;

/**
 * `channels:` is keyed by ids the config cannot know in advance. Keys are read as written:
 * YAML would read an unquoted Discord id (beyond 2^53) as a number and lose its last digits.
 */
export function readChannels(node: Node, where: Where, problems: string[]): ChannelSettings | undefined {
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

// "Where the bot speaks": the rule for one channel, from the config's `channels:` settings.
// Rules layer from the least specific place to the most: the default, then (on Discord) the
// category, the channel, the thread. Pure.
import type { ChannelRule, ChannelSettings } from './channel-settings.js';
import type { Phrases } from '../language/phrases.js';
import { mergeSettings } from '../settings/merge.js';

/**
 * The rule for a place named by its ids, nearest first (a thread, its channel, its category).
 * `fallback` holds the built-in defaults under `channels.default`.
 */
export function channelRule(channels: ChannelSettings, fallback: ChannelRule, ids: readonly string[]): ChannelRule {
  let rule = mergeSettings(fallback, channels.default);
  for (let i = ids.length - 1; i >= 0; i--) rule = mergeSettings(rule, channels[ids[i]!]);
  return rule;
}

/** What a member hears when `/faq` is turned off where they used it. */
export function slashDeniedMessage(rule: ChannelRule, phrases: Phrases): string {
  return phrases.slashDenied(rule.mention === 'ignore');
}

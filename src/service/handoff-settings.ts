// "Ask a human" (`handoff:` in the config): its defaults, and the forms of the ids it pings.
import { platformId, wholeNumber, type SettingRules } from '../settings/rules.js';

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

/** Off on both platforms until a role or a group is named. */
export const DEFAULT_HANDOFF_SETTINGS: HandoffSettings = {
  discordRole: '',
  slackGroup: '',
  memberCooldownSeconds: 3600,
  channelCooldownSeconds: 300,
};

export const HANDOFF_RULES: SettingRules<HandoffSettings> = {
  discordRole: platformId(
    /^(\d{5,25})?$/,
    'a Discord role id in quotes (Developer Mode → right-click the role → Copy Role ID), e.g. "123456789012345678"',
  ),
  slackGroup: platformId(/^(S[A-Z0-9]{2,})?$/, "a Slack user group id, e.g. S0123ABCD (the group's page: ⋯ → Copy group ID)"),
  memberCooldownSeconds: wholeNumber(0),
  channelCooldownSeconds: wholeNumber(0),
};

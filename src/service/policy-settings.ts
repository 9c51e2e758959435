// The answer service's policy (`policy:` in the config, and per community): who may aim an
// answer at whom, cooldowns and the rate limit; their defaults and limits.
import { oneOf, wholeNumber, type SettingRules } from '../settings/rules.js';

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

const TARGETINGS: readonly Targeting[] = ['everyone', 'moderators'];

export const DEFAULT_POLICY_SETTINGS: PolicySettings = {
  targeting: 'everyone',
  channelCooldownSeconds: 60,
  targetCooldownSeconds: 600,
  rateLimitCount: 8,
  rateLimitWindowSeconds: 60,
  mentionRepliesPublic: true,
};

export const POLICY_RULES: SettingRules<PolicySettings> = {
  targeting: oneOf(TARGETINGS),
  channelCooldownSeconds: wholeNumber(0),
  targetCooldownSeconds: wholeNumber(0),
  rateLimitCount: wholeNumber(1),
  rateLimitWindowSeconds: wholeNumber(1),
};

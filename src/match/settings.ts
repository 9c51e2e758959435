// The matcher's settings (`matcher:` in the config, and per community): their defaults and limits.
import { anyNumber, oneOf, wholeNumber, type SettingRules } from '../settings/rules.js';

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

/** The meaning signals the matcher can fuse with the words. */
const SEMANTIC_SIGNALS: readonly MatcherSettings['semantic'][] = ['static', 'off'];

export const DEFAULT_MATCHER_SETTINGS: MatcherSettings = {
  maxSuggestions: 3,
  confidenceBias: 0,
  maxQueryChars: 2000,
  semantic: 'static',
  helpQuantile: 0.5,
};

export const MATCHER_RULES: SettingRules<MatcherSettings> = {
  // Discord and Slack show suggestions as buttons; more than 10 no longer fit one reply.
  maxSuggestions: wholeNumber(1, 10),
  // The bias moves the answer threshold by 0.1 per unit on scores in [0, 1]: beyond ±5 it
  // means "always" or "never" answer.
  confidenceBias: anyNumber(-5, 5),
  maxQueryChars: wholeNumber(1),
  semantic: oneOf(SEMANTIC_SIGNALS),
  helpQuantile: anyNumber(0.1, 0.95),
};

// The insights store's settings (`insights:` in the config): their defaults and limits.
import { wholeNumber, type SettingRules } from '../settings/rules.js';

export interface InsightsSettings {
  enabled: boolean;
  /** SQLite file; relative paths are resolved from the working directory. */
  path: string;
  retentionDays: number;
  /** Store the query text (false keeps only a redacted form). */
  storeQueryText: boolean;
}

export const DEFAULT_INSIGHTS_SETTINGS: InsightsSettings = {
  enabled: true,
  path: 'data/faqbot.db',
  retentionDays: 90,
  storeQueryText: true,
};

export const INSIGHTS_RULES: SettingRules<InsightsSettings> = {
  retentionDays: wholeNumber(1),
};

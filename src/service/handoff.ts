// "Ask a human": who gets pinged on which platform. Pure; the sentences members read are in phrases.ts.
import type { HandoffSettings } from './handoff-settings.js';

/** The helpers to ping on a platform (a Discord role id, a Slack user group id), if any. */
export function helpersOn(settings: HandoffSettings, platform: string): string | undefined {
  const id = platform === 'discord' ? settings.discordRole : platform === 'slack' ? settings.slackGroup : '';
  return id === '' ? undefined : id;
}

// "Ask a human": who gets pinged on which platform, and the sentences members read. Pure.
import type { HandoffSettings } from '../config.js';

/** The helpers to ping on a platform (a Discord role id, a Slack user group id), if any. */
export function helpersOn(settings: HandoffSettings, platform: string): string | undefined {
  const id = platform === 'discord' ? settings.discordRole : platform === 'slack' ? settings.slackGroup : '';
  return id === '' ? undefined : id;
}

export const HANDOFF_DONE = 'The helpers were asked in a thread; someone will answer you there.';
export const HANDOFF_ALREADY = 'The helpers were already asked about this question.';
export const HANDOFF_OFF = 'Asking a human is not set up here.';

export function handoffWait(what: 'member' | 'channel', wait: string): string {
  return what === 'member'
    ? `You asked the helpers recently; you can ask them again in ${wait}. Meanwhile, try other words with the bot.`
    : `The helpers were asked in this channel moments ago; they can be asked again in ${wait}.`;
}

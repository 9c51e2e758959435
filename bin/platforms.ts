// The platform adapters as the composition root sees them. Each loads its SDK (discord.js,
// Bolt) only when it starts, so `faqbot ask`, `check` and `eval` start without them.
import type { PlatformAdapter } from '../src/platform.js';

export const adapters: readonly PlatformAdapter[] = [
  {
    name: 'discord',
    configured: (secrets) => secrets.discordToken !== undefined,
    start: async (deps) => (await import('../adapters/discord/adapter.js')).discordAdapter.start(deps),
  },
  {
    name: 'slack',
    configured: (secrets) => Boolean(secrets.slackBotToken),
    start: async (deps) => (await import('../adapters/slack/index.js')).slackAdapter.start(deps),
  },
];

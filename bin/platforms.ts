// The platform adapters as the composition root sees them. Each loads its SDK (discord.js,
// Bolt) only when it starts, so `faqbot ask`, `check` and `eval` start without them.
import type { PlatformAdapter, SplitLimit } from '../src/platform.js';
import { ANSWER_SPLIT as DISCORD_SPLIT } from '../adapters/discord/limits.js';
import { ANSWER_SPLIT as SLACK_SPLIT } from '../adapters/slack/limits.js';
import { slackConfigured, slackHttpPort, slackKeepsInstallations } from '../adapters/slack/mode.js';
import { INTERACTIONS_PATH } from '../adapters/discord/interactions-path.js';

export const adapters: readonly PlatformAdapter[] = [
  {
    name: 'discord',
    configured: (secrets) => secrets.discordToken !== undefined,
    startupHint: 'Check the network (a proxy or firewall in the way?), and DISCORD_API_URL if you set it.',
    httpRoutePaths: (secrets) => (secrets.discordInteractions === 'http' ? [{ method: 'POST', path: INTERACTIONS_PATH }] : []),
    start: async (deps) => (await import('../adapters/discord/adapter.js')).discordAdapter.start(deps),
  },
  {
    name: 'slack',
    configured: slackConfigured,
    startupHint: 'Check the network (a proxy or firewall in the way?), and SLACK_API_URL if you set it.',
    httpPort: slackHttpPort,
    keepsInstallations: slackKeepsInstallations,
    start: async (deps) => (await import('../adapters/slack/index.js')).slackAdapter.start(deps),
  },
];

/** Each platform's message-part limit, for `faqbot check` (light modules: no SDK is loaded). */
export const splitLimits: readonly SplitLimit[] = [DISCORD_SPLIT, SLACK_SPLIT];

// Every `faqbot` command, in the order `faqbot --help` lists them, with what each needs of the
// adapters passed in: cli/ holds the commands and never imports an adapter, so this is where
// they meet. Each command loads its own modules only when it runs, and what it takes of an
// adapter is loaded then too, so `faqbot ask` starts without SQLite or a platform SDK. The
// benchmarks are no command: `npm run bench` runs them from a clone (bench/main.ts).
import type { CommandDescriptor } from '../cli/command.js';
import { askCommand } from '../cli/commands/ask.js';
import { chatCommand } from '../cli/commands/chat.js';
import { checkCommand } from '../cli/commands/check.js';
import { discordCommand } from '../cli/commands/discord.js';
import { evalCommand } from '../cli/commands/eval.js';
import { importCommand } from '../cli/commands/import.js';
import { insightsCommand } from '../cli/commands/insights.js';
import { previewCommand } from '../cli/commands/preview.js';
import { slackCommand } from '../cli/commands/slack.js';
import { startCommand } from '../cli/commands/start.js';
import { INTERACTIONS_PATH } from '../adapters/discord/interactions-path.js';
import { adapters, splitLimits } from './platforms.js';

export { adapters };

export const commands: readonly CommandDescriptor[] = [
  startCommand(async () => {
    const { startBot } = await import('./start.js');
    return (io, options) => startBot(io, { adapters, ...options });
  }),
  // The platforms' own tools: each adapter exports a plain operation, which its command wraps.
  discordCommand({ interactionsPath: INTERACTIONS_PATH, loadRegistration: () => import('../adapters/discord/register.js') }),
  slackCommand({ loadManifest: () => import('../adapters/slack/manifest.js') }),
  askCommand,
  chatCommand,
  checkCommand(splitLimits),
  evalCommand,
  importCommand,
  // Each adapter's pure renderer, for the preview of what each platform would show.
  previewCommand(async () => [
    (await import('../adapters/discord/preview.js')).discordPreviewer,
    (await import('../adapters/slack/preview.js')).slackPreviewer,
  ]),
  insightsCommand,
];

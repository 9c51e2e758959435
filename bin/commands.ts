import type { CommandEntry } from '../src/cli/command.js';
import { askCommand } from '../src/cli/commands/ask.js';
import { chatCommand } from '../src/cli/commands/chat.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { evalCommand } from '../src/cli/commands/eval.js';
import { importCommand } from '../src/cli/commands/import.js';
import { insightsCommand } from '../src/cli/commands/insights.js';
import { adapters } from './platforms.js';
import { startCommand } from './start.js';

export { adapters };

/** Every command; those that need a platform SDK or the benchmarks load on use. */
export const commands: readonly CommandEntry[] = [
  startCommand(adapters),
  { name: 'discord', summary: 'Discord tools: register the bot\'s commands', load: async () => (await import('../adapters/discord/register.js')).discordCommand },
  { name: 'slack', summary: 'Slack helpers: print the app manifest', load: async () => (await import('../adapters/slack/command.js')).slackCommand },
  askCommand,
  chatCommand,
  checkCommand,
  evalCommand,
  importCommand,
  insightsCommand,
  {
    name: 'bench',
    summary: 'Measure speed: matcher, index build, and each platform adapter end to end',
    load: async () => (await import('../bench/command.js')).benchCommand((await import('../bench/suites.js')).suites),
  },
];

import type { Command } from '../src/cli/command.js';
import { askCommand } from '../src/cli/commands/ask.js';
import { chatCommand } from '../src/cli/commands/chat.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { evalCommand } from '../src/cli/commands/eval.js';
import { importCommand } from '../src/cli/commands/import.js';
import { insightsCommand } from '../src/cli/commands/insights.js';
import type { PlatformAdapter } from '../src/platform.js';
import { startCommand } from './start.js';
import { discordAdapter, discordCommand } from '../adapters/discord/index.js';
import { slackAdapter, slackCommand } from '../adapters/slack/index.js';
import { benchCommand } from '../bench/command.js';
import { suites } from '../bench/suites.js';

/** Every platform adapter the bot can run; each decides from the secrets whether to start. */
export const adapters: readonly PlatformAdapter[] = [discordAdapter, slackAdapter];

export const commands: readonly Command[] = [
  startCommand(adapters),
  discordCommand,
  slackCommand,
  askCommand,
  chatCommand,
  checkCommand,
  evalCommand,
  importCommand,
  insightsCommand,
  benchCommand(suites),
];

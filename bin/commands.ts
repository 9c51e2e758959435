import type { CommandEntry } from '../cli/command.js';
import { askCommand } from '../cli/commands/ask.js';
import { chatCommand } from '../cli/commands/chat.js';
import { checkCommand } from '../cli/commands/check.js';
import { evalCommand } from '../cli/commands/eval.js';
import { discordCommand } from './discord-command.js';
import { adapters, splitLimits } from './platforms.js';
import { slackCommand } from './slack-command.js';

export { adapters };

/**
 * Every command. Those that pull in heavy modules (platform SDKs, SQLite, the Markdown
 * toolchain) are named here and loaded on use, so `faqbot ask` starts fast. The benchmarks are
 * no command: `npm run bench` runs them from a clone (bench/main.ts).
 */
export const commands: readonly CommandEntry[] = [
  {
    name: 'start',
    summary: 'Run the bot on every configured platform (a console chat when none is)',
    load: async () => (await import('./start.js')).startCommand(adapters),
  },
  // The platforms' own tools: each adapter exports a plain operation, loaded when its command runs.
  discordCommand,
  slackCommand,
  askCommand,
  chatCommand,
  checkCommand(splitLimits),
  evalCommand,
  {
    name: 'import',
    summary: 'Turn a FAQ page (Markdown) into a knowledge file, or update one from a changed page',
    load: async () => (await import('../cli/commands/import.js')).importCommand,
  },
  {
    // Each adapter's pure renderer, passed into the core's command: the core never imports an adapter.
    name: 'preview',
    summary: 'Show what the bot would post for an entry id or a question, per platform',
    load: async () =>
      (await import('../cli/commands/preview.js')).previewCommand([
        (await import('../adapters/discord/preview.js')).discordPreviewer,
        (await import('../adapters/slack/preview.js')).slackPreviewer,
      ]),
  },
  {
    name: 'insights',
    summary: 'What people asked: top entries, unanswered questions, "Not helpful" votes, proposed alternates',
    load: async () => (await import('../cli/commands/insights.js')).insightsCommand,
  },
];

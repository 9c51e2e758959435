import type { Command, CommandEntry } from '../src/cli/command.js';
import { askCommand } from '../src/cli/commands/ask.js';
import { chatCommand } from '../src/cli/commands/chat.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { evalCommand } from '../src/cli/commands/eval.js';
import { FaqbotError } from '../src/errors.js';
import { adapters, splitLimits } from './platforms.js';

export { adapters };

/**
 * Every command. Those that pull in heavy modules (platform SDKs, SQLite, the Markdown
 * toolchain, the benchmarks) are named here and loaded on use, so `faqbot ask` starts fast.
 */
export const commands: readonly CommandEntry[] = [
  {
    name: 'start',
    summary: 'Run the bot on every configured platform (a console chat when none is)',
    load: async () => (await import('./start.js')).startCommand(adapters),
  },
  { name: 'discord', summary: 'Discord tools: register the bot\'s commands', load: async () => (await import('../adapters/discord/register.js')).discordCommand },
  { name: 'slack', summary: 'Slack helpers: print the app manifest', load: async () => (await import('../adapters/slack/command.js')).slackCommand },
  askCommand,
  chatCommand,
  checkCommand(splitLimits),
  evalCommand,
  {
    name: 'import',
    summary: 'Turn a FAQ page (Markdown) into a knowledge file, or update one from a changed page',
    load: async () => (await import('../src/cli/commands/import.js')).importCommand,
  },
  {
    // Each adapter's pure renderer, passed into the core's command: the core never imports an adapter.
    name: 'preview',
    summary: 'Show what the bot would post for an entry id or a question, per platform',
    load: async () => (await import('../src/cli/commands/preview.js')).previewCommand([
      (await import('../adapters/discord/preview.js')).discordPreviewer,
      (await import('../adapters/slack/preview.js')).slackPreviewer,
    ]),
  },
  {
    name: 'insights',
    summary: 'What people asked: top entries, unanswered questions, "Not helpful" votes, proposed alternates',
    load: async () => (await import('../src/cli/commands/insights.js')).insightsCommand,
  },
  {
    name: 'bench',
    summary: 'Measure speed: matcher, index build, and each platform adapter end to end',
    load: loadBench,
  },
];

/**
 * The benchmarks drive the local fake servers of test/, which the published package leaves
 * out: there, `faqbot bench` says where to run it instead of failing on a missing module.
 */
async function loadBench(): Promise<Command> {
  let bench: typeof import('../bench/command.js');
  let suites: typeof import('../bench/suites.js');
  try {
    [bench, suites] = await Promise.all([import('../bench/command.js'), import('../bench/suites.js')]);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    return {
      name: 'bench', summary: 'Measure speed', usage: 'faqbot bench [--only NAME]', options: { only: { type: 'string' } },
      run: () => Promise.reject(new FaqbotError('not-found', 'the benchmarks are not part of the installed package; run `npm run bench` in a clone of the repository')),
    };
  }
  return bench.benchCommand(suites.suites);
}

// `faqbot start`, as `faqbot --help` lists it; the rest (start/run.ts) loads when it runs.
import type { CommandDescriptor } from '../command.js';
import type { StartBot } from './start/run.js';

/**
 * `loadStartBot`: how bin/ starts the bot with the adapters (cli/ never imports them), loaded
 * only when the command runs: it brings SQLite and the platform SDKs.
 */
export const startCommand = (loadStartBot: () => Promise<StartBot>): CommandDescriptor => ({
  name: 'start',
  summary: 'Run the bot on every configured platform (a console chat when none is)',
  load: async () => (await import('./start/run.js')).startBody(await loadStartBot()),
});

// `faqbot check`, as `faqbot --help` lists it; the rest (check/run.ts) loads when it runs.
import type { SplitLimit } from '../../src/platform.js';
import type { CommandDescriptor } from '../command.js';

/** With the message limits of the platforms the bot runs on (bin/ passes the adapters'). */
export const checkCommand = (limits: readonly SplitLimit[]): CommandDescriptor => ({
  name: 'check',
  summary: 'Validate knowledge files and check them against the matcher; exit 1 on errors, print warnings',
  load: async () => (await import('./check/run.js')).checkBody(limits),
});

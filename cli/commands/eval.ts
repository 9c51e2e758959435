// `faqbot eval`, as `faqbot --help` lists it; the rest (eval/run.ts) loads when it runs.
import type { CommandDescriptor } from '../command.js';

export const evalCommand: CommandDescriptor = {
  name: 'eval',
  summary: 'Measure matching quality on a question set',
  load: async () => (await import('./eval/run.js')).evalBody,
};

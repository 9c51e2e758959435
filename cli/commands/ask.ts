// `faqbot ask`, as `faqbot --help` lists it; the rest (ask/run.ts) loads when it runs.
import type { CommandDescriptor } from '../command.js';

export const askCommand: CommandDescriptor = {
  name: 'ask',
  summary: 'Answer one question from the knowledge base and exit',
  load: async () => (await import('./ask/run.js')).askBody,
};

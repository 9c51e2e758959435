// `faqbot chat`, as `faqbot --help` lists it; the rest (chat/run.ts) loads when it runs.
import type { CommandDescriptor } from '../command.js';

export const chatCommand: CommandDescriptor = {
  name: 'chat',
  summary: 'Ask questions in a terminal chat',
  load: async () => (await import('./chat/run.js')).chatBody,
};

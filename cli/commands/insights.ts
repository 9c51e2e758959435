// `faqbot insights`, as `faqbot --help` lists it; the rest (insights/run.ts, with SQLite)
// loads when it runs.
import type { CommandDescriptor } from '../command.js';

export const insightsCommand: CommandDescriptor = {
  name: 'insights',
  summary: 'What people asked: top entries, unanswered questions, "Not helpful" votes, proposed alternates',
  load: async () => (await import('./insights/run.js')).insightsBody,
};

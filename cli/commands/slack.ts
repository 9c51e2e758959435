// `faqbot slack`, as `faqbot --help` lists it; the rest (slack/run.ts) loads when it runs.
import type { CommandDescriptor } from '../command.js';
import type { SlackTools } from './slack/run.js';

/** `tools`: the Slack adapter's plain operations, which bin/ hands in. */
export const slackCommand = (tools: SlackTools): CommandDescriptor => ({
  name: 'slack',
  summary: 'Slack helpers: print the app manifest',
  load: async () => (await import('./slack/run.js')).slackBody(tools),
});

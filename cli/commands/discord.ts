// `faqbot discord`, as `faqbot --help` lists it; the rest (discord/run.ts) loads when it runs.
import type { CommandDescriptor } from '../command.js';
import type { DiscordTools } from './discord/run.js';

/** `tools`: the Discord adapter's plain operation, which bin/ hands in. */
export const discordCommand = (tools: DiscordTools): CommandDescriptor => ({
  name: 'discord',
  summary: "Discord tools: register the bot's commands",
  load: async () => (await import('./discord/run.js')).discordBody(tools),
});

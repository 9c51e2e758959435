// `faqbot discord register [--guild ID] [--endpoint URL]`: the flags and help around the
// Discord adapter's registerCommands, which bin/ hands in (cli/ never imports an adapter) and
// loads, with discord.js, only when it runs. The configuration is read here, once.
import type { Secrets } from '../../../src/secrets.js';
import { loadConfig } from '../../../src/config.js';
import type { Command, CommandBody } from '../../command.js';
import { commandGroup } from '../../command.js';
import { stringFlag } from '../../context.js';

/** What the command needs of the Discord adapter: a plain operation, and the path it checks for. */
export interface DiscordTools {
  /** Where Discord posts interactions over HTTP (adapters/discord/interactions-path.ts), for the help. */
  readonly interactionsPath: string;
  loadRegistration(): Promise<{
    registerCommands(
      secrets: Secrets,
      options: { guild?: string | undefined; endpoint?: string | undefined },
      say: (line: string) => void,
    ): Promise<void>;
  }>;
}

const registerCommand = (tools: DiscordTools): Command => ({
  name: 'register',
  summary: 'Register /faq, /faq-stats and "Answer with FAQ" with Discord',
  usage: 'faqbot discord register [--guild ID] [--endpoint https://HOST/discord/interactions]',
  details:
    'Needs DISCORD_TOKEN. Global commands can take up to an hour to appear; --guild updates one server at once. --endpoint makes Discord post interactions to the bot over HTTP (FAQBOT_DISCORD_INTERACTIONS=http; the bot must be running there: Discord checks the URL with signed requests first). See docs/discord.md.',
  options: { guild: { type: 'string' }, endpoint: { type: 'string' } },
  optionHelp: {
    guild: 'register in this server only (its id: Server Settings → Widget, or right-click → Copy Server ID)',
    endpoint: `also set the application's Interactions Endpoint URL (https, ending in ${tools.interactionsPath})`,
  },
  async run({ values }, io) {
    const { secrets } = loadConfig(io.env, io.cwd);
    const { registerCommands } = await tools.loadRegistration();
    await registerCommands(secrets, { guild: stringFlag(values.guild), endpoint: stringFlag(values.endpoint) }, io.out);
    return 0;
  },
});

export const discordBody = (tools: DiscordTools): CommandBody => commandGroup([registerCommand(tools)]);

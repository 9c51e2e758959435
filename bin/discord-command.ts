// `faqbot discord register [--guild ID] [--endpoint URL]`: the flags and help around the
// Discord adapter's registerCommands, which is loaded (with discord.js) only when it runs. The
// configuration is read here, once.
import { INTERACTIONS_PATH } from '../adapters/discord/interactions-path.js';
import { commandGroup, type Command } from '../cli/command.js';
import { stringFlag } from '../cli/context.js';
import { loadConfig } from '../src/config.js';

const registerCommand: Command = {
  name: 'register',
  summary: 'Register /faq, /faq-stats and "Answer with FAQ" with Discord',
  usage: 'faqbot discord register [--guild ID] [--endpoint https://HOST/discord/interactions]',
  details:
    'Needs DISCORD_TOKEN. Global commands can take up to an hour to appear; --guild updates one server at once. --endpoint makes Discord post interactions to the bot over HTTP (FAQBOT_DISCORD_INTERACTIONS=http; the bot must be running there: Discord checks the URL with signed requests first). See docs/discord.md.',
  options: { guild: { type: 'string' }, endpoint: { type: 'string' } },
  optionHelp: {
    guild: 'register in this server only (its id: Server Settings → Widget, or right-click → Copy Server ID)',
    endpoint: `also set the application's Interactions Endpoint URL (https, ending in ${INTERACTIONS_PATH})`,
  },
  async run({ values }, io) {
    const { secrets } = loadConfig(io.env, io.cwd);
    const { registerCommands } = await import('../adapters/discord/register.js');
    await registerCommands(secrets, { guild: stringFlag(values.guild), endpoint: stringFlag(values.endpoint) }, io.out);
    return 0;
  },
};

export const discordCommand: Command = commandGroup('discord', "Discord tools: register the bot's commands", [registerCommand]);

// `faqbot discord register [--guild ID]`: puts the command list (command-data.ts) on Discord,
// globally or in one guild (guild commands update instantly, handy while testing).
import { REST, Routes, type APIApplication } from 'discord.js';
import { commandGroup, type Command } from '../../src/cli/command.js';
import { stringFlag } from '../../src/cli/context.js';
import { loadConfig } from '../../src/config.js';
import { describeError, FaqbotError } from '../../src/index.js';
import { commandData } from './command-data.js';
import { INTERACTIONS_PATH } from './http-interactions.js';

function isEndpoint(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || (u.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(u.hostname))) && u.pathname === INTERACTIONS_PATH;
  } catch {
    return false;
  }
}

/** Discord ids (snowflakes) written in decimal: 15 digits for the oldest, up to 21 in the future. */
const SNOWFLAKE_DIGITS = { min: 15, max: 21 } as const;

const registerCommand: Command = {
  name: 'register',
  summary: 'Register /faq, /faq-stats and "Answer with FAQ" with Discord',
  usage: 'faqbot discord register [--guild ID] [--endpoint https://HOST/discord/interactions]',
  details: 'Needs DISCORD_TOKEN. Global commands can take up to an hour to appear; --guild updates one server at once. --endpoint makes Discord post interactions to the bot over HTTP (FAQBOT_DISCORD_INTERACTIONS=http; the bot must be running there: Discord checks the URL with signed requests first). See docs/discord.md.',
  options: { guild: { type: 'string' }, endpoint: { type: 'string' } },
  optionHelp: {
    guild: 'register in this server only (its id: Server Settings → Widget, or right-click → Copy Server ID)',
    endpoint: `also set the application's Interactions Endpoint URL (https, ending in ${INTERACTIONS_PATH})`,
  },
  async run({ values }, io) {
    const guild = stringFlag(values.guild);
    const endpoint = stringFlag(values.endpoint);
    if (endpoint !== undefined && !isEndpoint(endpoint)) {
      throw new FaqbotError('usage', `--endpoint ${JSON.stringify(endpoint)} must be an https:// URL ending in ${INTERACTIONS_PATH}, where the bot answers (e.g. https://faq.example.org${INTERACTIONS_PATH})`);
    }
    if (guild !== undefined && !new RegExp(`^\\d{${SNOWFLAKE_DIGITS.min},${SNOWFLAKE_DIGITS.max}}$`).test(guild)) {
      throw new FaqbotError('usage', `--guild ${JSON.stringify(guild)} is not a server id; it is a number of ${SNOWFLAKE_DIGITS.min} to ${SNOWFLAKE_DIGITS.max} digits (enable Developer Mode, right-click the server, Copy Server ID)`);
    }
    const { secrets } = loadConfig(io.env, io.cwd);
    if (!secrets.discordToken) throw new FaqbotError('config', 'DISCORD_TOKEN is not set; put the bot token in .env (see README "Discord")');
    const rest = new REST({ ...(secrets.discordApiUrl ? { api: secrets.discordApiUrl } : {}), retries: 1 }).setToken(secrets.discordToken);
    try {
      const app = (await rest.get(Routes.currentApplication())) as APIApplication;
      const route = guild ? Routes.applicationGuildCommands(app.id, guild) : Routes.applicationCommands(app.id);
      const saved = (await rest.put(route, { body: commandData })) as unknown[];
      io.out(guild
        ? `Registered ${saved.length} commands in server ${guild}; they are available there now.`
        : `Registered ${saved.length} commands globally; Discord may take up to an hour to show them everywhere.`);
      if (endpoint !== undefined) {
        await rest.patch(Routes.currentApplication(), { body: { interactions_endpoint_url: endpoint } });
        io.out(`Discord now posts interactions to ${endpoint}; run every replica with FAQBOT_DISCORD_INTERACTIONS=http and DISCORD_PUBLIC_KEY.`);
      }
      return 0;
    } catch (error) {
      const message = describeError(error);
      if (/401|unauthorized/i.test(message)) throw new FaqbotError('config', 'Discord rejected DISCORD_TOKEN; copy the bot token again from the Developer Portal into .env');
      if (endpoint !== undefined && /interactions_endpoint_url|50035/i.test(message)) {
        throw new FaqbotError('config', `Discord refused ${endpoint} as the interactions endpoint (${message}); start the bot there with FAQBOT_DISCORD_INTERACTIONS=http and the right DISCORD_PUBLIC_KEY first: Discord checks it with a signed PING and a forged request`);
      }
      if (guild && /missing access|50001/i.test(message)) throw new FaqbotError('config', `the bot is not in server ${guild}, or was invited without the applications.commands scope; invite it with the URL in README "Discord"`);
      throw new FaqbotError('config', `could not register the commands: ${message}`);
    }
  },
};

export const discordCommand: Command = commandGroup('discord', 'Discord tools: register the bot\'s commands', [registerCommand]);

// Puts the command list (command-data.ts) on Discord, globally or in one guild (guild commands
// update instantly, handy while testing), and optionally points the application's interactions
// at the bot. A plain operation: `faqbot discord register` (cli/commands/discord/run.ts) parses
// the flags, reads the configuration and prints what this reports.
import { REST, Routes, type APIApplication } from 'discord.js';
import { describeError, FaqbotError, type Secrets } from '../../src/index.js';
import { commandData } from './command-data.js';
import { INTERACTIONS_PATH } from './interactions-path.js';

export interface RegisterOptions {
  /** One server's id: its commands update at once. Absent: the global commands. */
  readonly guild?: string | undefined;
  /** An Interactions Endpoint URL to set, for interactions over HTTP. */
  readonly endpoint?: string | undefined;
}

function isEndpoint(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      (u.protocol === 'https:' || (u.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(u.hostname))) &&
      u.pathname === INTERACTIONS_PATH
    );
  } catch {
    return false;
  }
}

/** Discord ids (snowflakes) written in decimal: 15 digits for the oldest, up to 21 in the future. */
const SNOWFLAKE_DIGITS = { min: 15, max: 21 } as const;

/** Registers the commands; `say` is told each step that succeeded. Throws FaqbotError with the fix. */
export async function registerCommands(secrets: Secrets, { guild, endpoint }: RegisterOptions, say: (line: string) => void): Promise<void> {
  if (endpoint !== undefined && !isEndpoint(endpoint)) {
    throw new FaqbotError(
      'usage',
      `--endpoint ${JSON.stringify(endpoint)} must be an https:// URL ending in ${INTERACTIONS_PATH}, where the bot answers (e.g. https://faq.example.org${INTERACTIONS_PATH})`,
    );
  }
  if (guild !== undefined && !new RegExp(`^\\d{${SNOWFLAKE_DIGITS.min},${SNOWFLAKE_DIGITS.max}}$`).test(guild)) {
    throw new FaqbotError(
      'usage',
      `--guild ${JSON.stringify(guild)} is not a server id; it is a number of ${SNOWFLAKE_DIGITS.min} to ${SNOWFLAKE_DIGITS.max} digits (enable Developer Mode, right-click the server, Copy Server ID)`,
    );
  }
  if (!secrets.discordToken) throw new FaqbotError('config', 'DISCORD_TOKEN is not set; put the bot token in .env (see README "Discord")');
  const rest = new REST({ ...(secrets.discordApiUrl ? { api: secrets.discordApiUrl } : {}), retries: 1 }).setToken(secrets.discordToken);
  try {
    const app = (await rest.get(Routes.currentApplication())) as APIApplication;
    const route = guild ? Routes.applicationGuildCommands(app.id, guild) : Routes.applicationCommands(app.id);
    const saved = (await rest.put(route, { body: commandData })) as unknown[];
    say(
      guild
        ? `Registered ${saved.length} commands in server ${guild}; they are available there now.`
        : `Registered ${saved.length} commands globally; Discord may take up to an hour to show them everywhere.`,
    );
    if (endpoint !== undefined) {
      await rest.patch(Routes.currentApplication(), { body: { interactions_endpoint_url: endpoint } });
      say(`Discord now posts interactions to ${endpoint}; run every replica with FAQBOT_DISCORD_INTERACTIONS=http and DISCORD_PUBLIC_KEY.`);
    }
  } catch (error) {
    const message = describeError(error);
    if (/401|unauthorized/i.test(message))
      throw new FaqbotError('config', 'Discord rejected DISCORD_TOKEN; copy the bot token again from the Developer Portal into .env');
    if (endpoint !== undefined && /interactions_endpoint_url|50035/i.test(message)) {
      throw new FaqbotError(
        'config',
        `Discord refused ${endpoint} as the interactions endpoint (${message}); start the bot there with FAQBOT_DISCORD_INTERACTIONS=http and the right DISCORD_PUBLIC_KEY first: Discord checks it with a signed PING and a forged request`,
      );
    }
    if (guild && /missing access|50001/i.test(message))
      throw new FaqbotError(
        'config',
        `the bot is not in server ${guild}, or was invited without the applications.commands scope; invite it with the URL in README "Discord"`,
      );
    throw new FaqbotError('config', `could not register the commands: ${message}`);
  }
}

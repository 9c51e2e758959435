// The Discord platform: logs in over the gateway with discord.js (no privileged intents), routes
// interactions and mentions to their handlers, and keeps running whatever one of them does.
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Secrets } from '../../src/config.js';
import { FaqbotError } from '../../src/errors.js';
import { describeError } from '../../src/log.js';
import { ConnectionTracker, type PlatformAdapter, type PlatformDeps, type RunningPlatform } from '../../src/platform.js';
import { handleInteraction } from './interactions.js';
import { handleMessage } from './handlers/mention.js';

/** Guilds, messages in guilds and DMs; none is privileged (MessageContent is not needed). */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

export function createClient(secrets: Secrets): Client {
  return new Client({
    intents: INTENTS,
    // DM channels are not cached until used; without this partial their messages are dropped.
    partials: [Partials.Channel],
    // A safety net under the explicit allowed_mentions every message carries.
    allowedMentions: { parse: [], repliedUser: false },
    ...(secrets.discordApiUrl ? { rest: { api: secrets.discordApiUrl } } : {}),
  });
}

export const discordAdapter: PlatformAdapter = {
  name: 'discord',
  configured: (secrets) => secrets.discordToken !== undefined,
  async start({ service, secrets, log, inFlight, onHealth }: PlatformDeps): Promise<RunningPlatform> {
    const client = createClient(secrets);
    const deps = { service, log };
    const connection = new ConnectionTracker(Date.now, onHealth);
    const track = <T>(work: Promise<T>): Promise<T> => inFlight?.track(work, 'discord') ?? work;
    // The handlers catch their own errors; these catches only make sure that nothing a
    // handler misses can become an unhandled rejection that ends the process.
    const lastResort = (error: unknown) => log.error('discord: unexpected error in an event handler', error);
    client.on(Events.InteractionCreate, (interaction) => {
      track(handleInteraction(deps, interaction)).catch(lastResort);
    });
    client.on(Events.MessageCreate, (message) => {
      if (client.isReady()) track(handleMessage(deps, client, message)).catch(lastResort);
    });
    client.on(Events.Error, (error) => log.error('discord: client error', error));
    client.on(Events.ShardError, (error) => log.warn(`discord: gateway error: ${describeError(error)}`));
    client.on(Events.ShardDisconnect, (event) => {
      connection.set('reconnecting', `gateway closed (code ${event.code})`);
      log.warn(`discord: gateway closed (code ${event.code}); reconnecting`);
    });
    client.on(Events.ShardReconnecting, () => connection.set('reconnecting', 'gateway reconnecting'));
    client.on(Events.ShardReady, () => connection.set('connected'));
    client.on(Events.ShardResume, () => {
      connection.set('connected');
      log.info('discord: gateway connection resumed');
    });

    const ready = once(client, Events.ClientReady);
    try {
      await client.login(secrets.discordToken);
    } catch (error) {
      await client.destroy();
      throw loginError(error);
    }
    await ready;
    if (!client.isReady()) throw new FaqbotError('config', 'Discord: the gateway did not become ready');
    connection.set('connected');
    log.info(`discord: logged in as ${client.user.username} (application ${client.application.id}) in ${client.guilds.cache.size} guild(s)`);
    return {
      name: 'discord',
      health: () => connection.health,
      async stop() {
        await client.destroy();
      },
    };
  },
};

function loginError(error: unknown): FaqbotError {
  const message = describeError(error);
  if (/token/i.test(message) || /401/.test(message)) {
    return new FaqbotError('config', 'Discord rejected DISCORD_TOKEN; copy the bot token again from the Developer Portal (Bot → Reset Token) into .env');
  }
  return new FaqbotError('config', `could not connect to Discord (${message}); check the network or DISCORD_API_URL`);
}

// The Discord platform: logs in over the gateway with discord.js (no privileged intents), routes
// interactions and mentions to their handlers, and keeps running whatever one of them does.
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import {
  ConnectionTracker,
  describeError,
  FaqbotError,
  type HttpRoute,
  OutageLog,
  type PlatformAdapter,
  type PlatformDeps,
  type RunningPlatform,
  type Secrets,
} from '../../src/index.js';
import { fatalCloseReason } from './close-codes.js';
import { createInteractionsEndpoint, INTERACTIONS_PATH } from './http-interactions.js';
import { publicKeyFromHex } from './verify.js';
import { handleInteraction } from './interactions.js';
import { InteractionClock, retryingRequest } from './rest-retry.js';
import { handleMessage } from './handlers/mention.js';

/** Guilds, messages in guilds and DMs; none is privileged (MessageContent only for help forums, see createClient). */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/**
 * `messageContent`: help forums are configured, whose posts do not mention the bot; reading
 * them needs the privileged Message Content intent (turned on in the Developer Portal).
 */
export function createClient(secrets: Secrets, clock = new InteractionClock(), messageContent = false): Client {
  return new Client({
    intents: messageContent ? [...INTENTS, GatewayIntentBits.MessageContent] : INTENTS,
    // DM channels are not cached until used; without this partial their messages are dropped.
    partials: [Partials.Channel],
    // A safety net under the explicit allowed_mentions every message carries.
    allowedMentions: { parse: [], repliedUser: false },
    rest: {
      ...(secrets.discordApiUrl ? { api: secrets.discordApiUrl } : {}),
      // 5xx and dropped connections are retried with backoff within each request's deadline
      // (rest-retry.ts) instead of three times at once.
      retries: 0,
      makeRequest: retryingRequest({ clock }),
    },
    // discord.js's own sharding: 'auto' asks Discord for the recommended count (needed from 2,500 servers).
    ...(secrets.discordShards === 'auto'
      ? { shards: 'auto' as const }
      : secrets.discordShards > 1
        ? { shardCount: secrets.discordShards }
        : {}),
  });
}

export const discordAdapter: PlatformAdapter = {
  name: 'discord',
  configured: (secrets) => secrets.discordToken !== undefined,
  async start({ service, secrets, log, state, fatal, signal, inFlight, onHealth }: PlatformDeps): Promise<RunningPlatform> {
    const clock = new InteractionClock();
    const client = createClient(secrets, clock, service.hasHelpChannels);
    const deps = { service, log, ...(state ? { state } : {}) };
    const connection = new ConnectionTracker(Date.now, onHealth);
    const track = <T>(work: Promise<T>): Promise<T> => inFlight?.track(work, 'discord') ?? work;
    const overHttp = secrets.discordInteractions === 'http';
    if (overHttp && !secrets.discordPublicKey) {
      throw new FaqbotError(
        'config',
        'FAQBOT_DISCORD_INTERACTIONS=http needs DISCORD_PUBLIC_KEY (the "Public Key" on the application\'s General Information page)',
      );
    }
    // Over HTTP, interactions arrive at the endpoint, and the gateway (if any) carries only messages.
    const endpoint = overHttp
      ? createInteractionsEndpoint({ client, publicKey: publicKeyFromHex(secrets.discordPublicKey!), deps, log })
      : undefined;
    const routes: HttpRoute[] = endpoint
      ? [
          {
            method: 'POST',
            path: INTERACTIONS_PATH,
            // In flight until the response is sent: shutdown waits for it like for a gateway event.
            handler: (req, res) =>
              void track(
                new Promise<void>((done) => {
                  res.once('close', () => done());
                  endpoint.handle(req, res);
                }),
              ),
          },
        ]
      : [];
    // The handlers catch their own errors; these catches only make sure that nothing a
    // handler misses can become an unhandled rejection that ends the process.
    const lastResort = (error: unknown) => log.error('discord: unexpected error in an event handler', error);
    if (!overHttp) {
      client.on(Events.InteractionCreate, (interaction) => {
        clock.arrived(interaction.id);
        track(handleInteraction(deps, interaction)).catch(lastResort);
      });
    }
    if (overHttp && !secrets.discordGateway) {
      // A stateless replica: REST calls (follow-ups, posting a picked answer) need only the token.
      client.rest.setToken(secrets.discordToken!);
      connection.set('connected');
      log.info(`discord: answering interactions over HTTP at ${INTERACTIONS_PATH}, without a gateway connection (no mentions or DMs)`);
      return {
        name: 'discord',
        routes,
        health: () => connection.health,
        async stop() {
          await client.destroy();
        },
      };
    }
    client.on(Events.MessageCreate, (message) => {
      if (client.isReady()) track(handleMessage(deps, client, message)).catch(lastResort);
    });
    client.on(Events.Error, (error) => log.error('discord: client error', error));
    client.on(Events.ShardError, (error) => log.warn(`discord: gateway error: ${describeError(error)}`));
    // discord.js emits ShardDisconnect only for close codes it will not reconnect after (a
    // revoked token, a disallowed intent): running on would leave the bot up and deaf.
    client.on(Events.ShardDisconnect, (event) => {
      const reason = fatalCloseReason(event.code);
      connection.set('failed', reason);
      if (fatal) fatal(reason);
      else log.error(`discord: ${reason}`);
    });
    // One line when the gateway goes and one when it is back, with how long and how many
    // attempts failed; discord.js retries on its own and would otherwise say nothing.
    const outage = new OutageLog(log, 'discord: gateway connection');
    client.on(Events.ShardReconnecting, () => {
      connection.set('reconnecting', 'gateway reconnecting');
      if (outage.down) outage.failedAttempt();
      else outage.lost('the connection closed');
    });
    client.on(Events.ShardReady, () => {
      connection.set('connected');
      outage.restored('back with a new session');
    });
    client.on(Events.ShardResume, () => {
      connection.set('connected');
      outage.restored('resumed');
    });

    // Start-up took too long (see startWithin): let go of the gateway and the REST calls.
    signal?.addEventListener('abort', () => void client.destroy(), { once: true });
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
    log.info(
      `discord: logged in as ${client.user.username} (application ${client.application.id}) in ${client.guilds.cache.size} guild(s)`,
    );
    if (overHttp) log.info(`discord: answering interactions over HTTP at ${INTERACTIONS_PATH}; the gateway carries mentions and DMs`);
    return {
      name: 'discord',
      ...(overHttp ? { routes } : {}),
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
    return new FaqbotError(
      'config',
      'Discord rejected DISCORD_TOKEN; copy the bot token again from the Developer Portal (Bot → Reset Token) into .env',
    );
  }
  return new FaqbotError('config', `could not connect to Discord (${message}); check the network or DISCORD_API_URL`);
}

// The secrets and the deployment's switches that come from the environment: tokens, keys,
// where the interactions arrive, the shared engines. Read once by the config loader.
import { FaqbotError } from './errors.js';
import { nonEmpty, portNumber, type Env } from './env.js';

export interface Secrets {
  discordToken?: string;
  /** The form of discord.js's `rest.api` option, e.g. https://discord.com/api. */
  discordApiUrl?: string;
  /** The application's Ed25519 public key (hex), to verify interactions posted over HTTP. */
  discordPublicKey?: string;
  /** Where interactions arrive: over the gateway (default) or posted to /discord/interactions. */
  discordInteractions: 'gateway' | 'http';
  /** Whether to hold a gateway connection (mentions and DMs); off makes a stateless HTTP-only replica. */
  discordGateway: boolean;
  /** Gateway shards: `auto` asks Discord how many the bot needs (one is enough below 2,500 servers). */
  discordShards: 'auto' | number;
  slackBotToken?: string;
  slackAppToken?: string;
  slackSigningSecret?: string;
  /** The form of the Slack WebClient's `slackApiUrl`, e.g. https://slack.com/api/. */
  slackApiUrl?: string;
  /** Distribution to many workspaces by OAuth instead of one bot token: all three or none. */
  slackOAuth?: SlackOAuthSecrets;
  /** HTTP port for Slack's HTTP mode. */
  port: number;
  /** Salt for hashing user ids in the insights store. */
  insightsSalt?: string;
  /** Redis for state shared by replicas (cooldowns, rate limits, seen events); may hold a password. */
  redisUrl?: string;
  /** Prepended to every Redis key (default `faqbot:`), so several bots can share one Redis. */
  redisPrefix: string;
  /** `postgres://…`: insights in PostgreSQL instead of the SQLite file; may hold a password. */
  databaseUrl?: string;
}

/** "Basic Information" → App Credentials of the Slack app, and a secret of the operator's own for the OAuth state. */
export interface SlackOAuthSecrets {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs the `state` of each install, so a redirect is only accepted from the browser that started it. */
  readonly stateSecret: string;
}

/** The variables of Slack's OAuth distribution, in one place for the checks and the messages. */
export const SLACK_OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

export function readSecrets(env: Env): Secrets {
  const port = portNumber('PORT', nonEmpty(env.PORT) ?? '3000');
  return {
    discordToken: nonEmpty(env.DISCORD_TOKEN),
    discordApiUrl: nonEmpty(env.DISCORD_API_URL),
    discordPublicKey: nonEmpty(env.DISCORD_PUBLIC_KEY),
    discordInteractions: choice('FAQBOT_DISCORD_INTERACTIONS', env.FAQBOT_DISCORD_INTERACTIONS, ['gateway', 'http'] as const, 'gateway'),
    discordGateway: choice('FAQBOT_DISCORD_GATEWAY', env.FAQBOT_DISCORD_GATEWAY, ['on', 'off'] as const, 'on') === 'on',
    discordShards: shards(env.FAQBOT_DISCORD_SHARDS),
    slackBotToken: nonEmpty(env.SLACK_BOT_TOKEN),
    slackAppToken: nonEmpty(env.SLACK_APP_TOKEN),
    slackSigningSecret: nonEmpty(env.SLACK_SIGNING_SECRET),
    slackApiUrl: nonEmpty(env.SLACK_API_URL),
    ...slackOAuth(env),
    port,
    insightsSalt: nonEmpty(env.FAQBOT_SALT),
    redisUrl: nonEmpty(env.FAQBOT_REDIS_URL),
    redisPrefix: nonEmpty(env.FAQBOT_REDIS_PREFIX) ?? 'faqbot:',
    databaseUrl: databaseUrl(env.FAQBOT_DATABASE_URL),
  };
}

/**
 * Slack's OAuth distribution, when its three variables are set. Some of them alone, or with a
 * single bot token or Socket Mode, is a mistake to report before anything starts.
 */
function slackOAuth(env: Env): { slackOAuth?: SlackOAuthSecrets } {
  const [clientId, clientSecret, stateSecret] = SLACK_OAUTH_VARIABLES.map((name) => nonEmpty(env[name]));
  const set = SLACK_OAUTH_VARIABLES.filter((name) => nonEmpty(env[name]) !== undefined);
  if (set.length === 0) return {};
  if (set.length < SLACK_OAUTH_VARIABLES.length) {
    const missing = SLACK_OAUTH_VARIABLES.filter((name) => !set.includes(name));
    throw new FaqbotError(
      'config',
      `${set.join(' and ')} ${set.length === 1 ? 'is' : 'are'} set but ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not: installing the Slack app to many workspaces by OAuth needs all of ${SLACK_OAUTH_VARIABLES.join(', ')} (see docs/slack.md "Many workspaces"); unset them all to run on one SLACK_BOT_TOKEN`,
    );
  }
  if (nonEmpty(env.SLACK_BOT_TOKEN)) {
    throw new FaqbotError(
      'config',
      `SLACK_BOT_TOKEN and ${SLACK_OAUTH_VARIABLES.join(', ')} are all set: either one workspace on one bot token, or OAuth installs to many workspaces, each with its own token kept in the database; unset SLACK_BOT_TOKEN for OAuth, or the OAuth variables for one workspace`,
    );
  }
  if (nonEmpty(env.SLACK_APP_TOKEN)) {
    throw new FaqbotError(
      'config',
      'Slack OAuth installs are served over HTTP (Slack redirects the browser to the bot\'s public address): unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET and PORT (see docs/slack.md "Many workspaces")',
    );
  }
  return { slackOAuth: { clientId: clientId!, clientSecret: clientSecret!, stateSecret: stateSecret! } };
}

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  const v = nonEmpty(value)?.toLowerCase();
  if (v === undefined) return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new FaqbotError(
    'config',
    `${name}=${value} is not one of ${allowed.join(', ')}; set it to one of them or unset it (default ${fallback})`,
  );
}

function shards(value: string | undefined): 'auto' | number {
  const v = nonEmpty(value);
  if (v === undefined) return 1;
  if (v.toLowerCase() === 'auto') return 'auto';
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new FaqbotError('config', `FAQBOT_DISCORD_SHARDS=${v} must be "auto" or a whole number of at least 1`);
  return n;
}

/** Only PostgreSQL is known; anything else is a typo to report before the bot starts. */
function databaseUrl(value: string | undefined): string | undefined {
  const url = nonEmpty(value);
  if (url && !/^postgres(ql)?:\/\//i.test(url)) {
    throw new FaqbotError(
      'config',
      'FAQBOT_DATABASE_URL must start with postgres:// (or postgresql://); unset it to keep insights in the SQLite file',
    );
  }
  return url;
}

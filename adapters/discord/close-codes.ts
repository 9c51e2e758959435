// Gateway close codes after which discord.js will not reconnect (it then emits ShardDisconnect),
// each with what happened and what to do, for the log line and the exit message.
import { GatewayCloseCodes } from 'discord.js';

const ADVICE: Partial<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]:
    'DISCORD_TOKEN was refused (reset or revoked in the Developer Portal); copy the bot token again (Bot → Reset Token) into .env and restart',
  [GatewayCloseCodes.DisallowedIntents]:
    "the application may not use one of the gateway intents faqbot asks for (Guilds, Guild Messages, Direct Messages, and Message Content when a channel has `help: true`); check the Bot page of the Developer Portal (Privileged Gateway Intents: turn Message Content on for help forums) and the application's verification, then restart",
  [GatewayCloseCodes.InvalidIntents]: 'Discord did not accept the intents value; update faqbot (or discord.js) and restart',
  [GatewayCloseCodes.InvalidAPIVersion]: 'Discord no longer accepts this gateway version; update faqbot (or discord.js) and restart',
  [GatewayCloseCodes.ShardingRequired]:
    'the bot is in too many servers for one connection; faqbot runs one shard, so it cannot serve this many servers as it is',
  [GatewayCloseCodes.InvalidShard]: 'Discord refused the shard faqbot asked for; restart, and report it if it happens again',
};

/** The sentence for a final close: what happened, then what to do. */
export function fatalCloseReason(code: number): string {
  const name = GatewayCloseCodes[code] ?? 'unrecoverable';
  const advice =
    ADVICE[code] ?? 'Discord will not take a reconnect after it; restart the bot, and check the Developer Portal if it happens again';
  return `Discord closed the gateway with code ${code} (${name}) and faqbot cannot reconnect: ${advice}`;
}

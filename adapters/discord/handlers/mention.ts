// Messages that mention the bot, and direct messages to it. The content of such messages is
// delivered without the privileged MessageContent intent. Discord has no private replies to a
// message, so a private Reply goes to the asker's DMs (in place when the DM is closed).
import { ChannelType, type Client, type Message } from 'discord.js';
import { APOLOGY, type Logger, stateKeys, withoutInvisible } from '../../../src/index.js';
import { channelParents, messageQuery, PLATFORM } from '../people.js';
import { notice, renderReply } from '../render.js';
import { isPermissionError, messageOptions, permissionExplanation } from '../send.js';
import type { HandlerDeps } from './deps.js';

/** Gateway events are delivered within seconds; a message id claimed for 10 minutes is answered once. */
const SEEN_MESSAGE_MS = 10 * 60_000;

export async function handleMessage(deps: HandlerDeps, client: Client<true>, message: Message): Promise<void> {
  if (message.author.bot || message.system) return;
  const inDm = message.channel.type === ChannelType.DM;
  const botMention = new RegExp(`<@!?${client.user.id}>`, 'g');
  // A forum post's first message has the id of its thread; replies in it never do.
  if (!inDm && message.channel.isThread() && message.id === message.channelId && (await answerHelpPost(deps, message))) return;
  // Only an explicit mention counts: a reply that pings the bot is usually "thanks", not a question.
  if (!inDm && !botMention.test(message.content)) return;
  const parents = channelParents(message.channel);
  // Where mentions are turned off (`channels:` in the config), the bot stays silent.
  if (
    !inDm &&
    deps.service.channelRule({
      channelId: message.channelId,
      channelParents: parents,
      ...(message.guildId ? { communityId: message.guildId } : {}),
    }).mention === 'ignore'
  )
    return;
  // Replicas that each hold a gateway connection all receive the message: one answers it.
  if (deps.state && !(await deps.state.claim(stateKeys.event(PLATFORM, message.id), SEEN_MESSAGE_MS, Date.now())).claimed) return;
  // Invisible characters go before spaces are collapsed: \s counts a BOM as a space.
  const text = withoutInvisible(message.content).replace(botMention, ' ').replace(/\s+/g, ' ').trim();
  let askId: string | undefined;
  try {
    const reply = await deps.service.ask(messageQuery(message, text, inDm ? 'direct-message' : 'mention'));
    askId = reply.askId;
    const msg = renderReply(reply, { origin: 'mention', inGuild: !inDm, replyTo: message.author.id });
    if (!msg.ephemeral || inDm) {
      await message.reply(messageOptions(msg, message.id));
      return;
    }
    await sendPrivately(message, messageOptions(msg), deps.log);
  } catch (error) {
    if (askId) await deps.service.notDelivered(askId);
    if (isPermissionError(error)) {
      deps.log.warn(`discord: missing permission to reply in channel ${message.channelId}`);
      await sendPrivately(message, messageOptions(notice(permissionExplanation(message.channelId))), deps.log, false);
      return;
    }
    deps.log.error(`discord: answering a mention in channel ${message.channelId} failed`, error);
    await message.reply(messageOptions(notice(APOLOGY), message.id)).catch(() => undefined);
  }
}

/**
 * A new post in a help forum (`help: true`): answered in the post only when the service is
 * sure beyond its stricter bar, once per thread; true when answered. Else the post is left to
 * people (or to the mention path, when it also mentions the bot).
 */
async function answerHelpPost(deps: HandlerDeps, message: Message): Promise<boolean> {
  const parents = channelParents(message.channel);
  if (!deps.service.channelRule({ channelId: message.channelId, channelParents: parents }).help) return false;
  // Only the post's words: its title (the thread's name) and its first message.
  const title = message.channel.isThread() ? message.channel.name : '';
  const text = withoutInvisible(`${title}\n${message.content}`).replace(/\s+/g, ' ').trim();
  const reply = await deps.service.helpPost(messageQuery(message, text, 'help-post'));
  if (!reply) return false;
  try {
    await message.reply(messageOptions(renderReply(reply, { origin: 'mention', inGuild: true }), message.id));
  } catch (error) {
    await deps.service.notDelivered(reply.askId);
    deps.log.warn(
      `discord: could not answer the help post in ${message.channelId}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return true;
}

async function sendPrivately(
  message: Message,
  options: ReturnType<typeof messageOptions>,
  log: Logger,
  fallBackInPlace = true,
): Promise<void> {
  try {
    await message.author.send(options);
  } catch (error) {
    log.warn(`discord: could not DM member ${message.author.id}: ${error instanceof Error ? error.message : String(error)}`);
    if (fallBackInPlace) await message.reply(options).catch(() => undefined);
  }
}

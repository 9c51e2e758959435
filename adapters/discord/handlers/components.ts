// Buttons and menus on the bot's messages: Post in channel, Helpful / Not helpful, related
// topics, suggestion menus, and the "Answer with FAQ" pick. What to do is in the custom_id.
import {
  DiscordAPIError,
  MessageFlags,
  RESTJSONErrorCodes,
  Routes,
  type ButtonInteraction,
  type MessageComponentInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { type AskedVia, type Person, phrasesFor } from '../../../src/index.js';
import { decodeCustomId, decodeDismissArg, resolveEntryRef } from '../custom-id.js';
import { askerOf, community, interactionQuery, localesOf, PLATFORM } from '../people.js';
import { notice, renderReply, type DiscordMessage } from '../render.js';
import { editOptions, isPermissionError, replyOptions } from '../send.js';
import { onAnswerWithFaqPick } from './answer-with-faq.js';
import { handoffDoneText, postHandoff } from '../handoff.js';
import type { HandlerDeps } from './deps.js';

export async function onButton(deps: HandlerDeps, interaction: ButtonInteraction): Promise<void> {
  const id = decodeCustomId(interaction.customId);
  if (!id) return stale(interaction);
  if (id.action === 'd') return dismiss(deps, interaction, id.key, id.arg);
  if (id.action === 'h') return askHuman(deps, interaction, id.key, id.arg);
  const entry = resolveEntryRef(deps.service.knowledgeFor(interaction.guildId ?? undefined), id.arg);
  if (!entry) return gone(interaction);
  switch (id.action) {
    case 'y':
    case 'n':
      deps.service.feedback({
        askId: id.key,
        entryId: entry.id,
        helpful: id.action === 'y',
        by: askerOf(interaction),
        platform: PLATFORM,
        ...community(interaction),
      });
      {
        const say = phrasesFor(
          deps.service.languageOf({ ...community(interaction), channelId: interaction.channelId, ...localesOf(interaction) }),
        );
        await interaction.reply(replyOptions(notice(id.action === 'y' ? say.thanksHelpful : say.thanksNotHelpful)));
      }
      return;
    case 'p':
      return open(deps, interaction, id.key, 'command', entry.id, undefined, true);
    case 'o':
      return open(deps, interaction, id.key, 'command', entry.id);
    case 'm':
      return open(deps, interaction, id.key, 'mention', entry.id);
    default:
      return stale(interaction);
  }
}

export async function onMenu(deps: HandlerDeps, interaction: StringSelectMenuInteraction): Promise<void> {
  const id = decodeCustomId(interaction.customId);
  if (!id || (id.action !== 's' && id.action !== 'w')) return stale(interaction);
  const entry = resolveEntryRef(deps.service.knowledgeFor(interaction.guildId ?? undefined), interaction.values[0] ?? '');
  if (!entry) return gone(interaction);
  if (id.action === 's') return open(deps, interaction, id.key, 'command', entry.id, id.arg === '-' ? undefined : { id: id.arg });
  return onAnswerWithFaqPick(deps, interaction, id.key, { id: id.arg }, entry.id);
}

/**
 * Answers with a chosen entry; a private answer replaces the private message it came from.
 * `askId` (from the custom_id) links the pick to the wording that was asked, for insights.
 */
async function open(
  deps: HandlerDeps,
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  askId: string,
  via: AskedVia,
  entryId: string,
  target?: Person,
  share = false,
): Promise<void> {
  const reply = await deps.service.choose(interactionQuery(interaction, via, '', target), entryId, { share, fromAskId: askId });
  const origin = via === 'mention' ? 'mention' : 'command';
  const msg = renderReply(reply, { origin, inGuild: interaction.inGuild(), ...(target ? { target } : {}) });
  // A notice (cooldown, rate limit) comes as a new private message: the answer it refers to stays.
  try {
    await send(interaction, msg, reply.kind !== 'held');
  } catch (error) {
    // As in /faq: a refused post keeps no cooldown; interactions.ts logs and apologises.
    await deps.service.notDelivered(reply.askId);
    throw error;
  }
}

/**
 * "Dismiss": the asker, the member it was for, or a moderator (Manage Messages in this channel)
 * deletes the answer; anyone else is told so privately. The bot deletes its own message, which
 * needs no permission. An entry removed from the base since still lets its message go.
 */
async function dismiss(deps: HandlerDeps, interaction: ButtonInteraction, askId: string, arg: string): Promise<void> {
  const parsed = decodeDismissArg(arg);
  if (!parsed) return stale(interaction);
  const entryId = resolveEntryRef(deps.service.knowledgeFor(interaction.guildId ?? undefined), parsed.entryRef)?.id ?? parsed.entryRef;
  const decision = deps.service.dismiss({
    askId,
    entryId,
    platform: PLATFORM,
    dismissers: parsed.dismissers,
    by: askerOf(interaction),
    ...community(interaction),
    channelId: interaction.channelId,
    ...localesOf(interaction),
  });
  if (!decision.allowed) {
    await interaction.reply(replyOptions(notice(decision.message)));
    return;
  }
  await interaction.deferUpdate();
  try {
    await interaction.client.rest.delete(Routes.channelMessage(interaction.message.channelId, interaction.message.id));
  } catch (error) {
    // Someone else removed it first: what they wanted is done.
    if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage)) throw error;
  }
}

/**
 * "Ask a human": the service allows it (once per ask, rate-limited per member and channel) and
 * names the helpers' role; the member is told privately where the helpers were asked, or why not.
 */
async function askHuman(deps: HandlerDeps, interaction: ButtonInteraction, askId: string, arg: string): Promise<void> {
  if (!interaction.inGuild()) return stale(interaction);
  const entryId = arg === '-' ? undefined : resolveEntryRef(deps.service.knowledgeFor(interaction.guildId ?? undefined), arg)?.id;
  const decision = await deps.service.handoff({
    askId,
    platform: PLATFORM,
    communityId: interaction.guildId,
    channelId: interaction.channelId,
    ...(entryId ? { entryId } : {}),
    by: askerOf(interaction),
    ...localesOf(interaction),
  });
  if (!decision.allowed) {
    await interaction.reply(replyOptions(notice(decision.message)));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let threadId: string;
  try {
    threadId = await postHandoff(interaction, decision.helpers, decision.question, deps.log);
  } catch (error) {
    await deps.service.handoffNotDelivered(askId);
    const text = isPermissionError(error)
      ? 'I could not ask the helpers: I need the **Create Public Threads** and **Send Messages in Threads** permissions here. Ask a server admin to grant them.'
      : 'Sorry, I could not ask the helpers just now; please try again in a moment.';
    deps.log.warn(
      `discord: hand-off in channel ${interaction.channelId} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    await interaction.editReply(editOptions(notice(text)));
    return;
  }
  const say = phrasesFor(
    deps.service.languageOf({ communityId: interaction.guildId, channelId: interaction.channelId, ...localesOf(interaction) }),
  );
  await interaction.editReply(editOptions(notice(handoffDoneText(threadId, say))));
}

async function send(interaction: MessageComponentInteraction, msg: DiscordMessage, mayReplace: boolean): Promise<void> {
  const fromPrivate = interaction.message.flags.has(MessageFlags.Ephemeral);
  if (mayReplace && msg.ephemeral && fromPrivate) await interaction.update(editOptions(msg));
  else await interaction.reply(replyOptions(msg));
}

async function stale(interaction: MessageComponentInteraction): Promise<void> {
  await interaction.reply(replyOptions(notice('This button is from an older version of the bot. Ask again with `/faq`.')));
}

async function gone(interaction: MessageComponentInteraction): Promise<void> {
  await interaction.reply(replyOptions(notice('That FAQ entry no longer exists. Ask again with `/faq` to find its successor.')));
}

// The "Answer with FAQ" message menu: the invoker privately picks one of the best candidates
// for a member's message, and the answer is posted as a reply to it, pinging only its author.
import type { MessageContextMenuCommandInteraction, StringSelectMenuInteraction } from 'discord.js';
import { type Person, shorten } from '../../../src/index.js';
import { interactionQuery, personOf } from '../people.js';
import { notice, renderReply, type RenderContext } from '../render.js';
import { editOptions, isPermissionError, messageOptions, permissionExplanation, replyOptions } from '../send.js';
import type { HandlerDeps } from './deps.js';

export async function onAnswerWithFaq(deps: HandlerDeps, interaction: MessageContextMenuCommandInteraction): Promise<void> {
  const message = interaction.targetMessage;
  if (message.author.bot) {
    await interaction.reply(
      replyOptions(notice('That message is from a bot. Use **Answer with FAQ** on the message of the member who asked.')),
    );
    return;
  }
  const text = message.content.trim();
  if (!text) {
    await interaction.reply(
      replyOptions(
        notice(
          'That message has no text I can read (only attachments or embeds). Use `/faq` with `user:` to send an answer to its author.',
        ),
      ),
    );
    return;
  }
  const author = personOf(message.author, message.member);
  const reply = await deps.service.ask(interactionQuery(interaction, 'message-menu', text, author));
  const ctx: RenderContext = { origin: 'message-menu', inGuild: interaction.inGuild(), message: { id: message.id, authorId: author.id } };
  await interaction.reply(replyOptions(renderReply(reply, ctx)));
}

/** The pick: post the answer as a reply to the member's message. */
export async function onAnswerWithFaqPick(
  deps: HandlerDeps,
  interaction: StringSelectMenuInteraction,
  messageId: string,
  author: Person,
  entryId: string,
): Promise<void> {
  // Posting to the channel is a second request: acknowledge first, inside Discord's 3 s.
  await interaction.deferUpdate();
  const reply = await deps.service.choose(interactionQuery(interaction, 'message-menu', '', author), entryId);
  if (reply.kind !== 'answer' || reply.visibility !== 'public') {
    await interaction.editReply(editOptions(renderReply(reply, { origin: 'command', inGuild: interaction.inGuild() })));
    return;
  }
  const msg = renderReply(reply, { origin: 'message-menu', inGuild: interaction.inGuild(), replyTo: author.id });
  // Over HTTP interactions no guild is cached: the channel is fetched, and may belong to an uncached guild.
  const channel =
    interaction.channel ??
    (interaction.channelId ? await interaction.client.channels.fetch(interaction.channelId, { allowUnknownGuild: true }) : null);
  if (!channel || !channel.isSendable()) {
    await interaction.editReply(editOptions(notice("I can't post in this channel. Use `/faq` with `user:` instead.")));
    return;
  }
  try {
    await channel.send(messageOptions(msg, messageId));
  } catch (error) {
    // Nobody saw it: trying again once the permission is fixed must not meet a cooldown.
    await deps.service.notDelivered(reply.askId);
    if (!isPermissionError(error)) throw error;
    deps.log.warn(`discord: missing permission to post in channel ${channel.id}`);
    await interaction.editReply(editOptions(notice(permissionExplanation(channel.id))));
    return;
  }
  await interaction.editReply(
    editOptions(notice(`Posted "${shorten(reply.entry.question, 150)}" as a reply to <@${author.id}>'s message.`)),
  );
}

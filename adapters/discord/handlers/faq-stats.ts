// `/faq-stats`: the week's figures, for moderators only (the service checks), always private.
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { askerOf, community, localesOf } from '../people.js';
import { renderReply } from '../render.js';
import { editOptions } from '../send.js';
import type { HandlerDeps } from './deps.js';

export async function onFaqStats(deps: HandlerDeps, interaction: ChatInputCommandInteraction): Promise<void> {
  // Summing up weeks of records can take longer than Discord's 3 s: acknowledge first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const reply = await deps.service.stats({
    asker: askerOf(interaction),
    ...community(interaction),
    channelId: interaction.channelId,
    ...localesOf(interaction),
  });
  await interaction.editReply(editOptions(renderReply(reply, { origin: 'command', inGuild: interaction.inGuild() })));
}

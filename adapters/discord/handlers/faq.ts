// `/faq query:<text> [user:<member>]`: privately, or aimed at a member, as the service decides.
import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionQuery, personOf } from '../people.js';
import { renderReply, type RenderContext } from '../render.js';
import { replyOptions } from '../send.js';
import type { HandlerDeps } from './deps.js';

export async function onFaq(deps: HandlerDeps, interaction: ChatInputCommandInteraction): Promise<void> {
  const text = interaction.options.getString('query') ?? '';
  const user = interaction.options.getUser('user');
  const target = user ? personOf(user, interaction.options.getMember('user') as { nick?: string | null } | null) : undefined;
  const reply = await deps.service.ask(interactionQuery(interaction, 'command', text, target));
  const ctx: RenderContext = { origin: 'command', inGuild: interaction.inGuild(), ...(target ? { target } : {}) };
  try {
    await interaction.reply(replyOptions(renderReply(reply, ctx)));
  } catch (error) {
    // Nobody saw it: asking again once the cause is fixed must not meet a cooldown. The edge
    // (interactions.ts) logs the error and tells the member.
    await deps.service.notDelivered(reply.askId);
    throw error;
  }
}

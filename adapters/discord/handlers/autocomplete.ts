// `/faq query:` as people type: the matcher's autocomplete, within Discord's limits.
import type { AutocompleteInteraction } from 'discord.js';
import { shorten } from '../../../src/index.js';
import { LIMITS } from '../limits.js';
import { askerOf, channelParents, community, localesOf } from '../people.js';
import type { HandlerDeps } from './deps.js';

export async function onAutocomplete(deps: HandlerDeps, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  // Where `/faq` is turned off, it suggests nothing either: the command would only say so.
  const parents = channelParents(interaction.channel);
  const denied =
    interaction.inGuild() &&
    deps.service.channelRule({ channelId: interaction.channelId, channelParents: parents, ...community(interaction) }).slash === 'deny';
  const place = {
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    channelParents: parents,
    ...(interaction.inGuild() ? {} : { direct: true }),
    ...localesOf(interaction),
  };
  const choices =
    focused.name === 'query' && !denied
      ? deps.service.autocomplete(String(focused.value), LIMITS.choices, interaction.guildId ?? undefined, askerOf(interaction), place)
      : [];
  // The value is what /faq receives: the entry id matches exactly; a very long id falls back to the question.
  await interaction.respond(
    choices.map((c) => ({
      name: shorten(c.label, LIMITS.choiceName),
      value: c.entryId.length <= LIMITS.choiceValue ? c.entryId : shorten(c.label, LIMITS.choiceValue),
    })),
  );
}

// Slash commands, autocomplete, the message menu, buttons and select menus. Each handler turns
// the interaction into a Query, calls the service, and sends the rendered Reply. One catch at
// the edge: an error is logged and the member sees a short private apology.
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageComponentInteraction,
  type MessageContextMenuCommandInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { AskedVia, Person } from '../../src/domain.js';
import type { Logger } from '../../src/log.js';
import type { AnswerService } from '../../src/service/answer-service.js';
import { FAQ_COMMAND, MESSAGE_MENU, STATS_COMMAND } from './command-data.js';
import { decodeCustomId, resolveEntryRef } from './custom-id.js';
import { LIMITS } from './limits.js';
import { askerOf, interactionQuery, personOf, PLATFORM } from './people.js';
import { notice, renderReply, type DiscordMessage, type RenderContext } from './render.js';
import { shorten } from './safe-text.js';
import { APOLOGY, editOptions, isPermissionError, messageOptions, permissionExplanation, replyOptions } from './send.js';

export interface HandlerDeps {
  readonly service: AnswerService;
  readonly log: Logger;
}

export async function handleInteraction(deps: HandlerDeps, interaction: Interaction): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await autocomplete(deps, interaction);
    else if (interaction.isChatInputCommand()) await chatCommand(deps, interaction);
    else if (interaction.isMessageContextMenuCommand()) await messageMenu(deps, interaction);
    else if (interaction.isButton()) await buttonClick(deps, interaction);
    else if (interaction.isStringSelectMenu()) await menuPick(deps, interaction);
  } catch (error) {
    deps.log.error(`discord: interaction ${describe(interaction)} failed`, error);
    await apologise(interaction, isPermissionError(error) && interaction.channelId ? permissionExplanation(interaction.channelId) : APOLOGY, deps.log);
  }
}

async function apologise(interaction: Interaction, text: string, log: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isRepliable()) {
      const msg = replyOptions(notice(text));
      if (interaction.deferred || interaction.replied) await interaction.followUp(msg);
      else await interaction.reply(msg);
    }
  } catch (error) {
    log.error('discord: could not send the apology either', error);
  }
}

function describe(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return `/${interaction.commandName}`;
  if (interaction.isMessageComponent()) return `component ${interaction.customId}`;
  return `type ${interaction.type}`;
}

async function autocomplete(deps: HandlerDeps, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const choices = focused.name === 'query' ? deps.service.autocomplete(String(focused.value)) : [];
  // The value is what /faq receives: the entry id matches exactly; a very long id falls back to the question.
  await interaction.respond(choices.slice(0, LIMITS.choices).map((c) => ({
    name: shorten(c.label, LIMITS.choiceName),
    value: c.entryId.length <= LIMITS.choiceValue ? c.entryId : shorten(c.label, LIMITS.choiceValue),
  })));
}

async function chatCommand(deps: HandlerDeps, interaction: ChatInputCommandInteraction): Promise<void> {
  if (interaction.commandName === STATS_COMMAND) {
    // Summing up weeks of records can take longer than Discord's 3 s: acknowledge first.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const reply = deps.service.stats({ asker: askerOf(interaction) });
    await interaction.editReply(editOptions(renderReply(reply, { origin: 'command', inGuild: interaction.inGuild() })));
    return;
  }
  if (interaction.commandName !== FAQ_COMMAND) {
    await interaction.reply(replyOptions(notice(`I don't know the command /${interaction.commandName}; an operator may need to run \`faqbot discord register\` again.`)));
    return;
  }
  const text = interaction.options.getString('query') ?? '';
  const user = interaction.options.getUser('user');
  const target = user ? personOf(user, interaction.options.getMember('user') as { nick?: string | null } | null) : undefined;
  const reply = deps.service.ask(interactionQuery(interaction, 'command', text, target));
  const ctx: RenderContext = { origin: 'command', inGuild: interaction.inGuild(), ...(target ? { target } : {}) };
  await interaction.reply(replyOptions(renderReply(reply, ctx)));
}

async function messageMenu(deps: HandlerDeps, interaction: MessageContextMenuCommandInteraction): Promise<void> {
  if (interaction.commandName !== MESSAGE_MENU) return;
  const message = interaction.targetMessage;
  if (message.author.bot) {
    await interaction.reply(replyOptions(notice('That message is from a bot. Use **Answer with FAQ** on the message of the member who asked.')));
    return;
  }
  const text = message.content.trim();
  if (!text) {
    await interaction.reply(replyOptions(notice('That message has no text I can read (only attachments or embeds). Use `/faq` with `user:` to send an answer to its author.')));
    return;
  }
  const author = personOf(message.author, message.member);
  const reply = deps.service.ask(interactionQuery(interaction, 'message-menu', text, author));
  const ctx: RenderContext = { origin: 'message-menu', inGuild: interaction.inGuild(), message: { id: message.id, authorId: author.id } };
  await interaction.reply(replyOptions(renderReply(reply, ctx)));
}

async function buttonClick(deps: HandlerDeps, interaction: ButtonInteraction): Promise<void> {
  const id = decodeCustomId(interaction.customId);
  if (!id) return stale(interaction);
  const entry = resolveEntryRef(deps.service.knowledge, id.arg);
  if (!entry) return gone(interaction);
  switch (id.action) {
    case 'y':
    case 'n':
      deps.service.feedback({ askId: id.key, entryId: entry.id, helpful: id.action === 'y', by: askerOf(interaction), platform: PLATFORM });
      await interaction.reply(replyOptions(notice(id.action === 'y' ? 'Thanks! Glad it helped.' : 'Thanks for telling us; the maintainers will see that this answer did not help.')));
      return;
    case 'p':
      return open(deps, interaction, 'command', entry.id, undefined, true);
    case 'o':
      return open(deps, interaction, 'command', entry.id);
    case 'm':
      return open(deps, interaction, 'mention', entry.id);
    default:
      return stale(interaction);
  }
}

async function menuPick(deps: HandlerDeps, interaction: StringSelectMenuInteraction): Promise<void> {
  const id = decodeCustomId(interaction.customId);
  if (!id || (id.action !== 's' && id.action !== 'w')) return stale(interaction);
  const entry = resolveEntryRef(deps.service.knowledge, interaction.values[0] ?? '');
  if (!entry) return gone(interaction);
  if (id.action === 's') return open(deps, interaction, 'command', entry.id, id.arg === '-' ? undefined : { id: id.arg });
  return answerMessage(deps, interaction, id.key, { id: id.arg }, entry.id);
}

/** Answers with a chosen entry; a private answer replaces the private message it came from. */
async function open(deps: HandlerDeps, interaction: ButtonInteraction | StringSelectMenuInteraction, via: AskedVia, entryId: string, target?: Person, share = false): Promise<void> {
  const reply = deps.service.choose(interactionQuery(interaction, via, '', target), entryId, { share });
  const origin = via === 'mention' ? 'mention' : 'command';
  const msg = renderReply(reply, { origin, inGuild: interaction.inGuild(), ...(target ? { target } : {}) });
  // A notice (cooldown, rate limit) comes as a new private message: the answer it refers to stays.
  await sendFromComponent(interaction, msg, reply.kind !== 'held');
}

async function sendFromComponent(interaction: MessageComponentInteraction, msg: DiscordMessage, mayReplace: boolean): Promise<void> {
  const fromPrivate = interaction.message.flags.has(MessageFlags.Ephemeral);
  if (mayReplace && msg.ephemeral && fromPrivate) await interaction.update(editOptions(msg));
  else await interaction.reply(replyOptions(msg));
}

/** "Answer with FAQ" pick: post the answer as a reply to the member's message, pinging only them. */
async function answerMessage(deps: HandlerDeps, interaction: StringSelectMenuInteraction, messageId: string, author: Person, entryId: string): Promise<void> {
  // Posting to the channel is a second request: acknowledge first, inside Discord's 3 s.
  await interaction.deferUpdate();
  const reply = deps.service.choose(interactionQuery(interaction, 'message-menu', '', author), entryId);
  if (reply.kind !== 'answer' || reply.visibility !== 'public') {
    await interaction.editReply(editOptions(renderReply(reply, { origin: 'command', inGuild: interaction.inGuild() })));
    return;
  }
  const msg = renderReply(reply, { origin: 'message-menu', inGuild: interaction.inGuild(), replyTo: author.id });
  const channel = interaction.channel ?? (interaction.channelId ? await interaction.client.channels.fetch(interaction.channelId) : null);
  if (!channel || !channel.isSendable()) {
    await interaction.editReply(editOptions(notice('I can\'t post in this channel. Use `/faq` with `user:` instead.')));
    return;
  }
  try {
    await channel.send(messageOptions(msg, messageId));
  } catch (error) {
    if (!isPermissionError(error)) throw error;
    deps.log.warn(`discord: missing permission to post in channel ${channel.id}`);
    await interaction.editReply(editOptions(notice(permissionExplanation(channel.id))));
    return;
  }
  await interaction.editReply(editOptions(notice(`Posted "${shorten(reply.entry.question, 150)}" as a reply to <@${author.id}>'s message.`)));
}

async function stale(interaction: MessageComponentInteraction): Promise<void> {
  await interaction.reply(replyOptions(notice('This button is from an older version of the bot. Ask again with `/faq`.')));
}

async function gone(interaction: MessageComponentInteraction): Promise<void> {
  await interaction.reply(replyOptions(notice('That FAQ entry no longer exists. Ask again with `/faq` to find its successor.')));
}

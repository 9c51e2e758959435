// Routes every interaction to its handler, and is the one catch at the edge: an error is
// logged and the member sees a short private apology (or why a permission is missing).
import type { Interaction } from 'discord.js';
import { APOLOGY, type Logger } from '../../src/index.js';
import { FAQ_COMMAND, MESSAGE_MENU, STATS_COMMAND } from './command-data.js';
import { onAnswerWithFaq } from './handlers/answer-with-faq.js';
import { onAutocomplete } from './handlers/autocomplete.js';
import { onButton, onMenu } from './handlers/components.js';
import type { HandlerDeps } from './handlers/deps.js';
import { onFaq } from './handlers/faq.js';
import { onFaqStats } from './handlers/faq-stats.js';
import { notice } from './render.js';
import { isPermissionError, isUnknownInteraction, permissionExplanation, replyOptions } from './send.js';

export type { HandlerDeps } from './handlers/deps.js';

export async function handleInteraction(deps: HandlerDeps, interaction: Interaction): Promise<void> {
  try {
    await route(deps, interaction);
  } catch (error) {
    if (isUnknownInteraction(error)) {
      deps.log.warn(
        `discord: interaction ${describe(interaction)} expired before it could be answered (Discord: Unknown interaction); no apology sent`,
      );
      return;
    }
    deps.log.error(`discord: interaction ${describe(interaction)} failed`, error);
    await apologise(
      interaction,
      isPermissionError(error) && interaction.channelId ? permissionExplanation(interaction.channelId) : APOLOGY,
      deps.log,
    );
  }
}

async function route(deps: HandlerDeps, interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) return onAutocomplete(deps, interaction);
  if (interaction.isChatInputCommand()) {
    if (interaction.commandName === FAQ_COMMAND) return onFaq(deps, interaction);
    if (interaction.commandName === STATS_COMMAND) return onFaqStats(deps, interaction);
    await interaction.reply(
      replyOptions(
        notice(`I don't know the command /${interaction.commandName}; an operator may need to run \`faqbot discord register\` again.`),
      ),
    );
    return;
  }
  if (interaction.isMessageContextMenuCommand() && interaction.commandName === MESSAGE_MENU) return onAnswerWithFaq(deps, interaction);
  if (interaction.isButton()) return onButton(deps, interaction);
  if (interaction.isStringSelectMenu()) return onMenu(deps, interaction);
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

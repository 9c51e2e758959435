// The application commands, as data: what `faqbot discord register` sends to Discord and what
// the interaction handlers dispatch on. One list, read by both.
import type { RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';

export const FAQ_COMMAND = 'faq';
export const STATS_COMMAND = 'faq-stats';
export const MESSAGE_MENU = 'Answer with FAQ';

/** Manage Messages: who counts as a moderator, and who sees /faq-stats by default. */
export const MODERATOR_PERMISSION = 1n << 13n;

export const commandData = [
  {
    type: 1,
    name: FAQ_COMMAND,
    description: 'Answer a question from the FAQ (privately, or to a member you name)',
    contexts: [0, 1],
    options: [
      // Optional, so that `/faq` alone lists the topics.
      { type: 3, name: 'query', description: 'Your question or a topic (empty: list the topics); suggestions appear as you type', required: false, autocomplete: true, max_length: 6000 },
      { type: 6, name: 'user', description: 'Send the answer to this member in the channel (pings only them)', required: false },
    ],
  },
  {
    type: 1,
    name: STATS_COMMAND,
    description: 'FAQ statistics for moderators: what was asked, what the FAQ lacks',
    contexts: [0],
    default_member_permissions: MODERATOR_PERMISSION.toString(),
  },
  {
    type: 3,
    name: MESSAGE_MENU,
    contexts: [0],
  },
] as const satisfies RESTPutAPIApplicationCommandsJSONBody;

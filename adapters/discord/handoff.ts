// "Ask a human" on Discord: the helpers' role is pinged once, in a thread with the question.
// In a thread (a forum post, a thread the answer was in) the ping goes there; elsewhere a
// public thread named after the question is started in the channel and the member added to it.
// allowed_mentions names exactly that role: the member's words cannot ping anyone.
import { Routes, type APIChannel, type ButtonInteraction } from 'discord.js';
import { type Logger, type Phrases, shorten } from '../../src/index.js';
import { truncateText } from './fit.js';
import { LIMITS } from './limits.js';
import { escapeText } from './markdown.js';
import { neutralizeMentions } from './safe-text.js';

/** Discord's longest thread name. */
const THREAD_NAME = 100;

/** The text helpers read: the ping, who asked (shown, not pinged) and their words, quoted. */
export function handoffMessage(roleId: string, askerId: string, question: string) {
  const quoted = neutralizeMentions(escapeText(question))
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
  return {
    content: truncateText(`<@&${roleId}>, <@${askerId}> would like a human to help with:\n${quoted}`, LIMITS.content),
    allowed_mentions: { parse: [], roles: [roleId], users: [] },
  };
}

/** Posts the ping; resolves with the thread it went to. */
export async function postHandoff(interaction: ButtonInteraction, roleId: string, question: string, log: Logger): Promise<string> {
  const rest = interaction.client.rest;
  const channel = interaction.channel;
  let threadId: string;
  if (channel?.isThread()) threadId = channel.id;
  else {
    const name = shorten(neutralizeMentions(question).replace(/\s+/g, ' ').trim() || 'A question for the helpers', THREAD_NAME);
    const thread = (await rest.post(Routes.threads(interaction.channelId), {
      body: { name, type: 11, auto_archive_duration: 1440 },
    })) as APIChannel;
    threadId = thread.id;
    // Being added to the thread tells the member where the helpers will answer, without a ping.
    await rest.put(Routes.threadMembers(threadId, interaction.user.id)).catch((error: unknown) => {
      log.warn(
        `discord: could not add member ${interaction.user.id} to hand-off thread ${threadId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }
  await rest.post(Routes.channelMessages(threadId), { body: handoffMessage(roleId, interaction.user.id, question) });
  return threadId;
}

export function handoffDoneText(threadId: string, say: Phrases): string {
  return `${say.handoffDone} <#${threadId}>`;
}

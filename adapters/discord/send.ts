// From a rendered DiscordMessage to discord.js call options, and the classification of send
// errors (a missing permission deserves an explanation, not an apology).
import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes } from 'discord.js';
import type { DiscordMessage } from './render.js';

/** Options for interaction.reply / followUp (ephemeral via flags). */
export function replyOptions(msg: DiscordMessage) {
  return {
    ...(msg.content !== undefined ? { content: msg.content } : {}),
    embeds: msg.embeds,
    components: msg.components,
    allowedMentions: msg.allowedMentions,
    ...(msg.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

/** Options for interaction.update / editReply: replaces everything, so absent parts are cleared. */
export function editOptions(msg: DiscordMessage) {
  return { content: msg.content ?? '', embeds: msg.embeds, components: msg.components, allowedMentions: msg.allowedMentions };
}

/** Options for channel.send / message.reply, optionally as a reply to a message. */
export function messageOptions(msg: DiscordMessage, replyTo?: string) {
  return {
    ...(msg.content !== undefined ? { content: msg.content } : {}),
    embeds: msg.embeds,
    components: msg.components,
    allowedMentions: msg.allowedMentions,
    ...(replyTo ? { reply: { messageReference: replyTo, failIfNotExists: false } } : {}),
  };
}

/** True when Discord refused because the bot lacks a permission or access in that channel. */
export function isPermissionError(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.MissingPermissions || error.code === RESTJSONErrorCodes.MissingAccess)
  );
}

/**
 * True when Discord no longer knows the interaction (its 3 s ran out, or it was answered
 * elsewhere): any reply to it, an apology included, would be refused the same way.
 */
export function isUnknownInteraction(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction;
}

export function permissionExplanation(channelId: string): string {
  return `I can't post in <#${channelId}>: I need the **View Channel**, **Send Messages** and **Read Message History** permissions there (and **Send Messages in Threads** for threads). Ask a server admin to grant them, or use \`/faq\` to see the answer privately.`;
}

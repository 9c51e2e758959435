// `faqbot preview` for Discord: the reply to `/faq QUESTION` as the message body Discord's API
// receives (snake_case, `flags` 64 for "only you can see this") and as readable text. Pure, and
// free of discord.js at run time, so the command starts without the SDK.
import type { APIEmbed } from 'discord.js';
import type { Previewer } from '../../src/index.js';
import { renderReply, type ActionRow, type DiscordMessage } from './render.js';

const EPHEMERAL = 1 << 6;

export const discordPreviewer: Previewer = {
  platform: 'discord',
  preview(reply) {
    const message = renderReply(reply, { origin: 'command', inGuild: true });
    return { payload: apiPayload(message), text: readable(message) };
  },
};

/** The body of Discord's "create message" / interaction response data. */
export function apiPayload(message: DiscordMessage) {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: {
      parse: message.allowedMentions.parse,
      users: message.allowedMentions.users,
      replied_user: message.allowedMentions.repliedUser,
    },
    ...(message.ephemeral ? { flags: EPHEMERAL } : {}),
  };
}

/** Roughly as the Discord client shows it: embeds behind a bar, buttons in brackets. */
export function readable(message: DiscordMessage): string {
  const lines: string[] = [];
  if (message.ephemeral) lines.push('(only the asker sees this)');
  if (message.content) lines.push(message.content);
  for (const embed of message.embeds) lines.push(...embedLines(embed));
  for (const row of message.components) lines.push(rowLine(row));
  return lines.join('\n');
}

function embedLines(embed: APIEmbed): string[] {
  const body: string[] = [];
  if (embed.title) body.push(`**${embed.title}**${embed.url ? ` <${embed.url}>` : ''}`);
  if (embed.description) body.push(...embed.description.split('\n'));
  for (const field of embed.fields ?? []) body.push('', `${field.name}:`, ...field.value.split('\n'));
  if (embed.footer) body.push('', embed.footer.text);
  return body.map((line) => `┃ ${line}`.trimEnd());
}

function rowLine(row: ActionRow): string {
  return row.components
    .map((c) => {
      if (c.type === 2) return `[${'emoji' in c && c.emoji?.name ? `${c.emoji.name} ` : ''}${'label' in c ? (c.label ?? '') : ''}]`;
      if (c.type === 3) return `[menu: ${c.placeholder ?? 'choose'}: ${c.options.map((o) => o.label).join(' | ')}]`;
      return `[component ${c.type}]`;
    })
    .join(' ');
}

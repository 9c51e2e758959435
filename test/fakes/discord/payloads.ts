// Gateway payloads as Discord sends them, for the fake to dispatch. Only the fields discord.js
// reads are filled in.
import { PERMISSIONS, snowflake, type FakeChannel, type FakeGuild, type FakeUser } from './server.js';

export interface Where {
  guild: FakeGuild;
  channel: FakeChannel;
}

export interface Who {
  user: FakeUser;
  moderator?: boolean;
  /** Role ids the member holds (each must be one of the guild's roles). */
  roles?: string[];
}

function userJson(u: FakeUser) {
  return {
    id: u.id,
    username: u.username,
    global_name: u.global_name ?? null,
    discriminator: '0',
    avatar: null,
    ...(u.bot ? { bot: true } : {}),
  };
}

function memberJson(who: Who) {
  return {
    user: userJson(who.user),
    roles: who.roles ?? [],
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    permissions: who.moderator ? PERMISSIONS.moderator : PERMISSIONS.member,
  };
}

function base(where: Where, who: Who) {
  return {
    guild_id: where.guild.id,
    channel_id: where.channel.id,
    channel: {
      id: where.channel.id,
      type: where.channel.type,
      name: where.channel.name,
      guild_id: where.guild.id,
      ...(where.channel.parent_id ? { parent_id: where.channel.parent_id } : {}),
    },
    member: memberJson(who),
    guild_locale: 'en-US',
    context: 0,
  };
}

/** `/faq query:<text> [user:<member>]` (type 2, chat input). */
export function slashFaq(where: Where, who: Who, query: string | undefined, target?: FakeUser): Record<string, unknown> {
  // Discord leaves an option out when the member left it empty.
  const options: unknown[] = query === undefined ? [] : [{ name: 'query', type: 3, value: query }];
  const resolved: Record<string, unknown> = {};
  if (target) {
    options.push({ name: 'user', type: 6, value: target.id });
    resolved.users = { [target.id]: userJson(target) };
    resolved.members = { [target.id]: { roles: [], joined_at: new Date(0).toISOString(), permissions: PERMISSIONS.member, flags: 0 } };
  }
  return { type: 2, ...base(where, who), data: { id: snowflake(), name: 'faq', type: 1, options, resolved } };
}

/** `/faq query:<text>` in a direct message with the bot: a user, no member, no guild. */
export function dmSlashFaq(channelId: string, user: FakeUser, query: string): Record<string, unknown> {
  return {
    type: 2,
    channel_id: channelId,
    channel: { id: channelId, type: 1 },
    user: userJson(user),
    context: 1,
    data: { id: snowflake(), name: 'faq', type: 1, options: [{ name: 'query', type: 3, value: query }] },
  };
}

/** `/faq-stats` (type 2, chat input). */
export function slashStats(where: Where, who: Who): Record<string, unknown> {
  return { type: 2, ...base(where, who), data: { id: snowflake(), name: 'faq-stats', type: 1 } };
}

/** Autocomplete while typing into `/faq query` (type 4). */
export function autocomplete(where: Where, who: Who, partial: string): Record<string, unknown> {
  return {
    type: 4,
    ...base(where, who),
    data: { id: snowflake(), name: 'faq', type: 1, options: [{ name: 'query', type: 3, value: partial, focused: true }] },
  };
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: FakeUser;
  content: string;
  mentions?: FakeUser[];
}

function messageJson(m: FakeMessage) {
  return {
    id: m.id,
    channel_id: m.channel_id,
    ...(m.guild_id ? { guild_id: m.guild_id } : {}),
    author: userJson(m.author),
    content: m.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: (m.mentions ?? []).map(userJson),
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}

/** "Answer with FAQ" on a message (type 2, message context menu). */
export function messageMenu(where: Where, who: Who, message: FakeMessage): Record<string, unknown> {
  return {
    type: 2,
    ...base(where, who),
    data: {
      id: snowflake(),
      name: 'Answer with FAQ',
      type: 3,
      target_id: message.id,
      resolved: { messages: { [message.id]: messageJson(message) } },
    },
  };
}

/** A click on a button (type 3, component 2) of a message the bot sent. */
export function button(where: Where, who: Who, customId: string, ephemeral = true): Record<string, unknown> {
  return {
    type: 3,
    ...base(where, who),
    message: {
      ...messageJson({ id: snowflake(), channel_id: where.channel.id, author: { id: '1', username: 'faqbot', bot: true }, content: '' }),
      flags: ephemeral ? 64 : 0,
    },
    data: { custom_id: customId, component_type: 2 },
  };
}

/** A pick in a string select menu (type 3, component 3). */
export function select(where: Where, who: Who, customId: string, values: string[], ephemeral = true): Record<string, unknown> {
  return { ...button(where, who, customId, ephemeral), data: { custom_id: customId, component_type: 3, values } };
}

/** MESSAGE_CREATE in a guild channel. */
export function guildMessage(
  where: Where,
  author: FakeUser,
  content: string,
  mentions: FakeUser[] = [],
  roles: string[] = [],
): Record<string, unknown> {
  const m = messageJson({ id: snowflake(), channel_id: where.channel.id, guild_id: where.guild.id, author, content, mentions });
  return {
    ...m,
    channel_type: where.channel.type,
    member: { roles, joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
  };
}

/** MESSAGE_CREATE in a DM with the bot. */
export function directMessage(channelId: string, author: FakeUser, content: string): Record<string, unknown> {
  // Discord names the channel type on MESSAGE_CREATE; that is how a client knows an uncached channel is a DM.
  return { ...messageJson({ id: snowflake(), channel_id: channelId, author, content }), channel_type: 1 };
}

// Discord users and members → the core's Person and Query. The moderator flag comes from the
// member's Manage Messages permission, as Discord computed it for this channel.
import { PermissionFlagsBits, type Channel, type GuildMember, type Interaction, type Message, type User } from 'discord.js';
import { type AskedVia, buildQuery, type Person, type Query } from '../../src/index.js';

export const PLATFORM = 'discord';

export function personOf(user: User, member?: GuildMember | { nick?: string | null } | null): Person {
  const nick = member && 'displayName' in member ? member.displayName : (member?.nick ?? undefined);
  return { id: user.id, name: nick ?? user.globalName ?? user.username };
}

/**
 * A member's role ids, for entries limited to roles: from the member discord.js built, or the
 * raw list an interaction carries when the guild is not cached. Outside a guild: none.
 */
export function rolesOf(member: GuildMember | { roles: string[] | GuildMember['roles'] } | null | undefined): string[] {
  if (!member) return [];
  const roles = member.roles;
  return Array.isArray(roles) ? [...roles] : [...roles.cache.keys()];
}

export function askerOf(interaction: Interaction): Person {
  const isModerator = interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false;
  const member = interaction.member && 'displayName' in interaction.member ? interaction.member : undefined;
  return { ...personOf(interaction.user, member), isModerator, groups: rolesOf(interaction.member) };
}

/** The Query for a message's words: a mention, a DM or a help-forum post. */
export function messageQuery(message: Message, text: string, via: AskedVia): Query {
  return buildQuery({
    text,
    platform: PLATFORM,
    communityId: message.guildId ?? undefined,
    channelId: message.channelId,
    channelParents: channelParents(message.channel),
    asker: messageAsker(message),
    via,
  });
}

export function messageAsker(message: Message): Person {
  let isModerator = false;
  try {
    isModerator = message.member?.permissions.has(PermissionFlagsBits.ManageMessages) ?? false;
  } catch {
    // Permissions need the guild's roles in cache; without them the member is not a moderator.
  }
  return { ...personOf(message.author, message.member), isModerator, groups: rolesOf(message.member) };
}

/**
 * The places around a channel, nearest first, for per-channel settings: a thread's channel and
 * that channel's category, or a channel's category. From the cache discord.js keeps of the guild.
 */
export function channelParents(channel: Channel | null): string[] {
  if (!channel || channel.isDMBased()) return [];
  const parents: string[] = [];
  if (channel.parentId) parents.push(channel.parentId);
  if (channel.parent?.parentId) parents.push(channel.parent.parentId);
  return parents;
}

/**
 * The member's locale (their Discord client's language, on every interaction) and the server's
 * (its Community language), which pick the language of the reply. Messages carry neither.
 */
export function localesOf(interaction: Pick<Interaction, 'locale' | 'guildLocale'>): { locale?: string; placeLocale?: string } {
  return {
    ...(interaction.locale ? { locale: interaction.locale } : {}),
    ...(interaction.guildLocale ? { placeLocale: interaction.guildLocale } : {}),
  };
}

/** The server an interaction came from, as the core's `communityId` (absent in a DM). */
export function community(interaction: Pick<Interaction, 'guildId'>): { communityId?: string } {
  return interaction.guildId ? { communityId: interaction.guildId } : {};
}

export function interactionQuery(interaction: Interaction, via: AskedVia, text: string, target?: Person): Query {
  return buildQuery({
    text,
    platform: PLATFORM,
    ...community(interaction),
    channelId: interaction.channelId ?? interaction.user.id,
    channelParents: channelParents(interaction.channel),
    direct: !interaction.inGuild(),
    asker: askerOf(interaction),
    target,
    via,
    ...localesOf(interaction),
  });
}

// The names policies keep their state under, and how long to wait, for people. The state
// itself (who holds a cooldown, how many asks a member made) lives behind SharedState.

/**
 * The conversation a public post lands in: the channel, or one thread in it. The same entry
 * posted in the channel or another thread does not hold it back.
 */
export function conversationKey(where: { readonly platform: string; readonly channelId: string; readonly threadId?: string }): string {
  return `${where.platform}:${where.channelId}:${where.threadId ?? ''}`;
}

/** The state keys, in one place: replicas of different versions must agree on them. */
export const stateKeys = {
  channelCooldown: (where: Parameters<typeof conversationKey>[0], entryId: string) => `cd:c:${conversationKey(where)}:${entryId}`,
  targetCooldown: (platform: string, memberId: string, entryId: string) => `cd:t:${platform}:${memberId}:${entryId}`,
  rateLimit: (platform: string, memberId: string) => `rl:${platform}:${memberId}`,
  event: (platform: string, eventId: string) => `ev:${platform}:${eventId}`,
  /** Put before every key of one community's cooldowns and rate limits when `communities:` is configured. */
  community: (communityId: string) => `c:${communityId}:`,
  /** A help post's thread, answered at most once whichever replica sees it. */
  helpThread: (where: Parameters<typeof conversationKey>[0]) => `hp:${conversationKey(where)}`,
  handoffAsk: (platform: string, askId: string) => `ho:a:${platform}:${askId}`,
  handoffMember: (platform: string, memberId: string) => `ho:m:${platform}:${memberId}`,
  handoffChannel: (where: Parameters<typeof conversationKey>[0]) => `ho:c:${conversationKey(where)}`,
} as const;

/** "45 s", "3 min", "2 h": how long to wait, for people. */
export function humanDuration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.ceil(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.ceil(m / 60)} h`;
}

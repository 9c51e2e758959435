// Building a Query, and the one rule for whom an answer is aimed at. Adapters build every Query
// through buildQuery(), so an optional part is either set or absent, never `undefined` or
// empty; the service and the adapters ask aimedAt() instead of comparing ids themselves.
import type { Person, Query } from './domain.js';

/** The query with its unset parts left out (optional parts may be passed as `undefined` or empty). */
export function buildQuery(parts: Query): Query {
  const { communityId, threadId, channelParents, direct, target, at, ...required } = parts;
  return {
    ...required,
    ...(communityId ? { communityId } : {}),
    ...(threadId ? { threadId } : {}),
    ...(channelParents && channelParents.length > 0 ? { channelParents } : {}),
    ...(direct ? { direct: true } : {}),
    ...(target ? { target } : {}),
    ...(at !== undefined ? { at } : {}),
  };
}

/**
 * The member an answer is aimed at: the target, unless the asker named themselves (then the
 * answer is theirs alone, as if nobody were named).
 */
export function aimedAt(query: { readonly asker: Pick<Person, 'id'>; readonly target?: Person | undefined }): Person | undefined {
  return query.target && query.target.id !== query.asker.id ? query.target : undefined;
}

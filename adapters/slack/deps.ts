// What every listener needs; built once when the adapter starts.
import type { webApi } from '@slack/bolt';
import type { Answerer, Logger } from '../../src/index.js';
import type { Groups } from './groups.js';
import type { People } from './people.js';

export interface SlackDeps {
  readonly service: Answerer;
  readonly log: Logger;
  readonly people: People;
  /** Which of the groups entries are limited to a member is in (`restrictedTo`). */
  readonly groups: Groups;
}

export const PLATFORM = 'slack';

/**
 * The member's Slack locale, for the language of what they are told: looked up (users.info,
 * cached) only when some knowledge in use has translations, since otherwise every reply is in
 * the knowledge's own language whatever the locale.
 */
export async function localeOf(
  deps: Pick<SlackDeps, 'service' | 'people'>,
  client: webApi.WebClient,
  userId: string,
): Promise<{ locale?: string }> {
  if (!deps.service.knowledgeBases().some((kb) => kb.languages.length > 1)) return {};
  const locale = await deps.people.localeOf(client, userId);
  return locale ? { locale } : {};
}

/**
 * The core's `communityId` for a Slack request: the workspace, or its Enterprise Grid
 * organisation when `communities:` lists the organisation rather than the workspace.
 */
export function communityOf(
  deps: Pick<SlackDeps, 'service'>,
  teamId: string | undefined,
  enterpriseId: string | undefined,
): { communityId?: string } {
  const id = deps.service.communityOf([teamId, enterpriseId]);
  return id === undefined ? {} : { communityId: id };
}

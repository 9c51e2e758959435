// Every Query the Slack listeners ask with, built in one place: the platform, the community a
// workspace (or its Enterprise Grid organisation) belongs to, and a direct-message conversation
// marked as direct.
import { type AskedVia, buildQuery, type Person, type Query } from '../../src/index.js';
import { communityOf, PLATFORM, type SlackDeps } from './deps.js';

export interface SlackAsk {
  readonly text: string;
  readonly channelId: string;
  /** The thread the answer goes to, when there is one. */
  readonly threadId?: string | undefined;
  /** Where the request came from: its workspace and, on Enterprise Grid, its organisation. */
  readonly teamId: string | undefined;
  readonly enterpriseId: string | undefined;
  readonly asker: Person;
  readonly target?: Person | undefined;
  readonly via: AskedVia;
  /** The member's Slack locale (es-ES), when the knowledge speaks more than one language. */
  readonly locale?: string | undefined;
}

export function slackQuery(deps: Pick<SlackDeps, 'service'>, ask: SlackAsk): Query {
  return buildQuery({
    text: ask.text,
    platform: PLATFORM,
    channelId: ask.channelId,
    threadId: ask.threadId,
    ...communityOf(deps, ask.teamId, ask.enterpriseId),
    // Slack names direct-message conversations D…; per-channel settings do not apply there.
    direct: ask.channelId.startsWith('D'),
    asker: ask.asker,
    target: ask.target,
    via: ask.via,
    ...(ask.locale ? { locale: ask.locale } : {}),
  });
}

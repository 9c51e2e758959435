// What every button on an answer or a suggestion reads from its click: where the message sits,
// who clicked, the query it stands for, where replies go, and the workspace it came from.
import type { BlockAction, RespondFn, webApi } from '@slack/bolt';
import type { Person, Query } from '../../../../src/index.js';
import type { ActionValue } from '../../action-value.js';
import type { Destination } from '../../deliver.js';
import { communityOf, type SlackDeps } from '../../deps.js';
import { slackQuery } from '../../query.js';

export interface Where {
  readonly channelId: string;
  readonly threadTs?: string;
  /** The button sat on a message only the clicker could see. */
  readonly ephemeral: boolean;
}

export function whereOf(body: BlockAction, value: ActionValue): Where {
  const container = body.container as { is_ephemeral?: boolean; thread_ts?: string; channel_id?: string };
  const ephemeral = container.is_ephemeral === true || body.message === undefined;
  const channelId = body.channel?.id ?? container.channel_id ?? '';
  let threadTs = (container.thread_ts ?? body.message?.thread_ts) as string | undefined;
  // Answers to a mention live in its thread, even when the list was the thread's first reply.
  if (!threadTs && value.via === 'mention' && !ephemeral) threadTs = body.message?.ts;
  return { channelId, ephemeral, ...(threadTs ? { threadTs } : {}) };
}

export function askerOf(body: BlockAction): Person {
  const name = body.user.name ?? body.user.username;
  return { id: body.user.id, ...(name ? { name } : {}) };
}

export function queryOf(
  deps: SlackDeps,
  body: BlockAction,
  asker: Person,
  value: ActionValue,
  target: Person | undefined,
  where: Where,
): Query {
  return slackQuery(deps, {
    text: '',
    channelId: body.channel?.id ?? '',
    threadId: where.threadTs,
    teamId: body.team?.id ?? body.user.team_id,
    enterpriseId: body.enterprise?.id,
    asker,
    target,
    via: value.via,
  });
}

export function destination(where: Where, respond: RespondFn, client: webApi.WebClient): Destination {
  return {
    private: async (message, options) => {
      await respond({ response_type: 'ephemeral', replace_original: options?.replace ?? false, ...message });
    },
    public: async (message) => {
      await client.chat.postMessage({
        channel: where.channelId,
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
        ...message,
        unfurl_links: false,
        unfurl_media: false,
      });
    },
  };
}

/** The workspace a click came from, as the core's `communityId`. */
export function teamOf(deps: SlackDeps, body: BlockAction): { communityId?: string } {
  return communityOf(deps, body.team?.id ?? body.user.team_id, body.enterprise?.id);
}

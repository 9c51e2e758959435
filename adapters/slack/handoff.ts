// "Ask a human" on Slack: the helpers' user group is pinged once (`<!subteam^ID>`, the only
// special mention the bot ever writes), in a thread with the question. In a thread already
// (an answer to a mention, a help channel post) the ping goes there; elsewhere the question is
// posted in the channel, pinging nobody, and the ping goes into its thread.
import type { webApi } from '@slack/bolt';
import { escapeMrkdwn } from './mrkdwn.js';
import { truncate } from './split.js';

export function quoted(question: string): string {
  return escapeMrkdwn(truncate(question, 2000))
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

/** Posts the hand-off; resolves with the thread's parent ts. */
export async function postHandoff(
  client: webApi.WebClient,
  where: { channelId: string; threadTs?: string },
  groupId: string,
  askerName: string,
  question: string,
): Promise<string> {
  const who = escapeMrkdwn(askerName);
  let threadTs = where.threadTs;
  if (!threadTs) {
    const parent = await client.chat.postMessage({
      channel: where.channelId,
      text: `${who} would like a human to help with:\n${quoted(question)}`,
      unfurl_links: false,
      unfurl_media: false,
    });
    threadTs = parent.ts!;
    await client.chat.postMessage({
      channel: where.channelId,
      thread_ts: threadTs,
      text: `<!subteam^${groupId}> can someone help ${who} here, in this thread?`,
      unfurl_links: false,
      unfurl_media: false,
    });
    return threadTs;
  }
  await client.chat.postMessage({
    channel: where.channelId,
    thread_ts: threadTs,
    text: `<!subteam^${groupId}> ${who} would like a human to help with:\n${quoted(question)}`,
    unfurl_links: false,
    unfurl_media: false,
  });
  return threadTs;
}

// A direct message to the bot is a question; the answer goes back in the same conversation.
import type { App } from '@slack/bolt';
import { guard } from '../guard.js';
import { deliver } from '../deliver.js';
import { localeOf, type SlackDeps } from '../deps.js';
import { slackQuery } from '../query.js';
import { questionFromMessage } from '../text.js';

export function registerDirectMessage(app: App, deps: SlackDeps): void {
  app.message(guard(deps.log, 'a direct message'), async ({ message, body, client }) => {
    // Edits, joins and bot posts are messages too; only a person's new message is a question.
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id || !message.user) return;
    const text = questionFromMessage(message.text ?? '');
    const query = slackQuery(deps, {
      text,
      channelId: message.channel,
      threadId: message.thread_ts,
      teamId: body.team_id,
      enterpriseId: body.enterprise_id,
      asker: await deps.groups.of(client, { id: message.user }),
      via: 'direct-message',
      ...(await localeOf(deps, client, message.user)),
    });
    const reply = await deps.service.ask(query);
    const threadTs = message.thread_ts;
    await deliver(
      reply,
      { via: 'direct-message', queryText: text },
      {
        public: async (m) => {
          await client.chat.postMessage({
            channel: message.channel,
            ...(threadTs ? { thread_ts: threadTs } : {}),
            ...m,
            unfurl_links: false,
            unfurl_media: false,
          });
        },
      },
      deps,
    );
  });
}

// `@faqbot how do I migrate?`: answered in the thread of that message (or starting one).
import type { App } from '@slack/bolt';
import { guard } from '../guard.js';
import { deliver } from '../deliver.js';
import { communityOf, localeOf, type SlackDeps } from '../deps.js';
import { slackQuery } from '../query.js';
import { questionFromMessage } from '../text.js';

export function registerMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', guard(deps.log, 'a mention'), async ({ event, body, client }) => {
    // Another bot mentioning us could start a loop of bots answering bots.
    if (event.bot_id || !event.user) return;
    const user = event.user;
    // Where mentions are turned off (`channels:` in the config), the bot stays silent.
    if (deps.service.channelRule({ channelId: event.channel, ...communityOf(deps, body.team_id, body.enterprise_id) }).mention === 'ignore')
      return;
    const text = questionFromMessage(event.text);
    const threadTs = event.thread_ts ?? event.ts;
    const asker = await deps.groups.of(client, { id: user });
    const query = slackQuery(deps, {
      text,
      channelId: event.channel,
      threadId: threadTs,
      teamId: body.team_id,
      enterpriseId: body.enterprise_id,
      asker,
      via: 'mention',
      ...(await localeOf(deps, client, user)),
    });
    const reply = await deps.service.ask(query);
    await deliver(
      reply,
      { via: 'mention', queryText: text },
      {
        private: async (message) => {
          await client.chat.postEphemeral({ channel: event.channel, user, thread_ts: threadTs, ...message });
        },
        public: async (message) => {
          await client.chat.postMessage({
            channel: event.channel,
            thread_ts: threadTs,
            ...message,
            unfurl_links: false,
            unfurl_media: false,
          });
        },
      },
      deps,
    );
  });
}

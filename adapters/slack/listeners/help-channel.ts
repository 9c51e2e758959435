// Help channels (`help: true` in `channels:`): a member's new top-level message is answered in
// its thread when the service is sure beyond its stricter bar, once per thread. Replies in
// threads, edits, joins, bots and messages that mention the bot (the mention listener answers
// those) are left alone.
import type { App } from '@slack/bolt';
import { guard } from '../guard.js';
import { deliver } from '../deliver.js';
import { communityOf, localeOf, type SlackDeps } from '../deps.js';
import { slackQuery } from '../query.js';
import { questionFromMessage } from '../text.js';

export function registerHelpChannel(app: App, deps: SlackDeps): void {
  app.message(guard(deps.log, 'a help channel message'), async ({ message, body, client, context }) => {
    if (message.channel_type !== 'channel' && message.channel_type !== 'group') return;
    if (message.subtype !== undefined || message.bot_id || !message.user || message.thread_ts) return;
    const enterpriseId = (body as { enterprise_id?: string }).enterprise_id;
    const community = communityOf(deps, body.team_id, enterpriseId);
    if (!deps.service.hasHelpChannels || !deps.service.channelRule({ channelId: message.channel, ...community }).help) return;
    if (context.botUserId && (message.text ?? '').includes(`<@${context.botUserId}>`)) return;
    const text = questionFromMessage(message.text ?? '');
    const reply = await deps.service.helpPost(
      slackQuery(deps, {
        text,
        channelId: message.channel,
        threadId: message.ts,
        teamId: body.team_id,
        enterpriseId,
        asker: await deps.groups.of(client, { id: message.user }),
        via: 'help-post',
        ...(await localeOf(deps, client, message.user)),
      }),
    );
    if (!reply) return;
    await deliver(
      reply,
      { via: 'help-post', queryText: text },
      {
        public: async (m) => {
          await client.chat.postMessage({
            channel: message.channel,
            thread_ts: message.ts,
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

// `/faq <question> [@member]`. A private answer rides on the acknowledgement itself: one round
// trip, nothing to post afterwards. When a member is named, the asker's rights are looked up
// first, so the request is acknowledged at once and answered afterwards, in the channel when
// the service decides so, or privately through the response_url.
import type { App } from '@slack/bolt';
import { guard } from '../guard.js';
import { aimedAt, describeError, type Person, type Query } from '../../../src/index.js';
import { renderReply, type RenderContext } from '../blocks.js';
import { deliver, type Destination } from '../deliver.js';
import { localeOf, type SlackDeps } from '../deps.js';
import { slackQuery } from '../query.js';
import { FAQ_COMMAND } from '../names.js';
import { afterAcks } from '../yield.js';
import { parseCommandText } from '../text.js';

export function register(app: App, deps: SlackDeps): void {
  app.command(FAQ_COMMAND, guard(deps.log, FAQ_COMMAND), async ({ command, ack, respond, client }) => {
    const parsed = parseCommandText(command.text ?? '');
    const ctx: RenderContext = { via: 'command', queryText: parsed.text, ...(parsed.target ? { target: parsed.target } : {}) };
    const locale = await localeOf(deps, client, command.user_id);
    const queryBy = (asker: Person): Query => slackQuery(deps, {
      text: parsed.text, channelId: command.channel_id, teamId: command.team_id, enterpriseId: command.enterprise_id,
      asker, target: parsed.target, via: 'command', ...locale,
    });
    const to: Destination = {
      private: async (message) => { await respond({ response_type: 'ephemeral', replace_original: false, ...message }); },
      public: async (message) => {
        await client.chat.postMessage({ channel: command.channel_id, ...message, unfurl_links: false, unfurl_media: false });
      },
    };
    let asker: Person = await deps.groups.of(client, { id: command.user_id, name: command.user_name });

    if (!aimedAt({ asker, target: parsed.target })) {
      const reply = await deps.service.ask(queryBy(asker));
      if (reply.visibility === 'private') {
        let message;
        try {
          message = renderReply(reply, ctx);
        } catch (error) {
          await ack();
          deps.log.error('slack: could not render an answer', describeError(error));
          return;
        }
        await ack({ response_type: 'ephemeral', ...message });
        return;
      }
      await ack();
      await deliver(reply, ctx, to, deps);
      return;
    }

    await ack();
    // Let the acks of requests already waiting go out before this one's work.
    await afterAcks();
    asker = await deps.people.withRights(client, asker);
    await deliver(await deps.service.ask(queryBy(asker)), ctx, to, deps);
  });
}

// `/faq <question> [@member]`. A private answer rides on the acknowledgement itself: one round
// trip, nothing to post afterwards. Answers are taken one per turn (AnswerTurns); a request
// that finds more than a few answers ahead of it (a burst of questions) is acknowledged at once
// and answered on its turn through the response_url, so no ack waits behind a queue of other
// members' matching and rendering. When a member is named, the asker's rights are looked up
// first, so that request is always acknowledged at once and answered afterwards, in the
// channel when the service decides so, or privately through the response_url.
import type { App } from '@slack/bolt';
import { guard } from '../guard.js';
import { aimedAt, describeError, type Person, type Query } from '../../../src/index.js';
import { renderReply, type RenderContext } from '../blocks.js';
import { deliver, type Destination } from '../deliver.js';
import { localeOf, type SlackDeps } from '../deps.js';
import { slackQuery } from '../query.js';
import { FAQ_COMMAND } from '../names.js';
import { postToResponseUrl } from '../response-url.js';
import { AnswerTurns } from '../yield.js';
import { parseCommandText } from '../text.js';

export function registerCommand(app: App, deps: SlackDeps): void {
  const turns = new AnswerTurns();
  app.command(FAQ_COMMAND, guard(deps.log, FAQ_COMMAND), async ({ command, ack, client }) => {
    const parsed = parseCommandText(command.text ?? '');
    const ctx: RenderContext = { via: 'command', queryText: parsed.text, ...(parsed.target ? { target: parsed.target } : {}) };
    const queryBy = (asker: Person, locale: { locale?: string }): Query =>
      slackQuery(deps, {
        text: parsed.text,
        channelId: command.channel_id,
        teamId: command.team_id,
        enterpriseId: command.enterprise_id,
        asker,
        target: parsed.target,
        via: 'command',
        ...locale,
      });
    const to: Destination = {
      private: (message) => postToResponseUrl(command.response_url, { response_type: 'ephemeral', replace_original: false, ...message }),
      public: async (message) => {
        await client.chat.postMessage({ channel: command.channel_id, ...message, unfurl_links: false, unfurl_media: false });
      },
    };
    const self = !aimedAt({ asker: { id: command.user_id }, target: parsed.target });
    // Acknowledged before its turn: the answer then goes to the response_url.
    const early = !self || turns.busy;
    if (early) await ack();

    await turns.take(async () => {
      let asker: Person = await deps.groups.of(client, { id: command.user_id, name: command.user_name });
      if (!self) asker = await deps.people.withRights(client, asker);
      const locale = await localeOf(deps, client, command.user_id);
      const reply = await deps.service.ask(queryBy(asker, locale));
      if (early || reply.visibility !== 'private') {
        if (!early) await ack();
        await deliver(reply, ctx, to, deps);
        return;
      }
      let message;
      try {
        message = renderReply(reply, ctx);
      } catch (error) {
        await ack();
        deps.log.error('slack: could not render an answer', describeError(error));
        return;
      }
      await ack({ response_type: 'ephemeral', ...message });
    });
  });
}

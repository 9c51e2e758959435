// `/faq <question> [@member]`: acknowledged at once, then answered privately through the
// response_url, or in the channel when the service decides so (a member was named).
import type { App } from '@slack/bolt';
import type { Person, Query } from '../../../src/domain.js';
import { deliver, type Destination } from '../deliver.js';
import { PLATFORM, type SlackDeps } from '../deps.js';
import { afterAcks } from '../yield.js';
import { parseCommandText } from '../text.js';

export const FAQ_COMMAND = '/faq';

export function register(app: App, deps: SlackDeps): void {
  app.command(FAQ_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    await afterAcks();
    const parsed = parseCommandText(command.text ?? '');
    let asker: Person = { id: command.user_id, name: command.user_name };
    // Rights only matter when naming someone else; skip the lookup otherwise.
    if (parsed.target && parsed.target.id !== asker.id) asker = await deps.people.withRights(client, asker);
    const query: Query = {
      text: parsed.text,
      platform: PLATFORM,
      communityId: command.team_id,
      channelId: command.channel_id,
      asker,
      ...(parsed.target ? { target: parsed.target } : {}),
      via: 'command',
    };
    const reply = deps.service.ask(query);
    const to: Destination = {
      private: async (message) => { await respond({ response_type: 'ephemeral', replace_original: false, ...message }); },
      public: async (message) => {
        await client.chat.postMessage({ channel: command.channel_id, ...message, unfurl_links: false, unfurl_media: false });
      },
    };
    await deliver(reply, { via: 'command', queryText: parsed.text, ...(parsed.target ? { target: parsed.target } : {}) }, to, deps.log);
  });
}

// `/faq-stats`: the week's figures, for moderators only, always private.
import type { App } from '@slack/bolt';
import { guard } from '../guard.js';
import { deliver } from '../deliver.js';
import { communityOf, localeOf, type SlackDeps } from '../deps.js';
import { STATS_COMMAND } from '../names.js';

export function registerStats(app: App, deps: SlackDeps): void {
  app.command(STATS_COMMAND, guard(deps.log, STATS_COMMAND), async ({ command, ack, respond, client }) => {
    await ack();
    const asker = await deps.people.withRights(client, { id: command.user_id, name: command.user_name });
    const reply = await deps.service.stats({
      asker,
      ...communityOf(deps, command.team_id, command.enterprise_id),
      channelId: command.channel_id,
      ...(await localeOf(deps, client, command.user_id)),
    });
    await deliver(
      reply,
      { via: 'command' },
      {
        private: async (message) => {
          await respond({ response_type: 'ephemeral', replace_original: false, ...message });
        },
        public: async (message) => {
          await respond({ response_type: 'ephemeral', replace_original: false, ...message });
        },
      },
      deps,
    );
  });
}

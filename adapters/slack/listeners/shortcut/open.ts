// The "Answer with FAQ" message shortcut: a modal with the best candidates for that message.
import type { App, MessageShortcut } from '@slack/bolt';
import { guard } from '../../guard.js';
import { aimedAt, describeError, type Person } from '../../../../src/index.js';
import { explain, notify } from '../../deliver.js';
import { localeOf, type SlackDeps } from '../../deps.js';
import { slackQuery } from '../../query.js';
import { buildModal } from '../../modal.js';
import { SHORTCUT_CALLBACK } from '../../names.js';
import { questionFromMessage } from '../../text.js';

export function registerShortcutOpen(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUT_CALLBACK, guard(deps.log, '"Answer with FAQ"'), async ({ shortcut, ack, client, respond }) => {
    await ack();
    const author = shortcut.message.user;
    const target = aimedAt({ asker: shortcut.user, target: author ? { id: author } : undefined });
    let asker: Person = await deps.groups.of(client, { id: shortcut.user.id, name: shortcut.user.name });
    if (target) asker = await deps.people.withRights(client, asker);
    const text = questionFromMessage(shortcut.message.text ?? '');
    const threadTs = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
    const query = slackQuery(deps, {
      text,
      channelId: shortcut.channel.id,
      threadId: threadTs,
      teamId: shortcut.team?.id,
      enterpriseId: shortcut.enterprise?.id,
      asker,
      target,
      via: 'message-menu',
      ...(await localeOf(deps, client, shortcut.user.id)),
    });
    const reply = await deps.service.ask(query);
    const view = buildModal(reply, { channelId: shortcut.channel.id, threadTs, text, ...(author ? { authorId: author } : {}) });
    try {
      await client.views.open({ trigger_id: shortcut.trigger_id, view });
    } catch (error) {
      deps.log.warn(`slack: could not open the "Answer with FAQ" window: ${describeError(error)}`);
      await notify(
        {
          private: async (m) => {
            await respond({ response_type: 'ephemeral', ...m });
          },
          public: async () => {},
        },
        `The "Answer with FAQ" window could not open: ${explain(error)}`,
        deps.log,
      );
    }
  });
}

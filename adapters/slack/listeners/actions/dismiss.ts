// "Dismiss" on a public answer: the asker, the member it was for, or a workspace admin or
// owner deletes it; anyone else is told privately who can.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { guard } from '../../guard.js';
import { describeError, mayDismiss } from '../../../../src/index.js';
import { ACTION, decodeValue } from '../../action-value.js';
import { explain, notify } from '../../deliver.js';
import { localeOf, PLATFORM, type SlackDeps } from '../../deps.js';
import { askerOf, destination, teamOf, whereOf } from './click.js';

export function registerDismiss(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    ACTION.dismiss,
    guard(deps.log, 'the Dismiss button'),
    async ({ ack, body, action, respond, client }) => {
      await ack();
      const value = decodeValue(action.value);
      const ts = body.message?.ts;
      if (!value?.askerId || !ts || !body.channel?.id) return;
      const dismissers = { askerId: value.askerId, ...(value.targetId ? { targetId: value.targetId } : {}) };
      // Whether the clicker is an admin is looked up (users.info) only when it decides.
      const clicker = askerOf(body);
      const self = mayDismiss(clicker, dismissers);
      const by = self ? clicker : await deps.people.withRights(client, clicker);
      // Only a refusal is worded, in the clicker's language: their users.info, just read for their rights, has it.
      const locale = self ? {} : await localeOf(deps, client, body.user.id);
      const decision = deps.service.dismiss({
        askId: value.askId,
        entryId: value.entryId,
        platform: PLATFORM,
        dismissers,
        by,
        ...teamOf(deps, body),
        channelId: body.channel.id,
        ...locale,
      });
      const to = destination(whereOf(body, value), respond, client);
      if (!decision.allowed) {
        await notify(to, decision.message, deps.log);
        return;
      }
      try {
        await client.chat.delete({ channel: body.channel.id, ts });
      } catch (error) {
        // Someone removed it first: what they wanted is done.
        if ((error as { data?: { error?: string } }).data?.error === 'message_not_found') return;
        deps.log.warn(`slack: could not remove an answer: ${describeError(error)}`);
        await notify(to, `I could not remove the answer: ${explain(error)}`, deps.log);
      }
    },
  );
}

// "Ask a human": allowed once per ask and rate-limited by the service; the helpers' group is
// pinged in a thread with the question, and the member told privately.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { guard } from '../../guard.js';
import { describeError, phrasesFor } from '../../../../src/index.js';
import { ACTION, decodeValue } from '../../action-value.js';
import { explain, notify } from '../../deliver.js';
import { localeOf, PLATFORM, type SlackDeps } from '../../deps.js';
import { postHandoff } from '../../handoff.js';
import { askerOf, destination, teamOf, whereOf } from './click.js';

export function registerHandoff(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    ACTION.handoff,
    guard(deps.log, 'the Ask a human button'),
    async ({ ack, body, action, respond, client }) => {
      await ack();
      const value = decodeValue(action.value);
      if (!value || !body.channel?.id) return;
      const where = whereOf(body, value);
      const by = askerOf(body);
      const locale = await localeOf(deps, client, body.user.id);
      const decision = await deps.service.handoff({
        askId: value.askId,
        platform: PLATFORM,
        channelId: where.channelId,
        by,
        ...(where.threadTs ? { threadId: where.threadTs } : {}),
        ...teamOf(deps, body),
        ...(value.entryId !== '-' && value.entryId !== '' ? { entryId: value.entryId } : {}),
        ...locale,
      });
      const to = destination(where, respond, client);
      if (!decision.allowed) {
        await notify(to, decision.message, deps.log);
        return;
      }
      try {
        await postHandoff(client, where, decision.helpers, by.name ?? 'A member', decision.question);
      } catch (error) {
        // Pressing again once the cause is fixed must not meet the hand-off limits.
        await deps.service.handoffNotDelivered(value.askId);
        deps.log.warn(`slack: hand-off in channel ${where.channelId} failed: ${describeError(error)}`);
        await notify(to, `I could not ask the helpers: ${explain(error)}`, deps.log);
        return;
      }
      await notify(
        to,
        phrasesFor(deps.service.languageOf({ ...teamOf(deps, body), channelId: where.channelId, ...locale })).handoffDone,
        deps.log,
      );
    },
  );
}

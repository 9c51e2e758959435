// The "Answer with FAQ" modal's submit: the picked answer in the message's thread,
// mentioning its author.
import type { App } from '@slack/bolt';
import { guard } from '../../guard.js';
import { aimedAt, describeError, type Person } from '../../../../src/index.js';
import { ACTION } from '../../action-value.js';
import { renderReply } from '../../blocks.js';
import { explain } from '../../deliver.js';
import { localeOf, type SlackDeps } from '../../deps.js';
import { slackQuery } from '../../query.js';
import { decodeState, MODAL_CALLBACK, PICK_BLOCK } from '../../modal.js';
import { truncate } from '../../split.js';

/** Slack closes a request after 3 s; the post must not hold the modal's answer longer. */
const SUBMIT_BUDGET_MS = 2500;

export function registerShortcutSubmit(app: App, deps: SlackDeps): void {
  app.view(MODAL_CALLBACK, guard(deps.log, 'the "Answer with FAQ" window'), async ({ ack, body, view, client }) => {
    const state = decodeState(view.private_metadata);
    const entryId = view.state.values[PICK_BLOCK]?.[ACTION.modalPick]?.selected_option?.value;
    if (!state || !entryId) {
      await ack({ response_action: 'errors', errors: { [PICK_BLOCK]: 'Pick an answer to post.' } });
      return;
    }
    const target = aimedAt({ asker: body.user, target: state.authorId ? { id: state.authorId } : undefined });
    let asker: Person = await deps.groups.of(client, { id: body.user.id, name: body.user.name });
    if (target) asker = await deps.people.withRights(client, asker);
    const query = slackQuery(deps, {
      text: state.text,
      channelId: state.channelId,
      threadId: state.threadTs,
      teamId: body.team?.id,
      enterpriseId: body.enterprise?.id,
      asker,
      target,
      via: 'message-menu',
      ...(await localeOf(deps, client, body.user.id)),
    });
    // Without an author to answer, posting in the thread is itself the moderator's choice to share.
    const reply = await deps.service.choose(query, entryId, {
      ...(target ? {} : { share: true }),
      ...(state.askId ? { fromAskId: state.askId } : {}),
    });
    if (reply.kind !== 'answer' || reply.visibility !== 'public') {
      const why = reply.kind === 'held' ? reply.message : 'That entry is no longer in the knowledge base; pick another.';
      await ack({ response_action: 'errors', errors: { [PICK_BLOCK]: truncate(why, 150) } });
      return;
    }
    const message = renderReply(reply, { via: 'message-menu', ...(target ? { target } : {}) });
    const post = client.chat.postMessage({
      channel: state.channelId,
      thread_ts: state.threadTs,
      ...message,
      unfurl_links: false,
      unfurl_media: false,
    });
    // Post before closing the modal, so a refusal can be shown in it; but never past Slack's deadline.
    const outcome = await Promise.race([
      post.then(
        () => 'posted' as const,
        (error: unknown) => error,
      ),
      new Promise<'slow'>((done) => setTimeout(() => done('slow'), SUBMIT_BUDGET_MS).unref()),
    ]);
    if (outcome === 'posted') {
      await ack();
    } else if (outcome === 'slow') {
      await ack();
      post.catch(async (error: unknown) => {
        await deps.service.notDelivered(reply.askId);
        deps.log.warn(`slack: could not post the chosen answer: ${describeError(error)}`);
      });
    } else {
      await deps.service.notDelivered(reply.askId);
      deps.log.warn(`slack: could not post the chosen answer: ${describeError(outcome)}`);
      await ack({ response_action: 'errors', errors: { [PICK_BLOCK]: truncate(explain(outcome), 150) } });
    }
  });
}

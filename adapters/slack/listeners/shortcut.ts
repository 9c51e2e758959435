// The "Answer with FAQ" message shortcut: a modal with the best candidates for that message,
// a preview that follows the pick, and on submit the answer in the message's thread,
// mentioning its author.
import type { App, BlockAction, MessageShortcut, RadioButtonsAction } from '@slack/bolt';
import { guard } from '../guard.js';
import { aimedAt, describeError, type Person } from '../../../src/index.js';
import { ACTION } from '../action-value.js';
import { renderReply } from '../blocks.js';
import { explain, notify } from '../deliver.js';
import { communityOf, localeOf, type SlackDeps } from '../deps.js';
import { slackQuery } from '../query.js';
import { buildModal, decodeState, MODAL_CALLBACK, PICK_BLOCK } from '../modal.js';
import { SHORTCUT_CALLBACK } from '../names.js';
import { truncate } from '../split.js';
import { questionFromMessage } from '../text.js';

/** Slack closes a request after 3 s; the post must not hold the modal's answer longer. */
const SUBMIT_BUDGET_MS = 2500;

export function register(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUT_CALLBACK, guard(deps.log, '"Answer with FAQ"'), async ({ shortcut, ack, client, respond }) => {
    await ack();
    const author = shortcut.message.user;
    const target = aimedAt({ asker: shortcut.user, target: author ? { id: author } : undefined });
    let asker: Person = await deps.groups.of(client, { id: shortcut.user.id, name: shortcut.user.name });
    if (target) asker = await deps.people.withRights(client, asker);
    const text = questionFromMessage(shortcut.message.text ?? '');
    const threadTs = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
    const query = slackQuery(deps, {
      text, channelId: shortcut.channel.id, threadId: threadTs, teamId: shortcut.team?.id, enterpriseId: shortcut.enterprise?.id, asker, target, via: 'message-menu',
      ...(await localeOf(deps, client, shortcut.user.id)),
    });
    const reply = await deps.service.ask(query);
    const view = buildModal(reply, { channelId: shortcut.channel.id, threadTs, text, ...(author ? { authorId: author } : {}) });
    try {
      await client.views.open({ trigger_id: shortcut.trigger_id, view });
    } catch (error) {
      deps.log.warn(`slack: could not open the "Answer with FAQ" window: ${describeError(error)}`);
      await notify({ private: async (m) => { await respond({ response_type: 'ephemeral', ...m }); }, public: async () => {} },
        `The "Answer with FAQ" window could not open: ${explain(error)}`, deps.log);
    }
  });

  // A new pick redraws the preview.
  app.action<BlockAction<RadioButtonsAction>>(ACTION.modalPick, guard(deps.log, 'the "Answer with FAQ" preview'), async ({ ack, body, action, client }) => {
    await ack();
    const view = body.view;
    const state = decodeState(view?.private_metadata);
    if (!view || !state) return;
    const kb = deps.service.knowledgeFor(communityOf(deps, body.team?.id, body.enterprise?.id).communityId);
    const entries = state.entryIds.flatMap((id) => kb.byId.get(id) ?? []);
    const picked = kb.byId.get(action.selected_option?.value ?? '');
    const placeholder = { kind: 'suggest' as const, askId: '', visibility: 'private' as const, mention: [], candidates: entries };
    try {
      await client.views.update({ view_id: view.id, hash: view.hash, view: buildModal(placeholder, state, entries, picked) });
    } catch (error) {
      deps.log.warn(`slack: could not update the preview: ${describeError(error)}`);
    }
  });

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
      text: state.text, channelId: state.channelId, threadId: state.threadTs, teamId: body.team?.id, enterpriseId: body.enterprise?.id, asker, target, via: 'message-menu',
      ...(await localeOf(deps, client, body.user.id)),
    });
    // Without an author to answer, posting in the thread is itself the moderator's choice to share.
    const reply = await deps.service.choose(query, entryId, { ...(target ? {} : { share: true }), ...(state.askId ? { fromAskId: state.askId } : {}) });
    if (reply.kind !== 'answer' || reply.visibility !== 'public') {
      const why = reply.kind === 'held' ? reply.message : 'That entry is no longer in the knowledge base; pick another.';
      await ack({ response_action: 'errors', errors: { [PICK_BLOCK]: truncate(why, 150) } });
      return;
    }
    const message = renderReply(reply, { via: 'message-menu', ...(target ? { target } : {}) });
    const post = client.chat.postMessage({ channel: state.channelId, thread_ts: state.threadTs, ...message, unfurl_links: false, unfurl_media: false });
    // Post before closing the modal, so a refusal can be shown in it; but never past Slack's deadline.
    const outcome = await Promise.race([
      post.then(() => 'posted' as const, (error: unknown) => error),
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

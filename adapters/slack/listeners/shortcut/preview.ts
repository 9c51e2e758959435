// The "Answer with FAQ" modal: a new pick redraws the preview.
import type { App, BlockAction, RadioButtonsAction } from '@slack/bolt';
import { guard } from '../../guard.js';
import { describeError } from '../../../../src/index.js';
import { ACTION } from '../../action-value.js';
import { communityOf, type SlackDeps } from '../../deps.js';
import { buildModal, decodeState } from '../../modal.js';

export function registerShortcutPreview(app: App, deps: SlackDeps): void {
  app.action<BlockAction<RadioButtonsAction>>(
    ACTION.modalPick,
    guard(deps.log, 'the "Answer with FAQ" preview'),
    async ({ ack, body, action, client }) => {
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
    },
  );
}

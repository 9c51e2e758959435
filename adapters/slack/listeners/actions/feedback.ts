// "Helpful" / "Not helpful" on an answer: one callback for both buttons, recorded and thanked.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { guard } from '../../guard.js';
import { phrasesFor } from '../../../../src/index.js';
import { ACTION, decodeValue } from '../../action-value.js';
import { notify } from '../../deliver.js';
import { localeOf, PLATFORM, type SlackDeps } from '../../deps.js';
import { askerOf, destination, teamOf, whereOf } from './click.js';

export function registerFeedback(app: App, deps: SlackDeps): void {
  for (const [actionId, helpful] of [
    [ACTION.helpful, true],
    [ACTION.notHelpful, false],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(
      actionId,
      guard(deps.log, `button ${actionId}`),
      async ({ ack, body, action, respond, client }) => {
        await ack();
        const value = decodeValue(action.value);
        if (!value) return;
        deps.service.feedback({
          askId: value.askId,
          entryId: value.entryId,
          helpful,
          by: askerOf(body),
          platform: PLATFORM,
          ...teamOf(deps, body),
        });
        const say = phrasesFor(
          deps.service.languageOf({
            ...teamOf(deps, body),
            channelId: whereOf(body, value).channelId,
            ...(await localeOf(deps, client, body.user.id)),
          }),
        );
        await notify(destination(whereOf(body, value), respond, client), helpful ? say.thanksHelpful : say.thanksNotHelpful, deps.log);
      },
    );
  }
}

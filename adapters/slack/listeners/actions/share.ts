// "Share" on a private answer: the answer is posted in the channel for everyone.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { guard } from '../../guard.js';
import { describeError } from '../../../../src/index.js';
import { ACTION, decodeValue } from '../../action-value.js';
import { deliver } from '../../deliver.js';
import { localeOf, type SlackDeps } from '../../deps.js';
import { askerOf, destination, queryOf, whereOf } from './click.js';

export function registerShare(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    ACTION.share,
    guard(deps.log, 'the Share button'),
    async ({ ack, body, action, respond, client }) => {
      await ack();
      const value = decodeValue(action.value);
      if (!value) return;
      const where = whereOf(body, value);
      const query = {
        ...queryOf(deps, body, await deps.groups.of(client, askerOf(body)), value, undefined, where),
        ...(await localeOf(deps, client, body.user.id)),
      };
      const reply = await deps.service.choose(query, value.entryId, { share: true, fromAskId: value.askId });
      let posted = false;
      const to = destination(where, respond, client);
      await deliver(
        reply,
        { via: value.via },
        {
          ...to,
          public: async (m) => {
            await to.public(m);
            posted = true;
          },
        },
        deps,
      );
      // The private copy has done its job once everyone can see the answer.
      if (posted && where.ephemeral)
        await respond({ delete_original: true }).catch((e: unknown) =>
          deps.log.warn(`slack: could not remove the private answer: ${describeError(e)}`),
        );
    },
  );
}

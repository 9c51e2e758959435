// A suggestion button: the picked entry is answered as if it had been asked for.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { guard } from '../../guard.js';
import { aimedAt, type Person } from '../../../../src/index.js';
import { ACTION, decodeValue } from '../../action-value.js';
import { deliver } from '../../deliver.js';
import { localeOf, type SlackDeps } from '../../deps.js';
import { askerOf, destination, queryOf, whereOf } from './click.js';

export function registerChoose(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${ACTION.choose}(:|$)`),
    guard(deps.log, 'a suggestion button'),
    async ({ ack, body, action, respond, client }) => {
      await ack();
      const value = decodeValue(action.value);
      if (!value) return;
      const where = whereOf(body, value);
      let asker = await deps.groups.of(client, askerOf(body));
      const target: Person | undefined = value.targetId ? { id: value.targetId } : undefined;
      if (aimedAt({ asker, target })) asker = await deps.people.withRights(client, asker);
      const reply = await deps.service.choose(
        { ...queryOf(deps, body, asker, value, target, where), ...(await localeOf(deps, client, body.user.id)) },
        value.entryId,
        { fromAskId: value.askId },
      );
      // A picked suggestion replaces the private list it came from; a public list stays for others.
      await deliver(reply, { via: value.via, ...(target ? { target } : {}) }, destination(where, respond, client), deps, {
        replace: where.ephemeral,
      });
    },
  );
}

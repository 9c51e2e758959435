// Buttons on answers and suggestions: pick a suggestion, share a private answer in the
// channel, and say whether an answer helped.
import type { App, BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import { guard } from '../guard.js';
import { aimedAt, describeError, mayDismiss, type Person, phrasesFor, type Query } from '../../../src/index.js';
import { ACTION, decodeValue, type ActionValue } from '../action-value.js';
import { deliver, explain, notify, type Destination } from '../deliver.js';
import { communityOf, localeOf, PLATFORM, type SlackDeps } from '../deps.js';
import { slackQuery } from '../query.js';
import { postHandoff } from '../handoff.js';

export function register(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION.choose}(:|$)`), guard(deps.log, 'a suggestion button'), async ({ ack, body, action, respond, client }) => {
    await ack();
    const value = decodeValue(action.value);
    if (!value) return;
    const where = whereOf(body, value);
    let asker = await deps.groups.of(client, askerOf(body));
    const target: Person | undefined = value.targetId ? { id: value.targetId } : undefined;
    if (aimedAt({ asker, target })) asker = await deps.people.withRights(client, asker);
    const reply = await deps.service.choose({ ...queryOf(deps, body, asker, value, target, where), ...(await localeOf(deps, client, body.user.id)) }, value.entryId, { fromAskId: value.askId });
    // A picked suggestion replaces the private list it came from; a public list stays for others.
    await deliver(reply, { via: value.via, ...(target ? { target } : {}) }, destination(where, respond, client), deps, { replace: where.ephemeral });
  });

  app.action<BlockAction<ButtonAction>>(ACTION.share, guard(deps.log, 'the Share button'), async ({ ack, body, action, respond, client }) => {
    await ack();
    const value = decodeValue(action.value);
    if (!value) return;
    const where = whereOf(body, value);
    const query = { ...queryOf(deps, body, await deps.groups.of(client, askerOf(body)), value, undefined, where), ...(await localeOf(deps, client, body.user.id)) };
    const reply = await deps.service.choose(query, value.entryId, { share: true, fromAskId: value.askId });
    let posted = false;
    const to = destination(where, respond, client);
    await deliver(reply, { via: value.via }, { ...to, public: async (m) => { await to.public(m); posted = true; } }, deps);
    // The private copy has done its job once everyone can see the answer.
    if (posted && where.ephemeral) await respond({ delete_original: true }).catch((e: unknown) => deps.log.warn(`slack: could not remove the private answer: ${describeError(e)}`));
  });

  for (const [actionId, helpful] of [[ACTION.helpful, true], [ACTION.notHelpful, false]] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, guard(deps.log, `button ${actionId}`), async ({ ack, body, action, respond, client }) => {
      await ack();
      const value = decodeValue(action.value);
      if (!value) return;
      deps.service.feedback({ askId: value.askId, entryId: value.entryId, helpful, by: askerOf(body), platform: PLATFORM, ...teamOf(deps, body) });
      const say = phrasesFor(deps.service.languageOf({ ...teamOf(deps, body), channelId: whereOf(body, value).channelId, ...(await localeOf(deps, client, body.user.id)) }));
      await notify(destination(whereOf(body, value), respond, client), helpful ? say.thanksHelpful : say.thanksNotHelpful, deps.log);
    });
  }

  // "Ask a human": allowed once per ask and rate-limited by the service; the helpers' group is
  // pinged in a thread with the question, and the member told privately.
  app.action<BlockAction<ButtonAction>>(ACTION.handoff, guard(deps.log, 'the Ask a human button'), async ({ ack, body, action, respond, client }) => {
    await ack();
    const value = decodeValue(action.value);
    if (!value || !body.channel?.id) return;
    const where = whereOf(body, value);
    const by = askerOf(body);
    const locale = await localeOf(deps, client, body.user.id);
    const decision = await deps.service.handoff({
      askId: value.askId, platform: PLATFORM, channelId: where.channelId, by,
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
    await notify(to, phrasesFor(deps.service.languageOf({ ...teamOf(deps, body), channelId: where.channelId, ...locale })).handoffDone, deps.log);
  });

  // "Dismiss" on a public answer: the asker, the member it was for, or a workspace admin or
  // owner deletes it; anyone else is told privately who can.
  app.action<BlockAction<ButtonAction>>(ACTION.dismiss, guard(deps.log, 'the Dismiss button'), async ({ ack, body, action, respond, client }) => {
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
    const decision = deps.service.dismiss({ askId: value.askId, entryId: value.entryId, platform: PLATFORM, dismissers, by, ...teamOf(deps, body), channelId: body.channel.id, ...locale });
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
  });
}

interface Where {
  readonly channelId: string;
  readonly threadTs?: string;
  /** The button sat on a message only the clicker could see. */
  readonly ephemeral: boolean;
}

function whereOf(body: BlockAction, value: ActionValue): Where {
  const container = body.container as { is_ephemeral?: boolean; thread_ts?: string; channel_id?: string };
  const ephemeral = container.is_ephemeral === true || body.message === undefined;
  const channelId = body.channel?.id ?? container.channel_id ?? '';
  let threadTs = (container.thread_ts ?? body.message?.thread_ts) as string | undefined;
  // Answers to a mention live in its thread, even when the list was the thread's first reply.
  if (!threadTs && value.via === 'mention' && !ephemeral) threadTs = body.message?.ts;
  return { channelId, ephemeral, ...(threadTs ? { threadTs } : {}) };
}

function askerOf(body: BlockAction): Person {
  const name = body.user.name ?? body.user.username;
  return { id: body.user.id, ...(name ? { name } : {}) };
}

function queryOf(deps: SlackDeps, body: BlockAction, asker: Person, value: ActionValue, target: Person | undefined, where: Where): Query {
  return slackQuery(deps, {
    text: '', channelId: body.channel?.id ?? '', threadId: where.threadTs, teamId: body.team?.id ?? body.user.team_id, enterpriseId: body.enterprise?.id,
    asker, target, via: value.via,
  });
}

function destination(where: Where, respond: RespondFn, client: webApi.WebClient): Destination {
  return {
    private: async (message, options) => {
      await respond({ response_type: 'ephemeral', replace_original: options?.replace ?? false, ...message });
    },
    public: async (message) => {
      await client.chat.postMessage({
        channel: where.channelId, ...(where.threadTs ? { thread_ts: where.threadTs } : {}), ...message, unfurl_links: false, unfurl_media: false,
      });
    },
  };
}

/** The workspace a click came from, as the core's `communityId`. */
function teamOf(deps: SlackDeps, body: BlockAction): { communityId?: string } {
  return communityOf(deps, body.team?.id ?? body.user.team_id, body.enterprise?.id);
}

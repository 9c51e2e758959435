// Sends a rendered reply where its visibility says: to the asker alone, or into the channel.
// A public post Slack refuses (not in the channel, rate limited...) becomes a private reply
// that says why and still carries the answer; when even that fails, a logged warning.
import { describeError, type Logger, type Reply } from '../../src/index.js';
import type { SlackDeps } from './deps.js';
import { renderReply, type RenderContext, type SlackMessage } from './blocks.js';

export interface Destination {
  /** Shows a message to the asker alone; `replace` swaps the message a button was on. */
  private?(message: SlackMessage, options?: { replace?: boolean }): Promise<void>;
  /** Posts in the channel (or the thread) for everyone. */
  public(message: SlackMessage): Promise<void>;
}

export interface DeliverOptions {
  /** Swap the private message a button was pressed on instead of adding one. */
  replace?: boolean;
}

export async function deliver(
  reply: Reply,
  ctx: RenderContext,
  to: Destination,
  deps: Pick<SlackDeps, 'log' | 'service'>,
  options: DeliverOptions = {},
): Promise<boolean> {
  const { log } = deps;
  if (reply.visibility === 'public' || !to.private) {
    try {
      await to.public(renderReply(reply, ctx));
      return true;
    } catch (error) {
      const why = explain(error);
      log.warn(`slack: could not post in the channel: ${describeError(error)}`);
      // Nobody saw it: asking again once the cause is fixed must not meet a cooldown.
      await deps.service.notDelivered(reply.askId);
      if (!to.private) return false;
      return sendPrivately(
        to,
        renderReply(reply, { ...ctx, notice: `I could not post this in the channel: ${why} Here it is for you.` }),
        log,
      );
    }
  }
  return sendPrivately(to, renderReply(reply, ctx), log, options.replace);
}

/** A short private note (a thank-you, an error) to the asker. */
export async function notify(to: Destination, text: string, log: Logger): Promise<void> {
  const message = { text, blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text } }] };
  if (to.private) await sendPrivately(to, message, log);
  else await to.public(message).catch((error: unknown) => log.warn(`slack: could not reply: ${describeError(error)}`));
}

async function sendPrivately(to: Destination, message: SlackMessage, log: Logger, replace = false): Promise<boolean> {
  try {
    await to.private!(message, { replace });
    return true;
  } catch (error) {
    log.warn(`slack: could not reply privately: ${describeError(error)}`);
    return false;
  }
}

/** A sentence for the member about why Slack refused a call. */
export function explain(error: unknown): string {
  const e = error as { code?: string; data?: { error?: string }; retryAfter?: number };
  if (e?.code === 'slack_webapi_rate_limited_error') {
    return `Slack is asking me to slow down; try again in ${Math.max(1, Math.ceil(e.retryAfter ?? 30))} s.`;
  }
  switch (e?.data?.error) {
    case 'not_in_channel':
      return 'I am not a member of this channel. Add me with `/invite @faqbot` and try again.';
    case 'channel_not_found':
      return 'I cannot see this channel (a private channel or a conversation I am not part of). Add me to it and try again.';
    case 'expired_trigger_id':
    case 'invalid_trigger_id':
      return 'the request expired before the window could open; try the shortcut again.';
    case 'is_archived':
      return 'this channel is archived.';
    case 'restricted_action':
    case 'restricted_action_read_only_channel':
      return 'posting in this channel is restricted.';
    default:
      return `Slack refused the message (${e?.data?.error ?? 'no response'}).`;
  }
}

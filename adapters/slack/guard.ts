// The one catch at the edge of every Slack listener, as listener middleware placed before the
// handler: an error is logged and the member is told, privately, as the Discord adapter does.
// Bolt's app.error() only logs, so without this the member would get nothing at all.
import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { APOLOGY, type Logger } from '../../src/index.js';

/** Listener middleware: runs the rest of the chain and turns an error into an apology. */
export function guard(log: Logger, name: string): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (error) {
      log.error(`slack: ${name} failed`, error);
      await apologise(args, log);
    }
  };
}

async function apologise(args: AnyMiddlewareArgs & AllMiddlewareArgs, log: Logger): Promise<void> {
  // Slack shows its own "failed" notice when a request is not acknowledged in 3 s; a second
  // ack after the handler's own one is refused by the receiver, which is fine.
  const ack = (args as { ack?: () => Promise<void> }).ack;
  if (ack) await ack().catch(() => {});
  try {
    const respond = (args as { respond?: (m: Record<string, unknown>) => Promise<unknown> }).respond;
    if (respond) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: APOLOGY });
      return;
    }
    // Events (a mention, a direct message) have no response_url: reply to the person alone.
    const event = (args.body as { event?: { channel?: string; user?: string; thread_ts?: string; ts?: string } }).event;
    if (event?.channel && event.user) {
      await args.client.chat.postEphemeral({
        channel: event.channel,
        user: event.user,
        text: APOLOGY,
        ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
      });
      return;
    }
    // A modal submission has neither: the member's direct messages with the bot are left.
    const user = (args.body as { user?: { id?: string } }).user?.id;
    if (user) await args.client.chat.postMessage({ channel: user, text: APOLOGY });
  } catch (error) {
    log.error('slack: could not send the apology either', error);
  }
}

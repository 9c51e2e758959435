// Builds and starts the Bolt app from the secrets: Socket Mode when an app-level token is set
// (no public URL needed), otherwise HTTP on PORT at /slack/events with signature checks.
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { ConnectionTracker, describeError, FaqbotError, type PlatformDeps, restrictingGroups, type RunningPlatform } from '../../src/index.js';
import { boltLogger } from './bolt-logger.js';
import { SeenEvents } from './dedupe.js';
import { guardRequests } from './http-guard.js';
import { slackSocketMode } from './mode.js';
import { EVENTS_PATH } from './names.js';
import { SocketReceiver, slackError } from './socket-receiver.js';
import type { SlackDeps } from './deps.js';
import { register as registerActions } from './listeners/actions.js';
import { register as registerCommand } from './listeners/command.js';
import { register as registerDirectMessage } from './listeners/direct-message.js';
import { register as registerHelpChannel } from './listeners/help-channel.js';
import { register as registerMention } from './listeners/mention.js';
import { register as registerShortcut } from './listeners/shortcut.js';
import { register as registerStats } from './listeners/stats.js';
import { People } from './people.js';
import { Groups } from './groups.js';

/** One Web API call may take this long... */
const REQUEST_TIMEOUT_MS = 10_000;
/** ...and so may one Socket Mode connection attempt (apps.connections.open, then Slack's hello). */
const ATTEMPT_TIMEOUT_MS = 10_000;

export interface RunningSlack extends RunningPlatform {
  readonly mode: 'socket' | 'http';
  /** The port HTTP mode listens on (useful with PORT=0); absent in Socket Mode. */
  readonly port?: number;
}

export async function startSlack({ service, secrets, log, state, fatal, signal, inFlight, onHealth, httpRoutes = [] }: PlatformDeps): Promise<RunningSlack> {
  const token = secrets.slackBotToken;
  if (!token) throw new FaqbotError('config', 'SLACK_BOT_TOKEN is not set');
  const socketMode = slackSocketMode(secrets);
  if (!socketMode && !secrets.slackSigningSecret) {
    throw new FaqbotError('config', 'SLACK_BOT_TOKEN is set, but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is; set one of them (see README "Slack")');
  }
  const clientOptions = {
    ...(secrets.slackApiUrl ? { slackApiUrl: withSlash(secrets.slackApiUrl) } : {}),
    // A few quick retries for network hiccups; a rate limit is reported, not waited out for minutes.
    retryConfig: { retries: 2, factor: 2, minTimeout: 100, maxTimeout: 1000 },
    // A call Slack accepts and never answers fails instead of waiting forever.
    timeout: REQUEST_TIMEOUT_MS,
    rejectRateLimitedCalls: true,
  };
  const logger = boltLogger(log);
  const connection = new ConnectionTracker(Date.now, onHealth);
  const receiver = socketMode
    ? new SocketReceiver({
      appToken: secrets.slackAppToken!,
      ...(secrets.slackApiUrl ? { apiUrl: withSlash(secrets.slackApiUrl) } : {}),
      log,
      connection,
      fatal: fatal ?? ((reason) => log.error(`slack: ${reason}`)),
      attemptTimeoutMs: ATTEMPT_TIMEOUT_MS,
    })
    : new HTTPReceiver({
      signingSecret: secrets.slackSigningSecret!, port: secrets.port, endpoints: EVENTS_PATH, logger,
      // The ops endpoints (and Discord's interactions) on the same port, served before Slack's signature check.
      customRoutes: httpRoutes.map((r) => ({ path: r.path, method: r.method, handler: r.handler })),
    });
  if (receiver instanceof HTTPReceiver) {
    // The guard is Slack's front door only: other routes (Discord's) check their own signatures and sizes.
    const guarded = guardRequests(receiver.requestListener);
    const plain = receiver.requestListener;
    receiver.requestListener = (req, res) => (new URL(req.url ?? '/', 'http://localhost').pathname === EVENTS_PATH ? guarded : plain)(req, res);
  }
  const app = new App({
    token,
    logger,
    deferInitialization: true,
    // No listener uses Bolt's conversation state; skipping it saves a store lookup per request.
    convoStore: false,
    clientOptions,
    receiver,
  });

  const seen = new SeenEvents(state);
  app.use(async (args) => {
    const { event_id: eventId, trigger_id: triggerId } = args.body as { event_id?: unknown; trigger_id?: unknown };
    if (typeof eventId === 'string' && !(await seen.firstTime(eventId))) return;
    // A replayed command or click (same trigger_id) is acknowledged and not answered again.
    if (typeof triggerId === 'string' && !(await seen.firstTime(`trigger:${triggerId}`))) {
      await (args as { ack?: () => Promise<void> }).ack?.();
      return;
    }
    // The whole listener run (match, then post) is one in-flight answer for shutdown to wait on.
    await (inFlight ? inFlight.track(args.next(), 'slack') : args.next());
  });
  app.error(async (error) => {
    log.error('slack: a request could not be handled', error);
  });
  const deps: SlackDeps = { service, log, people: new People(log), groups: new Groups(log, () => [...new Set(service.knowledgeBases().flatMap(restrictingGroups))]) };
  for (const register of [registerCommand, registerStats, registerMention, registerDirectMessage, registerHelpChannel, registerActions, registerShortcut]) {
    register(app, deps);
  }

  // Start-up took too long (see startWithin): close what is open, stop reconnecting.
  signal?.addEventListener('abort', () => void app.stop().catch(() => undefined), { once: true });
  try {
    await app.init();
  } catch (error) {
    // A refused connection is not a refused token: say which, so the fix is the right one.
    if ((error as { code?: string }).code === 'slack_webapi_request_error') {
      throw new FaqbotError('config', `could not reach Slack (${slackError(error)}); check the network, or SLACK_API_URL if you set it`);
    }
    throw new FaqbotError('config', `Slack did not accept SLACK_BOT_TOKEN (${slackError(error)}); copy the Bot User OAuth Token (xoxb-...) from your app's "OAuth & Permissions" page`);
  }
  let port: number | undefined;
  try {
    const started: unknown = await app.start();
    const address = (started as { address?: () => AddressInfo | string | null } | undefined)?.address?.();
    if (address && typeof address === 'object') port = address.port;
  } catch (error) {
    throw new FaqbotError('config', socketMode
      ? `Slack Socket Mode did not connect (${slackError(error)}); check SLACK_APP_TOKEN (xapp-..., with the connections:write scope) and that Socket Mode is on`
      : `could not listen for Slack on port ${secrets.port} (${describeError(error)}); set PORT to a free port`);
  }
  connection.set('connected');
  log.info(socketMode ? 'slack: connected in Socket Mode' : `slack: listening for Slack requests on port ${port ?? secrets.port} at ${EVENTS_PATH}`,
    socketMode ? { mode: 'socket' } : { mode: 'http', port: port ?? secrets.port, path: EVENTS_PATH });
  return {
    name: 'slack',
    health: () => connection.health,
    mode: socketMode ? 'socket' : 'http',
    ...(port !== undefined ? { port } : {}),
    async stop() {
      await app.stop().catch((error: unknown) => log.warn(`slack: stopping: ${describeError(error)}`));
    },
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

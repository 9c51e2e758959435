// Builds and starts the Bolt app from the secrets: Socket Mode when an app-level token is set
// (no public URL needed), otherwise HTTP on PORT at /slack/events with signature checks.
import type { AddressInfo } from 'node:net';
import { App, SocketModeReceiver } from '@slack/bolt';
import { FaqbotError } from '../../src/errors.js';
import { describeError } from '../../src/log.js';
import { ConnectionTracker, type PlatformDeps, type RunningPlatform } from '../../src/platform.js';
import { boltLogger } from './bolt-logger.js';
import { SeenEvents } from './dedupe.js';
import { slackSocketMode } from './mode.js';
import type { SlackDeps } from './deps.js';
import { register as registerActions } from './listeners/actions.js';
import { register as registerCommand } from './listeners/command.js';
import { register as registerDirectMessage } from './listeners/direct-message.js';
import { register as registerMention } from './listeners/mention.js';
import { register as registerShortcut } from './listeners/shortcut.js';
import { register as registerStats } from './listeners/stats.js';
import { People } from './people.js';

export const EVENTS_PATH = '/slack/events';

export interface RunningSlack extends RunningPlatform {
  readonly mode: 'socket' | 'http';
  /** The port HTTP mode listens on (useful with PORT=0); absent in Socket Mode. */
  readonly port?: number;
}

export async function startSlack({ service, secrets, log, inFlight, onHealth, httpRoutes = [] }: PlatformDeps): Promise<RunningSlack> {
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
    rejectRateLimitedCalls: true,
  };
  const logger = boltLogger(log);
  const connection = new ConnectionTracker(Date.now, onHealth);
  // Socket Mode's receiver is made here, not by Bolt, to hear its client's connection events:
  // Slack refreshes these connections every few hours, and a lost one must show in readiness.
  const appToken = socketMode ? secrets.slackAppToken : undefined;
  const socketReceiver = appToken ? new SocketModeReceiver({ appToken, logger, installerOptions: { clientOptions } }) : undefined;
  socketReceiver?.client.on('reconnecting', () => connection.set('reconnecting', 'Socket Mode connection lost'));
  socketReceiver?.client.on('connected', () => connection.set('connected'));
  const app = new App({
    token,
    logger,
    deferInitialization: true,
    // No listener uses Bolt's conversation state; skipping it saves a store lookup per request.
    convoStore: false,
    clientOptions,
    ...(socketMode
      ? { socketMode: true, receiver: socketReceiver }
      : {
        signingSecret: secrets.slackSigningSecret, port: secrets.port, endpoints: EVENTS_PATH,
        // The ops endpoints on the same port; Bolt serves custom routes before checking signatures.
        customRoutes: httpRoutes.map((r) => ({ path: r.path, method: r.method, handler: r.handler })),
      }),
  });

  const seen = new SeenEvents();
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !seen.firstTime(eventId)) return;
    // The whole listener run (match, then post) is one in-flight answer for shutdown to wait on.
    await (inFlight ? inFlight.track(next(), 'slack') : next());
  });
  app.error(async (error) => {
    log.error('slack: a request could not be handled', error);
  });
  const deps: SlackDeps = { service, log, people: new People(log) };
  for (const register of [registerCommand, registerStats, registerMention, registerDirectMessage, registerActions, registerShortcut]) {
    register(app, deps);
  }

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

function slackError(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : describeError(error);
}

// Builds and starts the Bolt app from the secrets: Socket Mode when an app-level token is set
// (no public URL needed), otherwise HTTP on PORT at /slack/events with signature checks. With
// SLACK_CLIENT_ID and the rest instead of SLACK_BOT_TOKEN, Bolt's own installer serves OAuth
// installs at /slack/install, and each request is answered with its workspace's token.
import type { AddressInfo } from 'node:net';
import { App, ErrorCode, HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';
import {
  ConnectionTracker,
  describeError,
  FaqbotError,
  type PlatformDeps,
  restrictingGroups,
  type RunningPlatform,
} from '../../src/index.js';
import { boltLogger } from './bolt-logger.js';
import { SeenEvents } from './dedupe.js';
import { guardRequests } from './http-guard.js';
import { slackSocketMode } from './mode.js';
import { EVENTS_PATH, INSTALL_PATH, REDIRECT_PATH } from './names.js';
import { SocketReceiver, slackError } from './socket-receiver.js';
import type { SlackDeps } from './deps.js';
import { registerChoose } from './listeners/actions/choose.js';
import { registerDismiss } from './listeners/actions/dismiss.js';
import { registerFeedback } from './listeners/actions/feedback.js';
import { registerHandoff } from './listeners/actions/handoff.js';
import { registerShare } from './listeners/actions/share.js';
import { registerCommand } from './listeners/command.js';
import { registerDirectMessage } from './listeners/direct-message.js';
import { registerHelpChannel } from './listeners/help-channel.js';
import { registerMention } from './listeners/mention.js';
import { registerShortcutOpen } from './listeners/shortcut/open.js';
import { registerShortcutPreview } from './listeners/shortcut/preview.js';
import { registerShortcutSubmit } from './listeners/shortcut/submit.js';
import { registerStats } from './listeners/stats.js';
import { registerUninstall } from './listeners/uninstall.js';
import { SlackInstallations } from './installations.js';
import { BOT_SCOPES } from './manifest.js';

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

export async function startSlack({
  service,
  secrets,
  log,
  state,
  fatal,
  signal,
  inFlight,
  onHealth,
  httpRoutes = [],
  installations: records,
}: PlatformDeps): Promise<RunningSlack> {
  const token = secrets.slackBotToken;
  const oauth = secrets.slackOAuth;
  if (!token && !oauth) throw new FaqbotError('config', 'SLACK_BOT_TOKEN is not set');
  const socketMode = slackSocketMode(secrets);
  if (!socketMode && !secrets.slackSigningSecret) {
    throw new FaqbotError(
      'config',
      oauth
        ? 'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are set, but SLACK_SIGNING_SECRET is not: OAuth installs and their requests arrive over HTTP; copy the Signing Secret from the app\'s "Basic Information" page (see docs/slack.md "Many workspaces")'
        : 'SLACK_BOT_TOKEN is set, but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is; set one of them (see README "Slack")',
    );
  }
  if (oauth && !records) throw new Error('slack: OAuth distribution was started without the installation records');
  const installations = oauth && records ? new SlackInstallations(records, log) : undefined;
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
        signingSecret: secrets.slackSigningSecret!,
        port: secrets.port,
        endpoints: EVENTS_PATH,
        logger,
        // The ops endpoints (and Discord's interactions) on the same port, served before Slack's signature check.
        customRoutes: httpRoutes.map((r) => ({ path: r.path, method: r.method, handler: r.handler })),
        ...(oauth && installations
          ? {
              clientId: oauth.clientId,
              clientSecret: oauth.clientSecret,
              stateSecret: oauth.stateSecret,
              // The manifest's scopes: what the app is created with is what each install asks for.
              scopes: [...BOT_SCOPES],
              installationStore: installations,
              installerOptions: {
                clientOptions,
                installPath: INSTALL_PATH,
                redirectUriPath: REDIRECT_PATH,
              } satisfies HTTPReceiverOptions['installerOptions'],
            }
          : {}),
      });
  if (receiver instanceof HTTPReceiver) {
    // The guard is Slack's front door only: other routes (Discord's) check their own signatures and sizes.
    const guarded = guardRequests(receiver.requestListener);
    const plain = receiver.requestListener;
    receiver.requestListener = (req, res) =>
      (new URL(req.url ?? '/', 'http://localhost').pathname === EVENTS_PATH ? guarded : plain)(req, res);
  }
  const app = new App({
    // Without a token Bolt asks the installer for each request's workspace token.
    ...(token ? { token } : {}),
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
    // A workspace without an installation: the installation store has said so, once.
    if (installations && error.code === ErrorCode.AuthorizationError) return;
    log.error('slack: a request could not be handled', error);
  });
  const deps: SlackDeps = {
    service,
    log,
    people: new People(log),
    groups: new Groups(log, () => [...new Set(service.knowledgeBases().flatMap(restrictingGroups))]),
  };
  // One callback per listener file (Helpful and Not helpful share theirs).
  for (const register of [
    registerCommand,
    registerStats,
    registerMention,
    registerDirectMessage,
    registerHelpChannel,
    registerChoose,
    registerShare,
    registerFeedback,
    registerHandoff,
    registerDismiss,
    registerShortcutOpen,
    registerShortcutPreview,
    registerShortcutSubmit,
  ]) {
    register(app, deps);
  }
  if (installations) registerUninstall(app, installations, log);

  // Start-up took too long (see startWithin): close what is open, stop reconnecting.
  signal?.addEventListener('abort', () => void app.stop().catch(() => undefined), { once: true });
  try {
    await app.init();
  } catch (error) {
    if (!token) throw error;
    // A refused connection is not a refused token: say which, so the fix is the right one.
    if ((error as { code?: string }).code === 'slack_webapi_request_error') {
      throw new FaqbotError('config', `could not reach Slack (${slackError(error)}); check the network, or SLACK_API_URL if you set it`);
    }
    throw new FaqbotError(
      'config',
      `Slack did not accept SLACK_BOT_TOKEN (${slackError(error)}); copy the Bot User OAuth Token (xoxb-...) from your app's "OAuth & Permissions" page`,
    );
  }
  let port: number | undefined;
  try {
    const started: unknown = await app.start();
    const address = (started as { address?: () => AddressInfo | string | null } | undefined)?.address?.();
    if (address && typeof address === 'object') port = address.port;
  } catch (error) {
    throw new FaqbotError(
      'config',
      socketMode
        ? `Slack Socket Mode did not connect (${slackError(error)}); check SLACK_APP_TOKEN (xapp-..., with the connections:write scope) and that Socket Mode is on`
        : `could not listen for Slack on port ${secrets.port} (${describeError(error)}); set PORT to a free port`,
    );
  }
  connection.set('connected');
  const listening = `slack: listening for Slack requests on port ${port ?? secrets.port} at ${EVENTS_PATH}`;
  log.info(
    socketMode
      ? 'slack: connected in Socket Mode'
      : installations
        ? `${listening}; installs to workspaces at ${INSTALL_PATH} (OAuth, installations kept in ${records!.where})`
        : listening,
    socketMode
      ? { mode: 'socket' }
      : {
          mode: 'http',
          port: port ?? secrets.port,
          path: EVENTS_PATH,
          ...(installations ? { install: INSTALL_PATH, redirect: REDIRECT_PATH } : {}),
        },
  );
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

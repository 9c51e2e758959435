// The bot `faqbot start` (cli/commands/start.ts) runs: loads everything once and starts every
// configured platform; the command opens a console chat on it when none is configured.
import { resolve } from 'node:path';
import type { Io } from '../cli/command.js';
import { loadConfig, type Config } from '../src/config.js';
import { loadKnowledge, formatProblem, requireKnowledgeAt } from '../src/knowledge/load.js';
import { createLogger, type Logger } from '../src/log.js';
import { packageVersion } from '../cli/version.js';
import { InFlight } from '../src/service/in-flight.js';
import { secretValues } from '../src/redact.js';
import { STARTUP_TIMEOUT_MS, type HttpRoute, type PlatformAdapter, type PlatformDeps, type RunningPlatform } from '../src/platform.js';
import { CommunityRouter, planCommunities } from '../src/service/community-router.js';
import { InsightsStore } from '../src/insights/store.js';
import { FaqbotError } from '../src/errors.js';
import { reloadKnowledge, watchKnowledge, type KnowledgeWatcher, type ReloadOutcome } from '../src/knowledge/watch.js';
import { prepareCheckout } from '../src/knowledge/git-checkout.js';
import { GitPuller } from '../src/knowledge/git-pull.js';
import type { GitCheckout } from '../src/knowledge/git-source.js';
import { openSharedState } from '../src/engines/open-state.js';
import type { SharedStateHealth } from '../src/service/shared-state.js';
import type { AskRecorder, InsightsReader } from '../src/service/recorder.js';
import type { KnowledgeBase } from '../src/domain.js';
import type { InsightsHealth, PgInsightsStoreOptions } from '../src/insights/pg-store.js';
import { describeUrl } from '../src/engines/describe-url.js';
import { openInstallationRecords } from '../src/installations/open-records.js';
import type { InstallationRecords } from '../src/installations/records.js';
import { Ops, planOps } from './ops.js';

/**
 * A running bot writes the insights of this many milliseconds together: one commit for a burst
 * of answers, written after them rather than inside each (a Slack ack carrying its answer waits
 * for nothing but the answer).
 */
const INSIGHTS_BATCH_MS = 20;

export interface StartOptions {
  adapters: readonly PlatformAdapter[];
  log?: Logger;
  /** `--knowledge PATH`: a knowledge file or folder instead of the configured one. */
  knowledge?: string;
  /** Each platform's start-up limit (default STARTUP_TIMEOUT_MS); tests make it short. */
  startupTimeoutMs?: number;
  /**
   * The insights store to record to and read figures from, instead of the one the config names
   * (tests pass one with the figures they need). Closed by stop() like the configured one.
   */
  insights?: RecordingStore;
}

export interface Started {
  /** Every community's answers; `service.for(id)` is one guild's or workspace's service. */
  service: CommunityRouter;
  platforms: RunningPlatform[];
  /** What the HTTP server mounts for the platforms (POST /discord/interactions in HTTP mode). */
  routes: readonly HttpRoute[];
  /** Whether cooldowns and rate limits are shared with other replicas right now, for /readyz and the log. */
  stateHealth(): SharedStateHealth;
  /** Whether insights are being recorded right now (undefined when insights are off). */
  insightsHealth(): InsightsHealth | undefined;
  /** The insights store the bot records to and reads from; undefined when insights are off. */
  readonly insights: RecordingStore | undefined;
  /**
   * Settles with the reason when a platform cannot go on (a revoked token, a disallowed
   * intent): the bot has then stopped, and `faqbot start` exits non-zero. Never rejects.
   */
  failed: Promise<string>;
  /**
   * Waits for in-flight answers (at most DRAIN_TIMEOUT_MS), then closes the platforms, the
   * knowledge watch and the stores, and logs one line saying why and what was flushed.
   */
  stop(reason?: string): Promise<void>;
  readonly log: Logger;
  /** The health and metrics endpoints' own port, when they have one (FAQBOT_HTTP_PORT). */
  readonly opsPort?: number;
}

/** How long shutdown waits for answers being delivered; Kubernetes' default grace is 30 s. */
export const DRAIN_TIMEOUT_MS = 10_000;

/** Starts the bot as `npm start` does; tests call this with a fake platform's URLs in `io.env`. */
export async function startBot(io: Io, options: StartOptions): Promise<Started> {
  const config = loadConfig(io.env, io.cwd);
  const log =
    options.log ??
    createLogger({
      level: config.ops.logLevel,
      secrets: secretValues(config.secrets),
      ...(config.ops.logFormat ? { format: config.ops.logFormat } : {}),
    });
  const configured = options.adapters.filter((a) => a.configured(config.secrets));
  const ops = await Ops.start(
    planOps(config, configured),
    configured.map((a) => a.name),
    log,
    configured.flatMap((a) => a.httpRoutePaths?.(config.secrets) ?? []),
  );
  try {
    return await startWithOps(io, options, config, log, configured, ops);
  } catch (error) {
    await ops.close();
    throw error;
  }
}

/** Everything after the ops endpoints are up; they are closed by the caller if this throws. */
async function startWithOps(
  io: Io,
  options: StartOptions,
  config: Config,
  log: Logger,
  configured: readonly PlatformAdapter[],
  ops: Ops,
): Promise<Started> {
  const { metrics } = ops;
  const plans = planCommunities(config.settings, (path) => resolve(io.cwd, path), options.knowledge);
  // Knowledge from git is cloned (or brought up to date) before anything reads it.
  const checkouts = [...new Map(plans.flatMap((p) => (p.git ? [[p.git.dir, p.git] as const] : []))).values()];
  for (const checkout of checkouts) await prepareCheckout(checkout, log);
  // Every community's knowledge is read and checked now: a broken folder stops start-up with
  // file:line, not a question hours later. Matchers are built when a community first asks.
  const load = (path: string) => {
    // A missing folder names the setting to fix (the first plan on it named it).
    const plan = plans.find((p) => p.knowledgePath === path)!;
    requireKnowledgeAt(
      path,
      plan.knowledgeFrom === undefined
        ? config.knowledgeDirFrom
        : {
            kind: 'setting',
            name: plan.knowledgeFrom,
            ...(plan.knowledgeFrom !== '--knowledge' && config.configFile ? { file: config.configFile } : {}),
          },
      io.cwd,
    );
    const { knowledge, warnings } = loadKnowledge(path, io.cwd);
    for (const w of warnings) log.warn(formatProblem(w));
    return knowledge;
  };
  const separate = Object.keys(config.settings.communities).length > 0;
  const knowledgePath = plans[0]!.knowledgePath;
  const inFlight = new InFlight((platform, seconds) => metrics.latency.observe({ platform }, seconds));
  const { insights: insightsSettings } = config.settings;
  const shared = await openSharedState(config.secrets, log);
  let service: CommunityRouter | undefined;
  const storeOptions = {
    log,
    retentionDays: insightsSettings.retentionDays,
    storeQueryText: insightsSettings.storeQueryText,
    knowledge: (communityId?: string) => service?.knowledgeFor(communityId),
    ...(config.secrets.insightsSalt ? { salt: config.secrets.insightsSalt } : {}),
    onWriteError: () => metrics.insightsWriteErrors.inc(),
  };
  const store: RecordingStore | undefined =
    options.insights ??
    (!insightsSettings.enabled
      ? undefined
      : config.secrets.databaseUrl
        ? await openPgStore(config.secrets.databaseUrl, storeOptions)
        : sqliteStore(InsightsStore.open({ path: resolve(io.cwd, insightsSettings.path), batchMs: INSIGHTS_BATCH_MS, ...storeOptions })));
  service = new CommunityRouter({
    communities: plans,
    knowledge: load,
    separate,
    state: shared.state,
    channels: config.settings.channels,
    handoff: config.settings.handoff,
    // Passed even when unavailable: it records nothing then, and /faq-stats says to check the log.
    ...(store ? { recorder: store, insights: store } : {}),
    onAsk: ({ platform, decision }) => metrics.asks.inc({ platform, decision }),
  });
  // Before any platform connects: the first keystroke of an autocomplete must not build it.
  if (configured.length > 0) service.warmDefault();
  const knowledge = service.knowledgeFor(undefined);
  ops.knowledgeLoaded(knowledge.entries.length);
  const onReload = (outcome: ReloadOutcome) => {
    if (outcome.ok) {
      metrics.reloads.inc();
      metrics.entries.set(outcome.knowledge.entries.length);
    } else metrics.reloadFailures.inc();
  };
  // One watch per knowledge folder: a change reloads the communities answered from it alone.
  const router = service;
  const targetAt = (path: string) => ({
    get knowledge() {
      return router.knowledgeAt(path)!;
    },
    replaceKnowledge: (kb: KnowledgeBase) => router.replaceKnowledge(path, kb),
  });
  const fromGit = (checkout: GitCheckout) => plans.filter((p) => p.git?.dir === checkout.dir).map((p) => p.knowledgePath);
  const gitPaths = new Set(checkouts.flatMap(fromGit));
  // Clones change by pulls, which reload what they moved; nobody edits them by hand.
  const watchers: KnowledgeWatcher[] = !config.settings.watchKnowledge
    ? []
    : router
        .knowledgePaths()
        .filter((path) => !gitPaths.has(path))
        .map((path) =>
          watchKnowledge({
            path,
            cwd: io.cwd,
            log,
            onReload,
            target: targetAt(path),
          }),
        );
  const pullers = checkouts.map((checkout) =>
    new GitPuller({
      checkout,
      log,
      intervalMs: config.settings.gitKnowledge.pullIntervalSeconds * 1000,
      onChange: () => {
        for (const path of new Set(fromGit(checkout))) reloadKnowledge({ path, cwd: io.cwd, log, onReload, target: targetAt(path) });
      },
    }).start(),
  );
  const watcher: KnowledgeWatcher | undefined =
    watchers.length === 0
      ? undefined
      : {
          reload: () => watchers.map((w) => w.reload())[0]!,
          ready: Promise.all(watchers.map((w) => w.ready)).then(() => undefined),
          close: () => {
            for (const w of watchers) w.close();
          },
        };
  await watcher?.ready;
  const platforms: RunningPlatform[] = [];
  let stopping: Promise<void> | undefined;
  const stop = (reason = 'stopped') => {
    stopping ??= (async () => {
      ops.stopping();
      const { drained, abandoned } = await inFlight.drain(DRAIN_TIMEOUT_MS);
      watcher?.close();
      for (const p of pullers) p.close();
      const stopped = await Promise.allSettled(platforms.map((p) => p.stop()));
      await installations?.close();
      await store?.close();
      await shared.close();
      await ops.close();
      log.info('faqbot stopped', {
        reason,
        answersDrained: drained,
        answersAbandoned: abandoned,
        platformsClosed: platforms.filter((_, i) => stopped[i]?.status === 'fulfilled').map((p) => p.name),
        insights: store ? 'written and closed' : 'off',
      });
    })();
    return stopping;
  };
  let failWith: (reason: string) => void = () => {};
  const failed = new Promise<string>((resolve) => {
    failWith = resolve;
  });
  // Running deaf is worse than stopping: an operator (or a supervisor) sees the exit and the reason.
  const fatal = (name: string) => (reason: string) => {
    log.error(`${name}: ${reason}`);
    void stop(`fatal: ${name}: ${reason}`).then(() => failWith(`${name}: ${reason}`));
  };
  // Installations (Slack's OAuth distribution) live in the insights database, even with
  // insights off; without them the platform cannot answer anyone, so a database that cannot be
  // opened stops start-up.
  const installing = configured.filter((a) => a.keepsInstallations?.(config.secrets));
  let installations: InstallationRecords | undefined;
  try {
    installations =
      installing.length === 0
        ? undefined
        : await openInstallationRecords(
            {
              ...(config.secrets.databaseUrl ? { databaseUrl: config.secrets.databaseUrl } : {}),
              sqlitePath: resolve(io.cwd, insightsSettings.path),
            },
            `${installing.map((a) => a.name).join(' and ')} (OAuth installs)`,
          );
    for (const adapter of configured) {
      const running = await startWithin(
        adapter,
        {
          service,
          secrets: config.secrets,
          log,
          state: shared.state,
          inFlight,
          fatal: fatal(adapter.name),
          ...ops.depsFor(adapter.name),
          ...(installations && installing.includes(adapter) ? { installations } : {}),
        },
        options.startupTimeoutMs ?? STARTUP_TIMEOUT_MS,
      );
      platforms.push(running);
      ops.platformStarted(running);
    }
  } catch (error) {
    // A platform refused to start: release what already runs before the error reaches the CLI.
    watcher?.close();
    for (const p of pullers) p.close();
    await Promise.allSettled(platforms.map((p) => p.stop()));
    await installations?.close();
    await store?.close();
    await shared.close();
    throw error;
  }
  log.info('faqbot started', {
    version: packageVersion(),
    platforms: platforms.map((p) => p.name),
    knowledge: { entries: knowledge.entries.length, files: knowledge.files.length, path: knowledgePath },
    ...(separate ? { communities: plans.length - 1, knowledgeFolders: router.knowledgePaths().length } : {}),
    insights: store ? 'on' : 'off',
    watchKnowledge: watcher !== undefined,
    ...(checkouts.length > 0
      ? { gitKnowledge: { repositories: checkouts.length, pullIntervalSeconds: config.settings.gitKnowledge.pullIntervalSeconds } }
      : {}),
    ...ops.describe(),
  });
  const routes = platforms.flatMap((p) => p.routes ?? []);
  return {
    service,
    platforms,
    routes,
    stateHealth: () => shared.health(),
    insightsHealth: () => store?.health(),
    insights: store,
    failed,
    log,
    ...(ops.port !== undefined ? { opsPort: ops.port } : {}),
    stop,
  };
}

/**
 * An API that accepts connections and never answers would hold start-up forever, silently:
 * past the limit the adapter is told to let go, and start-up fails saying what to check.
 */
async function startWithin(adapter: PlatformAdapter, deps: PlatformDeps, timeoutMs: number): Promise<RunningPlatform> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      const seconds = Number((timeoutMs / 1000).toFixed(1));
      reject(
        new FaqbotError(
          'config',
          `${adapter.name} did not finish starting within ${seconds} s: its API accepted the connection but did not answer. ${adapter.startupHint ?? 'Check the network'}`,
        ),
      );
    }, timeoutMs);
  });
  const started = adapter.start({ ...deps, signal: controller.signal });
  try {
    return await Promise.race([started, timedOut]);
  } catch (error) {
    // A start that finishes after all is stopped at once: start-up as a whole has failed.
    if (controller.signal.aborted)
      void started.then(
        (p) => p.stop(),
        () => undefined,
      );
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** What the bot records to and reads figures from: the SQLite file or PostgreSQL. */
export type RecordingStore = AskRecorder & InsightsReader & { close(): void | Promise<void>; health(): InsightsHealth };

function sqliteStore(store: InsightsStore): RecordingStore {
  return Object.assign(store, { health: (): InsightsHealth => ({ engine: 'sqlite', writing: store.available, pending: 0 }) });
}

/** PostgreSQL is loaded only when configured; the bot starts even while it does not answer. */
async function openPgStore(url: string, options: Omit<PgInsightsStoreOptions, 'url' | 'where'>): Promise<RecordingStore> {
  const { PgInsightsStore } = await import('../src/insights/pg-store.js');
  const store = new PgInsightsStore({ url, where: describeUrl(url), ...options });
  await store.start();
  return store;
}

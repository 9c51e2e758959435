// `faqbot start` / `npm start`: loads everything once, starts every configured platform, or a
// console chat when none is configured.
import { resolve } from 'node:path';
import type { Command, Io } from '../src/cli/command.js';
import { runChat } from '../src/cli/commands/chat.js';
import { loadConfig } from '../src/config.js';
import { loadKnowledge, formatProblem } from '../src/knowledge/load.js';
import { consoleLogger, type Logger } from '../src/log.js';
import { STARTUP_TIMEOUT_MS, type HttpRoute, type PlatformAdapter, type PlatformDeps, type RunningPlatform } from '../src/platform.js';
import { FaqbotError } from '../src/errors.js';
import { AnswerService } from '../src/service/answer-service.js';
import { InsightsStore } from '../src/insights/store.js';
import { watchKnowledge, type KnowledgeWatcher } from '../src/knowledge/watch.js';
import { knowledgeHelp, knowledgeOption, knowledgePath as resolveKnowledge } from '../src/cli/knowledge-flag.js';
import { stringFlag } from '../src/cli/context.js';
import { openSharedState } from '../src/engines/open-state.js';
import type { SharedStateHealth } from '../src/service/shared-state.js';
import type { AskRecorder, InsightsReader } from '../src/service/recorder.js';
import type { InsightsHealth, PgInsightsStoreOptions } from '../src/insights/pg-store.js';
import { describeUrl } from '../src/engines/describe-url.js';

export interface StartOptions {
  adapters: readonly PlatformAdapter[];
  log?: Logger;
  /** `--knowledge PATH`: a knowledge file or folder instead of the configured one. */
  knowledge?: string;
  /** Each platform's start-up limit (default STARTUP_TIMEOUT_MS); tests make it short. */
  startupTimeoutMs?: number;
}

export interface Started {
  service: AnswerService;
  platforms: RunningPlatform[];
  /** What the HTTP server on PORT mounts for the platforms (POST /discord/interactions in HTTP mode). */
  routes: readonly HttpRoute[];
  /** Whether cooldowns and rate limits are shared with other replicas right now, for /readyz and the log. */
  stateHealth(): SharedStateHealth;
  /** Whether insights are being recorded right now (undefined when insights are off). */
  insightsHealth(): InsightsHealth | undefined;
  /**
   * Settles with the reason when a platform cannot go on (a revoked token, a disallowed
   * intent): the bot has then stopped, and `faqbot start` exits non-zero. Never rejects.
   */
  failed: Promise<string>;
  stop(): Promise<void>;
}

/** Starts the bot as `npm start` does; tests call this with a fake platform's URLs in `io.env`. */
export async function startBot(io: Io, options: StartOptions): Promise<Started> {
  const log = options.log ?? consoleLogger();
  const config = loadConfig(io.env, io.cwd);
  const knowledgePath = resolveKnowledge(options.knowledge, config.settings, io);
  const { knowledge, warnings } = loadKnowledge(knowledgePath, io.cwd);
  for (const w of warnings) log.warn(formatProblem(w));
  log.info(`knowledge: ${knowledge.entries.length} entries from ${knowledgePath}`);
  const { insights: insightsSettings } = config.settings;
  const shared = await openSharedState(config.secrets, log);
  let service: AnswerService | undefined;
  const storeOptions = {
    log, retentionDays: insightsSettings.retentionDays, storeQueryText: insightsSettings.storeQueryText,
    knowledge: () => service?.knowledge, ...(config.secrets.insightsSalt ? { salt: config.secrets.insightsSalt } : {}),
  };
  const store: RecordingStore | undefined = !insightsSettings.enabled ? undefined
    : config.secrets.databaseUrl ? await openPgStore(config.secrets.databaseUrl, storeOptions)
    : sqliteStore(InsightsStore.open({ path: resolve(io.cwd, insightsSettings.path), ...storeOptions }));
  service = new AnswerService({
    knowledge, policy: config.settings.policy, matcher: config.settings.matcher, state: shared.state, channels: config.settings.channels,
    // Passed even when unavailable: it records nothing then, and /faq-stats says to check the log.
    ...(store ? { recorder: store, insights: store } : {}),
  });
  // Before any platform connects: the first keystroke of an autocomplete must not build it.
  if (options.adapters.some((a) => a.configured(config.secrets))) service.prepareAutocomplete();
  const watcher: KnowledgeWatcher | undefined = config.settings.watchKnowledge
    ? watchKnowledge({ path: knowledgePath, cwd: io.cwd, target: service, log })
    : undefined;
  await watcher?.ready;
  const platforms: RunningPlatform[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      watcher?.close();
      await Promise.allSettled(platforms.map((p) => p.stop()));
      await store?.close();
      await shared.close();
    })();
    return stopping;
  };
  let failWith: (reason: string) => void = () => {};
  const failed = new Promise<string>((resolve) => { failWith = resolve; });
  // Running deaf is worse than stopping: an operator (or a supervisor) sees the exit and the reason.
  const fatal = (name: string) => (reason: string) => {
    log.error(`${name}: ${reason}`);
    void stop().then(() => failWith(`${name}: ${reason}`));
  };
  try {
    for (const adapter of options.adapters) {
      if (!adapter.configured(config.secrets)) continue;
      platforms.push(await startWithin(adapter, { service, secrets: config.secrets, log, state: shared.state, fatal: fatal(adapter.name) }, options.startupTimeoutMs ?? STARTUP_TIMEOUT_MS));
    }
  } catch (error) {
    // A platform refused to start: release what already runs before the error reaches the CLI.
    watcher?.close();
    await Promise.allSettled(platforms.map((p) => p.stop()));
    await store?.close();
    await shared.close();
    throw error;
  }
  return {
    service,
    platforms,
    routes: platforms.flatMap((p) => p.routes ?? []),
    stateHealth: () => shared.health(),
    insightsHealth: () => store?.health(),
    failed,
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
      reject(new FaqbotError('config', `${adapter.name} did not finish starting within ${seconds} s: its API accepted the connection but did not answer. ${adapter.startupHint ?? 'Check the network'}`));
    }, timeoutMs);
  });
  const started = adapter.start({ ...deps, signal: controller.signal });
  try {
    return await Promise.race([started, timedOut]);
  } catch (error) {
    // A start that finishes after all is stopped at once: start-up as a whole has failed.
    if (controller.signal.aborted) void started.then((p) => p.stop(), () => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** What the bot records to and reads figures from: the SQLite file or PostgreSQL. */
type RecordingStore = AskRecorder & InsightsReader & { close(): void | Promise<void>; health(): InsightsHealth };

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

export function startCommand(adapters: readonly PlatformAdapter[]): Command {
  return {
    name: 'start',
    summary: 'Run the bot on every configured platform (a console chat when none is)',
    usage: 'faqbot start [--knowledge PATH]',
    details: 'Platforms are configured by environment variables (or .env): DISCORD_TOKEN, SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET. See README "Configuration".',
    options: { ...knowledgeOption },
    optionHelp: { ...knowledgeHelp },
    async run({ values }, io) {
      const knowledge = stringFlag(values.knowledge);
      const bot = await startBot(io, { adapters, ...(knowledge ? { knowledge } : {}) });
      if (bot.platforms.length === 0) {
        io.err('No platform tokens are set (DISCORD_TOKEN, SLACK_BOT_TOKEN): starting a console chat on the knowledge base. Type a question, or "exit" to quit.');
        const code = await runChat(io, bot.service, false);
        await bot.stop();
        return code;
      }
      io.err(`faqbot is running on ${bot.platforms.map((p) => p.name).join(' and ')}. Press Ctrl+C to stop.`);
      // Ctrl+C (or a supervisor's SIGTERM) stops cleanly with 0; a platform that cannot go on, with 1.
      const failure = await new Promise<string | undefined>((done) => {
        const finish = (reason: string | undefined) => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          done(reason);
        };
        const onSignal = () => finish(undefined);
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        void bot.failed.then(finish);
      });
      await bot.stop();
      if (failure === undefined) return 0;
      io.err(`faqbot stopped: ${failure}`);
      return 1;
    },
  };
}

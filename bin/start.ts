// `faqbot start` / `npm start`: loads everything once, starts every configured platform, or a
// console chat when none is configured.
import { resolve } from 'node:path';
import type { Command, Io } from '../src/cli/command.js';
import { runChat } from '../src/cli/commands/chat.js';
import { loadConfig, type Config, type Secrets } from '../src/config.js';
import { loadKnowledge, formatProblem } from '../src/knowledge/load.js';
import { createLogger, type Logger } from '../src/log.js';
import { packageVersion } from '../src/cli/version.js';
import { InFlight } from '../src/service/in-flight.js';
import type { PlatformAdapter, RunningPlatform } from '../src/platform.js';
import { AnswerService } from '../src/service/answer-service.js';
import { InsightsStore } from '../src/insights/store.js';
import { insightsRuntimeProblem } from '../src/insights/runtime.js';
import { FaqbotError } from '../src/errors.js';
import { watchKnowledge, type KnowledgeWatcher, type ReloadOutcome } from '../src/knowledge/watch.js';
import { knowledgeHelp, knowledgeOption, knowledgePath as resolveKnowledge } from '../src/cli/knowledge-flag.js';
import { stringFlag } from '../src/cli/context.js';
import { Ops, planOps } from './ops.js';

export interface StartOptions {
  adapters: readonly PlatformAdapter[];
  log?: Logger;
  /** `--knowledge PATH`: a knowledge file or folder instead of the configured one. */
  knowledge?: string;
  /** A platform cannot go on (see PlatformDeps.fatal). */
  fatal?: (reason: string) => void;
}

export interface Started {
  service: AnswerService;
  platforms: RunningPlatform[];
  /**
   * Waits for in-flight answers (at most DRAIN_TIMEOUT_MS), then closes the platforms, the
   * knowledge watch and the store, and logs one line saying why and what was flushed.
   */
  stop(reason?: string): Promise<void>;
  readonly log: Logger;
  /** The health and metrics endpoints' own port, when they have one (FAQBOT_HTTP_PORT). */
  readonly opsPort?: number;
}

/** How long shutdown waits for answers being delivered; Kubernetes' default grace is 30 s. */
export const DRAIN_TIMEOUT_MS = 10_000;
/** Shutdown as a whole; past this the process exits anyway (non-zero) rather than hang. */
export const SHUTDOWN_TIMEOUT_MS = 20_000;

/** Every secret that is set: the logger redacts their values wherever they turn up. */
function secretValues(secrets: Secrets): string[] {
  const { discordToken, slackBotToken, slackAppToken, slackSigningSecret, insightsSalt } = secrets;
  return [discordToken, slackBotToken, slackAppToken, slackSigningSecret, insightsSalt].filter((s): s is string => Boolean(s));
}

/** Starts the bot as `npm start` does; tests call this with a fake platform's URLs in `io.env`. */
export async function startBot(io: Io, options: StartOptions): Promise<Started> {
  const config = loadConfig(io.env, io.cwd);
  const log = options.log ?? createLogger({
    level: config.ops.logLevel, secrets: secretValues(config.secrets),
    ...(config.ops.logFormat ? { format: config.ops.logFormat } : {}),
  });
  const configured = options.adapters.filter((a) => a.configured(config.secrets));
  const ops = await Ops.start(planOps(config, configured), configured.map((a) => a.name), log);
  try {
    return await startWithOps(io, options, config, log, configured, ops);
  } catch (error) {
    await ops.close();
    throw error;
  }
}

/** Everything after the ops endpoints are up; they are closed by the caller if this throws. */
async function startWithOps(io: Io, options: StartOptions, config: Config, log: Logger, configured: readonly PlatformAdapter[], ops: Ops): Promise<Started> {
  const { metrics } = ops;
  const knowledgePath = resolveKnowledge(options.knowledge, config.settings, io);
  const { knowledge, warnings } = loadKnowledge(knowledgePath, io.cwd);
  for (const w of warnings) log.warn(formatProblem(w));
  const inFlight = new InFlight((platform, seconds) => metrics.latency.observe({ platform }, seconds));
  const { insights: insightsSettings } = config.settings;
  const runtimeProblem = insightsSettings.enabled ? insightsRuntimeProblem() : undefined;
  if (runtimeProblem) throw new FaqbotError('config', runtimeProblem);
  let service: AnswerService | undefined;
  const store = insightsSettings.enabled
    ? InsightsStore.open({
      path: resolve(io.cwd, insightsSettings.path), log, retentionDays: insightsSettings.retentionDays,
      storeQueryText: insightsSettings.storeQueryText, knowledge: () => service?.knowledge,
      ...(config.secrets.insightsSalt ? { salt: config.secrets.insightsSalt } : {}),
      onWriteError: () => metrics.insightsWriteErrors.inc(),
    })
    : undefined;
  service = new AnswerService({
    knowledge, policy: config.settings.policy, matcher: config.settings.matcher,
    // Passed even when unavailable: it records nothing then, and /faq-stats says to check the log.
    ...(store ? { recorder: store, insights: store } : {}),
    onAsk: ({ platform, decision }) => metrics.asks.inc({ platform, decision }),
  });
  ops.knowledgeLoaded(knowledge.entries.length);
  const onReload = (outcome: ReloadOutcome) => {
    if (outcome.ok) { metrics.reloads.inc(); metrics.entries.set(outcome.knowledge.entries.length); } else metrics.reloadFailures.inc();
  };
  const watcher: KnowledgeWatcher | undefined = config.settings.watchKnowledge
    ? watchKnowledge({ path: knowledgePath, cwd: io.cwd, target: service, log, onReload })
    : undefined;
  await watcher?.ready;
  const platforms: RunningPlatform[] = [];
  try {
    for (const adapter of configured) {
      const running = await adapter.start({
        service, secrets: config.secrets, log, inFlight, ...ops.depsFor(adapter.name),
        ...(options.fatal ? { fatal: options.fatal } : {}),
      });
      platforms.push(running);
      ops.platformStarted(running);
    }
  } catch (error) {
    // A platform refused to start: release what already runs before the error reaches the CLI.
    watcher?.close();
    await Promise.allSettled(platforms.map((p) => p.stop()));
    store?.close();
    throw error;
  }
  log.info('faqbot started', {
    version: packageVersion(), platforms: platforms.map((p) => p.name),
    knowledge: { entries: knowledge.entries.length, files: knowledge.files.length, path: knowledgePath },
    insights: store ? 'on' : 'off', watchKnowledge: watcher !== undefined, ...ops.describe(),
  });
  let stopping: Promise<void> | undefined;
  return {
    service,
    platforms,
    log,
    ...(ops.port !== undefined ? { opsPort: ops.port } : {}),
    stop(reason = 'stopped') {
      stopping ??= (async () => {
        ops.stopping();
        const { drained, abandoned } = await inFlight.drain(DRAIN_TIMEOUT_MS);
        watcher?.close();
        const stopped = await Promise.allSettled(platforms.map((p) => p.stop()));
        store?.close();
        await ops.close();
        log.info('faqbot stopped', {
          reason, answersDrained: drained, answersAbandoned: abandoned,
          platformsClosed: platforms.filter((_, i) => stopped[i]?.status === 'fulfilled').map((p) => p.name),
          insights: store ? 'written and closed' : 'off',
        });
      })();
      return stopping;
    },
  };
}

export function startCommand(adapters: readonly PlatformAdapter[]): Command {
  return {
    name: 'start',
    summary: 'Run the bot on every configured platform (a console chat when none is)',
    usage: 'faqbot start [--knowledge PATH]',
    details: 'Platforms are configured by environment variables (or .env): DISCORD_TOKEN, SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET. See README "Configuration". Health, readiness and metrics: FAQBOT_HTTP_PORT; logs: FAQBOT_LOG_LEVEL, FAQBOT_LOG_FORMAT (README "Operate"). SIGTERM or Ctrl+C drains answers in flight and exits 0.',
    options: { ...knowledgeOption },
    optionHelp: { ...knowledgeHelp },
    async run({ values }, io) {
      const knowledge = stringFlag(values.knowledge);
      let onFatal: (reason: string) => void = () => {};
      const bot = await startBot(io, { adapters, fatal: (reason) => onFatal(reason), ...(knowledge ? { knowledge } : {}) });
      if (bot.platforms.length === 0) {
        io.err('No platform tokens are set (DISCORD_TOKEN, SLACK_BOT_TOKEN): starting a console chat on the knowledge base. Type a question, or "exit" to quit.');
        const code = await runChat(io, bot.service, false);
        await bot.stop('console closed');
        return code;
      }
      // `once`: a second Ctrl+C during shutdown falls through to Node's default and ends at once.
      const { reason, code } = await new Promise<{ reason: string; code: number }>((done) => {
        process.once('SIGINT', () => done({ reason: 'SIGINT', code: 0 }));
        process.once('SIGTERM', () => done({ reason: 'SIGTERM', code: 0 }));
        onFatal = (why) => done({ reason: `fatal: ${why}`, code: 1 });
      });
      const bound = setTimeout(() => {
        bot.log.error(`shutdown did not finish within ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting anyway`);
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
      await bot.stop(reason);
      clearTimeout(bound);
      // Everything is closed; a library's leftover timer or socket must not keep a stopped bot alive.
      setTimeout(() => process.exit(code), 1_000).unref();
      return code;
    },
  };
}

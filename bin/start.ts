// `faqbot start` / `npm start`: loads everything once, starts every configured platform, or a
// console chat when none is configured.
import { resolve } from 'node:path';
import type { Command, Io } from '../src/cli/command.js';
import { runChat } from '../src/cli/commands/chat.js';
import { loadConfig } from '../src/config.js';
import { loadKnowledge, formatProblem } from '../src/knowledge/load.js';
import { createLogger, type Logger } from '../src/log.js';
import { packageVersion } from '../src/cli/version.js';
import type { Secrets } from '../src/config.js';
import { InFlight } from '../src/service/in-flight.js';
import type { PlatformAdapter, RunningPlatform } from '../src/platform.js';
import { AnswerService } from '../src/service/answer-service.js';
import { InsightsStore } from '../src/insights/store.js';
import { watchKnowledge, type KnowledgeWatcher } from '../src/knowledge/watch.js';
import { knowledgeHelp, knowledgeOption, knowledgePath as resolveKnowledge } from '../src/cli/knowledge-flag.js';
import { stringFlag } from '../src/cli/context.js';

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
  const knowledgePath = resolveKnowledge(options.knowledge, config.settings, io);
  const { knowledge, warnings } = loadKnowledge(knowledgePath, io.cwd);
  for (const w of warnings) log.warn(formatProblem(w));
  const inFlight = new InFlight();
  const { insights: insightsSettings } = config.settings;
  let service: AnswerService | undefined;
  const store = insightsSettings.enabled
    ? InsightsStore.open({
      path: resolve(io.cwd, insightsSettings.path), log, retentionDays: insightsSettings.retentionDays,
      storeQueryText: insightsSettings.storeQueryText, knowledge: () => service?.knowledge,
      ...(config.secrets.insightsSalt ? { salt: config.secrets.insightsSalt } : {}),
    })
    : undefined;
  service = new AnswerService({
    knowledge, policy: config.settings.policy, matcher: config.settings.matcher,
    // Passed even when unavailable: it records nothing then, and /faq-stats says to check the log.
    ...(store ? { recorder: store, insights: store } : {}),
  });
  const watcher: KnowledgeWatcher | undefined = config.settings.watchKnowledge
    ? watchKnowledge({ path: knowledgePath, cwd: io.cwd, target: service, log })
    : undefined;
  await watcher?.ready;
  const platforms: RunningPlatform[] = [];
  try {
    for (const adapter of options.adapters) {
      if (!adapter.configured(config.secrets)) continue;
      platforms.push(await adapter.start({ service, secrets: config.secrets, log, inFlight, ...(options.fatal ? { fatal: options.fatal } : {}) }));
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
    insights: store ? 'on' : 'off', watchKnowledge: watcher !== undefined,
  });
  let stopping: Promise<void> | undefined;
  return {
    service,
    platforms,
    stop(reason = 'stopped') {
      stopping ??= (async () => {
        const { drained, abandoned } = await inFlight.drain(DRAIN_TIMEOUT_MS);
        watcher?.close();
        const stopped = await Promise.allSettled(platforms.map((p) => p.stop()));
        store?.close();
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
    details: 'Platforms are configured by environment variables (or .env): DISCORD_TOKEN, SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET. See README "Configuration".',
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
      io.err(`faqbot is running on ${bot.platforms.map((p) => p.name).join(' and ')}. Press Ctrl+C to stop.`);
      // `once`: a second Ctrl+C during shutdown falls through to Node's default and ends at once.
      const { reason, code } = await new Promise<{ reason: string; code: number }>((done) => {
        process.once('SIGINT', () => done({ reason: 'SIGINT', code: 0 }));
        process.once('SIGTERM', () => done({ reason: 'SIGTERM', code: 0 }));
        onFatal = (why) => done({ reason: `fatal: ${why}`, code: 1 });
      });
      const bound = setTimeout(() => {
        io.err(`faqbot: shutdown did not finish within ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting anyway`);
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

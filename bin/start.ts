// `faqbot start` / `npm start`: loads everything once, starts every configured platform, or a
// console chat when none is configured.
import { resolve } from 'node:path';
import type { Command, Io } from '../src/cli/command.js';
import { runChat } from '../src/cli/commands/chat.js';
import { loadConfig } from '../src/config.js';
import { loadKnowledge, formatProblem } from '../src/knowledge/load.js';
import { consoleLogger, type Logger } from '../src/log.js';
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
}

export interface Started {
  service: AnswerService;
  platforms: RunningPlatform[];
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
  let service: AnswerService | undefined;
  const store = insightsSettings.enabled
    ? InsightsStore.open({
      path: resolve(io.cwd, insightsSettings.path), log, retentionDays: insightsSettings.retentionDays,
      storeQueryText: insightsSettings.storeQueryText, knowledge: () => service?.knowledge,
      ...(config.secrets.insightsSalt ? { salt: config.secrets.insightsSalt } : {}),
    })
    : undefined;
  service = new AnswerService({
    knowledge, policy: config.settings.policy, matcher: config.settings.matcher, channels: config.settings.channels,
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
      platforms.push(await adapter.start({ service, secrets: config.secrets, log }));
    }
  } catch (error) {
    // A platform refused to start: release what already runs before the error reaches the CLI.
    watcher?.close();
    await Promise.allSettled(platforms.map((p) => p.stop()));
    store?.close();
    throw error;
  }
  return {
    service,
    platforms,
    async stop() {
      watcher?.close();
      await Promise.allSettled(platforms.map((p) => p.stop()));
      store?.close();
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
      const bot = await startBot(io, { adapters, ...(knowledge ? { knowledge } : {}) });
      if (bot.platforms.length === 0) {
        io.err('No platform tokens are set (DISCORD_TOKEN, SLACK_BOT_TOKEN): starting a console chat on the knowledge base. Type a question, or "exit" to quit.');
        const code = await runChat(io, bot.service, false);
        await bot.stop();
        return code;
      }
      io.err(`faqbot is running on ${bot.platforms.map((p) => p.name).join(' and ')}. Press Ctrl+C to stop.`);
      await new Promise<void>((done) => {
        const stop = () => { void bot.stop().then(done); };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    },
  };
}

// What `faqbot start` runs: the bot bin/ starts (with the adapters, which cli/ never imports),
// or a console chat on its answers when no platform is configured; then it waits for Ctrl+C,
// SIGTERM or a platform that cannot go on, and stops the bot within a bound.
import type { Logger } from '../../../src/log.js';
import type { CommunityRouter } from '../../../src/service/community-router.js';
import type { CommandBody, Io } from '../../command.js';
import { stringFlag } from '../../context.js';
import { knowledgeHelp, knowledgeOption } from '../../knowledge-flag.js';
import { runChat } from '../chat/run.js';

/** What the command needs of a started bot (bin/start.ts's Started). */
export interface RunningBot {
  readonly platforms: readonly unknown[];
  readonly service: Pick<CommunityRouter, 'for'>;
  /** Settles with the reason when a platform cannot go on; never rejects. */
  readonly failed: Promise<string>;
  stop(reason?: string): Promise<void>;
  readonly log: Pick<Logger, 'error'>;
}

/** Starts the bot on the configured platforms; `knowledge` is `--knowledge PATH`. */
export type StartBot = (io: Io, options: { knowledge?: string }) => Promise<RunningBot>;

/** Shutdown as a whole; past this the process exits anyway (non-zero) rather than hang. */
const SHUTDOWN_TIMEOUT_MS = 20_000;

export function startBody(startBot: StartBot): CommandBody {
  return {
    usage: 'faqbot start [--knowledge PATH]',
    details:
      'Platforms are configured by environment variables (or .env): DISCORD_TOKEN, SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET, or for many Slack workspaces SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET with SLACK_SIGNING_SECRET (installs at /slack/install). See README "Configuration". Health, readiness and metrics: FAQBOT_HTTP_PORT; logs: FAQBOT_LOG_LEVEL, FAQBOT_LOG_FORMAT (README "Operate"). SIGTERM or Ctrl+C drains answers in flight and exits 0.',
    options: { ...knowledgeOption },
    optionHelp: { ...knowledgeHelp },
    async run({ values }, io) {
      const knowledge = stringFlag(values.knowledge);
      const bot = await startBot(io, knowledge ? { knowledge } : {});
      if (bot.platforms.length === 0) {
        io.err(
          'No platform tokens are set (DISCORD_TOKEN, SLACK_BOT_TOKEN): starting a console chat on the knowledge base. Type a question, or "exit" to quit.',
        );
        const code = await runChat(io, bot.service.for(undefined), false);
        await bot.stop('console closed');
        return code;
      }
      // Ctrl+C (or a supervisor's SIGTERM) stops cleanly with 0; a platform that cannot go on, with 1.
      // `once`: a second Ctrl+C during shutdown falls through to Node's default and ends at once.
      const { reason, code } = await new Promise<{ reason: string; code: number }>((done) => {
        process.once('SIGINT', () => done({ reason: 'SIGINT', code: 0 }));
        process.once('SIGTERM', () => done({ reason: 'SIGTERM', code: 0 }));
        void bot.failed.then((why) => done({ reason: `fatal: ${why}`, code: 1 }));
      });
      const bound = setTimeout(() => {
        bot.log.error(`shutdown did not finish within ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting anyway`);
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
      await bot.stop(reason);
      clearTimeout(bound);
      if (code !== 0) io.err(`faqbot stopped: ${reason.replace(/^fatal: /, '')}`);
      // Everything is closed; a library's leftover timer or socket must not keep a stopped bot alive.
      setTimeout(() => process.exit(code), 1_000).unref();
      return code;
    },
  };
}

// OAuth distribution: a workspace that uninstalls the app, or revokes its bot token, has its
// installation deleted, so no later request is answered with a token Slack no longer honours.
// Bolt delivers both events without looking an installation up.
import type { App, Context } from '@slack/bolt';
import { describeError, type Logger } from '../../../src/index.js';
import { keysFor, type SlackInstallations } from '../installations.js';

/** The record an event's workspace (or org-wide install) is kept under. */
function keyOf(context: Context): string | undefined {
  return keysFor({ teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall })[0];
}

function where(key: string | undefined): string {
  return key?.startsWith('enterprise:')
    ? `organisation ${key.slice('enterprise:'.length)}`
    : `workspace ${key?.slice('team:'.length) ?? '(unknown)'}`;
}

export function registerUninstall(app: App, installations: SlackInstallations, log: Logger): void {
  const forget = async (key: string | undefined, why: string) => {
    try {
      const deleted = await installations.remove(key);
      log.info(`slack: ${why} ${where(key)}; ${deleted ? 'its installation was deleted' : 'no installation was kept for it'}`, {
        installation: key ?? null,
      });
    } catch (error) {
      log.error(
        `slack: ${why} ${where(key)}, but its installation could not be deleted (${describeError(error)}); its token no longer works, so its requests fail until the app is installed again`,
      );
    }
  };
  app.event('app_uninstalled', async ({ context }) => {
    await forget(keyOf(context), 'the app was uninstalled from');
  });
  app.event('tokens_revoked', async ({ event, context }) => {
    // faqbot asks for no user scopes, so only a revoked bot token leaves it without a way in.
    if ((event.tokens.bot ?? []).length === 0) return;
    await forget(keyOf(context), 'the bot token was revoked in');
  });
}

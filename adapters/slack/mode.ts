// Which way Slack reaches the bot, from the secrets alone: a light module, so the composition
// root can ask without loading Bolt.
import type { Secrets } from '../../src/index.js';

/** One workspace on SLACK_BOT_TOKEN, or many installed by OAuth (SLACK_CLIENT_ID and the rest). */
export function slackConfigured(secrets: Secrets): boolean {
  return Boolean(secrets.slackBotToken) || secrets.slackOAuth !== undefined;
}

/** Socket Mode when an app-level token is set; otherwise HTTP on PORT at /slack/events. */
export function slackSocketMode(secrets: Secrets): boolean {
  return Boolean(secrets.slackAppToken);
}

/** The port Slack's HTTP mode listens on, or undefined in Socket Mode. */
export function slackHttpPort(secrets: Secrets): number | undefined {
  return slackConfigured(secrets) && !slackSocketMode(secrets) && secrets.slackSigningSecret ? secrets.port : undefined;
}

/** Whether the adapter keeps one installation per workspace (OAuth distribution) in the database. */
export function slackKeepsInstallations(secrets: Secrets): boolean {
  return secrets.slackOAuth !== undefined;
}

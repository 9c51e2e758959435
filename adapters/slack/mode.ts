// Which way Slack reaches the bot, from the secrets alone: a light module, so the composition
// root can ask without loading Bolt.
import type { Secrets } from '../../src/index.js';

/** Socket Mode when an app-level token is set; otherwise HTTP on PORT at /slack/events. */
export function slackSocketMode(secrets: Secrets): boolean {
  return Boolean(secrets.slackAppToken);
}

/** The port Slack's HTTP mode listens on, or undefined in Socket Mode. */
export function slackHttpPort(secrets: Secrets): number | undefined {
  return secrets.slackBotToken && !slackSocketMode(secrets) && secrets.slackSigningSecret ? secrets.port : undefined;
}

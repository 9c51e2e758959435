// The Slack adapter: starts when SLACK_BOT_TOKEN is set. Everything else is re-exported for
// the composition root, the tests and the bench.
import type { PlatformAdapter } from '../../src/index.js';
import { startSlack } from './app.js';
import { slackHttpPort } from './mode.js';

export const slackAdapter: PlatformAdapter = {
  name: 'slack',
  configured: (secrets) => Boolean(secrets.slackBotToken),
  httpPort: slackHttpPort,
  start: startSlack,
};

export { startSlack, type RunningSlack } from './app.js';
export { EVENTS_PATH } from './names.js';
export { manifest, manifestYaml } from './manifest.js';

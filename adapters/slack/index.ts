// The Slack adapter: starts when SLACK_BOT_TOKEN (or the OAuth variables) is set. Everything else is re-exported for
// the composition root, the tests and the bench.
import type { PlatformAdapter } from '../../src/index.js';
import { startSlack } from './app.js';
import { slackConfigured, slackHttpPort, slackKeepsInstallations } from './mode.js';

export const slackAdapter: PlatformAdapter = {
  name: 'slack',
  configured: slackConfigured,
  httpPort: slackHttpPort,
  keepsInstallations: slackKeepsInstallations,
  start: startSlack,
};

export { startSlack, type RunningSlack } from './app.js';
export { EVENTS_PATH } from './names.js';
export { manifest, manifestYaml } from './manifest.js';

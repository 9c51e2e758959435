// Where Slack reaches the bot in HTTP mode: one place for the manifest, the receiver and the docs' tests.

/** Slash commands, events and interactivity, signed by Slack. */
export const EVENTS_PATH = '/slack/events';
/** OAuth distribution: a page with "Add to Slack", which sets the state cookie... */
export const INSTALL_PATH = '/slack/install';
/** ...and where Slack sends the browser back with the code to exchange for the workspace's token. */
export const REDIRECT_PATH = '/slack/oauth_redirect';

// The names Slack knows the app by, in one light module: the listeners register under them and
// the manifest declares them, so `faqbot slack manifest` loads neither Bolt nor the listeners.
export const FAQ_COMMAND = '/faq';
export const STATS_COMMAND = '/faq-stats';
/** The "Answer with FAQ" message shortcut. */
export const SHORTCUT_CALLBACK = 'answer_with_faq';
/** Where Slack posts commands, events and interactivity in HTTP mode. */
export const EVENTS_PATH = '/slack/events';
/** OAuth distribution: a page with "Add to Slack", which sets the state cookie... */
export const INSTALL_PATH = '/slack/install';
/** ...and where Slack sends the browser back with the code to exchange for the workspace's token. */
export const REDIRECT_PATH = '/slack/oauth_redirect';

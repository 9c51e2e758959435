// The Slack app manifest, as data: the one slash command pair, the message shortcut, the bot
// events and only the scopes those need. manifest.yaml is this, printed in Socket Mode;
// `faqbot slack manifest --http URL` prints the HTTP-mode variant, and `--http URL --oauth`
// the variant installed to many workspaces by OAuth. The scopes here are the one list: the
// manifest grants them and the OAuth installer asks each workspace for them.
import { stringify } from 'yaml';
import { FaqbotError } from '../../src/index.js';
import { EVENTS_PATH, FAQ_COMMAND, INSTALL_PATH, REDIRECT_PATH, SHORTCUT_CALLBACK, STATS_COMMAND } from './names.js';

/** Bot scopes, each for one feature: mentions, posting, slash commands and shortcut, DMs, help channels (public and private), entries limited to user groups, moderator check. */
export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'chat:write',
  'commands',
  'groups:history',
  'im:history',
  'usergroups:read',
  'users:read',
] as const;
/** message.channels / message.groups: new posts in help channels (`help: true`); others are ignored unread. */
export const BOT_EVENTS = ['app_mention', 'message.channels', 'message.groups', 'message.im'] as const;
/** OAuth distribution: a workspace that uninstalls the app or revokes its token has its installation deleted. */
export const OAUTH_EVENTS = ['app_uninstalled', 'tokens_revoked'] as const;

export interface ManifestOptions {
  /** Installed to many workspaces by OAuth (needs the HTTP base URL). */
  readonly oauth?: boolean;
}

export function manifest(httpBaseUrl?: string, options: ManifestOptions = {}): Record<string, unknown> {
  const url = httpBaseUrl === undefined ? undefined : requestUrl(httpBaseUrl);
  const withUrl = url ? { url } : {};
  if (options.oauth && httpBaseUrl === undefined) {
    throw new FaqbotError(
      'usage',
      "--oauth needs --http URL: Slack sends each installing browser back to the bot's public address, e.g. --http https://faq.example.org --oauth",
    );
  }
  const oauth = options.oauth === true && httpBaseUrl !== undefined;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'faqbot',
      description: 'Answers frequently asked questions from the community FAQ.',
      background_color: '#1d4d6e',
    },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: 'faqbot', always_online: true },
      slash_commands: [
        // should_escape makes Slack send `<@U123|name>` for a named member, so the bot knows who it is.
        {
          command: FAQ_COMMAND,
          ...withUrl,
          description: 'Answer a question from the FAQ, privately or for a member',
          usage_hint: '[question] [@member]',
          should_escape: true,
        },
        {
          command: STATS_COMMAND,
          ...withUrl,
          description: 'What was asked this week and what the FAQ lacks (moderators)',
          should_escape: false,
        },
      ],
      shortcuts: [
        {
          name: 'Answer with FAQ',
          type: 'message',
          callback_id: SHORTCUT_CALLBACK,
          description: 'Reply to this message with an FAQ answer',
        },
      ],
    },
    oauth_config: { ...(oauth ? { redirect_urls: [publicUrl(httpBaseUrl!, REDIRECT_PATH)] } : {}), scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...BOT_EVENTS, ...(oauth ? OAUTH_EVENTS : [])] },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      // An Enterprise Grid organisation may then install it once for all its workspaces.
      org_deploy_enabled: oauth,
      socket_mode_enabled: url === undefined,
      token_rotation_enabled: false,
    },
  };
}

export function manifestYaml(httpBaseUrl?: string, options: ManifestOptions = {}): string {
  const data = manifest(httpBaseUrl, options);
  const mode = httpBaseUrl === undefined ? 'Socket Mode (no public URL needed)' : `HTTP mode at ${requestUrl(httpBaseUrl)}`;
  const install =
    options.oauth && httpBaseUrl !== undefined
      ? [
          `# Installed to many workspaces by OAuth: each workspace installs it from ${publicUrl(httpBaseUrl, INSTALL_PATH)},`,
          `# and Slack sends the browser back to ${publicUrl(httpBaseUrl, REDIRECT_PATH)}.`,
          '# Set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET, not SLACK_BOT_TOKEN.',
        ]
      : [];
  return [
    `# faqbot's Slack app manifest, ${mode}.`,
    '# Paste it at https://api.slack.com/apps → Create New App → From a manifest.',
    ...install,
    stringify(data, { lineWidth: 0 }),
  ].join('\n');
}

/** The public base URL (or the full events URL) as the request URL Slack should call. */
export function requestUrl(base: string): string {
  return publicUrl(base, EVENTS_PATH);
}

/** One of the bot's paths under its public base URL (given with or without /slack/events). */
export function publicUrl(base: string, path: string): string {
  let u: URL;
  try {
    u = new URL(base);
  } catch {
    throw new FaqbotError(
      'usage',
      `--http ${JSON.stringify(base)} is not a URL; give the public address the bot is reachable at, e.g. https://faq.example.org`,
    );
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new FaqbotError('usage', `--http ${base}: Slack only calls https:// addresses; give one like https://faq.example.org`);
  }
  const root = u.pathname.endsWith(EVENTS_PATH) ? u.pathname.slice(0, -EVENTS_PATH.length) : u.pathname;
  u.pathname = `${root.replace(/\/+$/, '')}${path}`;
  return u.toString();
}

// The Slack app manifest, as data: the one slash command pair, the message shortcut, the two
// bot events and only the scopes those need. manifest.yaml is this, printed in Socket Mode;
// `faqbot slack manifest --http URL` prints the HTTP-mode variant.
import { stringify } from 'yaml';
import { FaqbotError } from '../../src/index.js';
import { EVENTS_PATH, FAQ_COMMAND, SHORTCUT_CALLBACK, STATS_COMMAND } from './names.js';

/** Bot scopes, each for one feature: mentions, posting, slash commands and shortcut, DMs, help channels (public and private), entries limited to user groups, moderator check. */
export const BOT_SCOPES = ['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history', 'usergroups:read', 'users:read'] as const;
/** message.channels / message.groups: new posts in help channels (`help: true`); others are ignored unread. */
export const BOT_EVENTS = ['app_mention', 'message.channels', 'message.groups', 'message.im'] as const;

export function manifest(httpBaseUrl?: string): Record<string, unknown> {
  const url = httpBaseUrl === undefined ? undefined : requestUrl(httpBaseUrl);
  const withUrl = url ? { url } : {};
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
        { command: FAQ_COMMAND, ...withUrl, description: 'Answer a question from the FAQ, privately or for a member', usage_hint: '[question] [@member]', should_escape: true },
        { command: STATS_COMMAND, ...withUrl, description: 'What was asked this week and what the FAQ lacks (moderators)', should_escape: false },
      ],
      shortcuts: [
        { name: 'Answer with FAQ', type: 'message', callback_id: SHORTCUT_CALLBACK, description: 'Reply to this message with an FAQ answer' },
      ],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: url === undefined,
      token_rotation_enabled: false,
    },
  };
}

export function manifestYaml(httpBaseUrl?: string): string {
  const mode = httpBaseUrl === undefined ? 'Socket Mode (no public URL needed)' : `HTTP mode at ${requestUrl(httpBaseUrl)}`;
  return `# faqbot's Slack app manifest, ${mode}.\n# Paste it at https://api.slack.com/apps → Create New App → From a manifest.\n${stringify(manifest(httpBaseUrl), { lineWidth: 0 })}`;
}

/** The public base URL (or the full events URL) as the request URL Slack should call. */
export function requestUrl(base: string): string {
  let u: URL;
  try {
    u = new URL(base);
  } catch {
    throw new FaqbotError('usage', `--http ${JSON.stringify(base)} is not a URL; give the public address the bot is reachable at, e.g. https://faq.example.org`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new FaqbotError('usage', `--http ${base}: Slack only calls https:// addresses; give one like https://faq.example.org`);
  }
  if (!u.pathname.endsWith(EVENTS_PATH)) u.pathname = `${u.pathname.replace(/\/+$/, '')}${EVENTS_PATH}`;
  return u.toString();
}

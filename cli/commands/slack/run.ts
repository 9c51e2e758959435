// `faqbot slack manifest [--http URL]`: prints the Slack adapter's app manifest to paste into
// Slack; bin/ hands in the manifest module (cli/ never imports an adapter), loaded only when it runs.
import type { Command, CommandBody } from '../../command.js';
import { commandGroup } from '../../command.js';
import { stringFlag } from '../../context.js';

/** What the command needs of the Slack adapter (adapters/slack/manifest.ts): plain operations. */
export interface SlackTools {
  loadManifest(): Promise<{
    manifestYaml(httpBaseUrl?: string, options?: { oauth?: boolean }): string;
    requestUrl(base: string): string;
  }>;
}

const manifestCommand = (tools: SlackTools): Command => ({
  name: 'manifest',
  summary: 'Print the Slack app manifest (Socket Mode, HTTP mode with --http, installed to many workspaces with --oauth)',
  usage: 'faqbot slack manifest [--http URL [--oauth]]',
  details:
    'Without --http the manifest turns Socket Mode on (set SLACK_BOT_TOKEN and SLACK_APP_TOKEN). With --http https://your.host it points Slack at https://your.host/slack/events (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET). With --oauth as well, each workspace installs the app from https://your.host/slack/install and Slack redirects to https://your.host/slack/oauth_redirect (set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET instead of SLACK_BOT_TOKEN; see docs/slack.md "Many workspaces").',
  options: { http: { type: 'string' }, oauth: { type: 'boolean' } },
  optionHelp: {
    http: 'public base URL of the bot for HTTP mode, e.g. https://faq.example.org',
    oauth: 'the variant installed to many workspaces by OAuth (redirect URL, install page); needs --http',
  },
  async run({ values }, io) {
    const http = stringFlag(values.http);
    const { manifestYaml, requestUrl } = await tools.loadManifest();
    io.out(manifestYaml(http, { oauth: values.oauth === true }).trimEnd());
    if (http !== undefined && new URL(requestUrl(http)).protocol === 'http:') {
      io.err('warning: Slack only accepts https:// request URLs; put the bot behind a TLS proxy or use Socket Mode.');
    }
    return 0;
  },
});

export const slackBody = (tools: SlackTools): CommandBody => commandGroup([manifestCommand(tools)]);

// `faqbot slack manifest [--http URL]`: prints the Slack adapter's app manifest to paste into
// Slack; the manifest module is loaded only when it runs.
import { commandGroup, type Command } from '../src/cli/command.js';
import { stringFlag } from '../src/cli/context.js';

const manifestCommand: Command = {
  name: 'manifest',
  summary: 'Print the Slack app manifest (Socket Mode, or HTTP mode with --http)',
  usage: 'faqbot slack manifest [--http URL]',
  details: 'Without --http the manifest turns Socket Mode on (set SLACK_BOT_TOKEN and SLACK_APP_TOKEN). With --http https://your.host it points Slack at https://your.host/slack/events (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET).',
  options: { http: { type: 'string' } },
  optionHelp: { http: 'public base URL of the bot for HTTP mode, e.g. https://faq.example.org' },
  async run({ values }, io) {
    const http = stringFlag(values.http);
    const { manifestYaml, requestUrl } = await import('../adapters/slack/manifest.js');
    io.out(manifestYaml(http).trimEnd());
    if (http !== undefined && new URL(requestUrl(http)).protocol === 'http:') {
      io.err('warning: Slack only accepts https:// request URLs; put the bot behind a TLS proxy or use Socket Mode.');
    }
    return 0;
  },
};

export const slackCommand: Command = commandGroup('slack', 'Slack helpers: print the app manifest', [manifestCommand]);

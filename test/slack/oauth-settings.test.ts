// Slack's OAuth distribution as an operator sets it up: three variables or none, never beside a
// single bot token or Socket Mode; the secrets are redacted from logs; the manifest printed
// with --oauth carries the redirect URL, the install page and the uninstall events.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES, manifest } from '../../adapters/slack/manifest.js';
import { slackConfigured, slackHttpPort } from '../../adapters/slack/mode.js';
import { readSecrets } from '../../src/secrets.js';
import { runCli } from '../../cli/run-cli.js';
import { FaqbotError } from '../../src/errors.js';
import { redact, secretValues } from '../../src/redact.js';
import { startBot } from '../../bin/start.js';
import { adapters, commands } from '../../bin/commands.js';
import { KNOWLEDGE } from './harness.js';

const OAUTH = { SLACK_CLIENT_ID: '1111.2222', SLACK_CLIENT_SECRET: 'client-secret-value', SLACK_STATE_SECRET: 'state-secret-value' };

function configError(env: Record<string, string>): string {
  try {
    readSecrets(env);
  } catch (error) {
    expect(error).toBeInstanceOf(FaqbotError);
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('Slack OAuth settings', () => {
  it('turns OAuth on with all three variables, and Slack starts without SLACK_BOT_TOKEN', () => {
    const secrets = readSecrets({ ...OAUTH, SLACK_SIGNING_SECRET: 'sign' });
    expect(secrets.slackOAuth).toEqual({ clientId: '1111.2222', clientSecret: 'client-secret-value', stateSecret: 'state-secret-value' });
    expect(slackConfigured(secrets)).toBe(true);
    expect(slackHttpPort(secrets)).toBe(3000);
    expect(readSecrets({ SLACK_BOT_TOKEN: 'xoxb-1' }).slackOAuth).toBeUndefined();
  });

  it('names what is missing when only some are set', () => {
    expect(configError({ SLACK_CLIENT_ID: '1', SLACK_CLIENT_SECRET: 'x' })).toBe(
      'SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set but SLACK_STATE_SECRET is not: installing the Slack app to many workspaces by OAuth needs all of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET (see docs/slack.md "Many workspaces"); unset them all to run on one SLACK_BOT_TOKEN',
    );
    expect(configError({ SLACK_STATE_SECRET: 'x' })).toMatch(
      /^SLACK_STATE_SECRET is set but SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are not/,
    );
  });

  it('refuses OAuth beside a single bot token, or in Socket Mode, saying which to unset', () => {
    expect(configError({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-1' })).toMatch(
      /either one workspace on one bot token, or OAuth installs to many .*; unset SLACK_BOT_TOKEN for OAuth, or the OAuth variables for one workspace$/,
    );
    expect(configError({ ...OAUTH, SLACK_APP_TOKEN: 'xapp-1' })).toMatch(
      /OAuth installs are served over HTTP .*: unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET and PORT/,
    );
  });

  it('without a signing secret, start-up says OAuth arrives over HTTP and where to copy it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'faqbot-oauth-'));
    const env = { ...OAUTH, FAQBOT_KNOWLEDGE: KNOWLEDGE, FAQBOT_DB: join(cwd, 'faqbot.db'), PORT: '0' };
    await expect(
      startBot({ out() {}, err() {}, stdin: process.stdin, cwd, env }, { adapters, log: { info() {}, warn() {}, error() {} } }),
    ).rejects.toThrow(
      /SLACK_SIGNING_SECRET is not: OAuth installs and their requests arrive over HTTP; copy the Signing Secret from the app's "Basic Information" page/,
    );
  });

  it('keeps the client secret and the state secret out of the log', () => {
    const secrets = secretValues(readSecrets({ ...OAUTH, SLACK_SIGNING_SECRET: 'sign-me' }));
    expect(redact('exchange failed for client-secret-value with state state-secret-value', secrets)).toBe(
      'exchange failed for [redacted] with state [redacted]',
    );
  });
});

describe('`faqbot slack manifest --http URL --oauth`', () => {
  it('adds the redirect URL, org-wide installs and the uninstall events; the scopes stay the one list', () => {
    const m = manifest('https://faq.example.org', { oauth: true }) as Record<string, any>;
    expect(m.oauth_config).toEqual({ redirect_urls: ['https://faq.example.org/slack/oauth_redirect'], scopes: { bot: [...BOT_SCOPES] } });
    expect(m.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_uninstalled', 'tokens_revoked']));
    expect(m.settings.org_deploy_enabled).toBe(true);
    expect(m.settings.socket_mode_enabled).toBe(false);
    // Without --oauth nothing changes for a single workspace.
    const single = manifest('https://faq.example.org') as Record<string, any>;
    expect(single.oauth_config).toEqual({ scopes: { bot: [...BOT_SCOPES] } });
    expect(single.settings.event_subscriptions.bot_events).not.toContain('app_uninstalled');
  });

  it('prints the install page and what to set; --oauth without --http is a usage error', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), stdin: process.stdin, cwd: process.cwd(), env: {} };
    expect(await runCli(['slack', 'manifest', '--http', 'https://bot.example.org/base/', '--oauth'], commands, io)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('each workspace installs it from https://bot.example.org/base/slack/install');
    expect(text).toContain('Set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET, not SLACK_BOT_TOKEN.');
    expect((parse(text) as Record<string, any>).oauth_config.redirect_urls).toEqual(['https://bot.example.org/base/slack/oauth_redirect']);
    expect(await runCli(['slack', 'manifest', '--oauth'], commands, io)).toBe(2);
    expect(err.join('\n')).toContain('--oauth needs --http URL');
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
  });
});

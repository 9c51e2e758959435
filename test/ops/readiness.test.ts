// What /readyz says and where the endpoints listen, decided without any I/O.
import { describe, expect, it } from 'vitest';
import { Ops, planOps } from '../../bin/ops.js';
import { silentLogger } from '../../src/log.js';
import { readOps } from '../../src/ops/settings.js';
import { readSecrets } from '../../src/secrets.js';
import { readiness } from '../../src/ops/readiness.js';
import type { PlatformAdapter } from '../../src/platform.js';
import { adapters } from '../../bin/platforms.js';

const connected = { state: 'connected' as const, since: 0 };

describe('readiness', () => {
  it.each([
    ['everything up', { knowledgeLoaded: true, stopping: false, platforms: [{ name: 'slack', health: connected }] }, []],
    ['knowledge still loading', { knowledgeLoaded: false, stopping: false, platforms: [] }, ['knowledge base not loaded yet']],
    ['a platform not started yet', { knowledgeLoaded: true, stopping: false, platforms: [{ name: 'discord' }] }, ['discord: connecting']],
    [
      'a platform reconnecting, with why',
      {
        knowledgeLoaded: true,
        stopping: false,
        platforms: [{ name: 'discord', health: { state: 'reconnecting' as const, since: 0, reason: 'gateway closed (code 1006)' } }],
      },
      ['discord: reconnecting (gateway closed (code 1006))'],
    ],
    ['shutting down', { knowledgeLoaded: true, stopping: true, platforms: [{ name: 'slack', health: connected }] }, ['shutting down']],
  ])('%s', (_name, input, reasons) => {
    const r = readiness(input);
    expect(r.reasons).toEqual(reasons);
    expect(r.ready).toBe(reasons.length === 0);
  });
});

describe('where the ops endpoints listen', () => {
  const plan = (env: Record<string, string>) => {
    const secrets = readSecrets(env);
    const configured: PlatformAdapter[] = adapters.filter((a) => a.configured(secrets));
    return planOps({ secrets, ops: readOps(env) }, configured);
  };
  const slackHttp = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '3000' };

  it.each([
    ['the console: off, whatever FAQBOT_HTTP_PORT says', { FAQBOT_HTTP_PORT: '9000' }, { kind: 'off' }],
    ['Discord without FAQBOT_HTTP_PORT: off', { DISCORD_TOKEN: 't' }, { kind: 'off' }],
    ['Discord with FAQBOT_HTTP_PORT', { DISCORD_TOKEN: 't', FAQBOT_HTTP_PORT: '9000' }, { kind: 'own', port: 9000 }],
    [
      'Slack Socket Mode with FAQBOT_HTTP_PORT',
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', FAQBOT_HTTP_PORT: '9000' },
      { kind: 'own', port: 9000 },
    ],
    ["Slack HTTP mode: on Slack's port", slackHttp, { kind: 'shared', platform: 'slack', port: 3000 }],
    [
      'Slack HTTP mode, FAQBOT_HTTP_PORT the same port',
      { ...slackHttp, FAQBOT_HTTP_PORT: '3000' },
      { kind: 'shared', platform: 'slack', port: 3000 },
    ],
    ['Slack HTTP mode, FAQBOT_HTTP_PORT another port', { ...slackHttp, FAQBOT_HTTP_PORT: '9000' }, { kind: 'own', port: 9000 }],
    ['Slack HTTP mode, both 0: two free ports', { ...slackHttp, PORT: '0', FAQBOT_HTTP_PORT: '0' }, { kind: 'own', port: 0 }],
  ])('%s', (_name, env, expected) => {
    expect(plan(env)).toEqual(expected);
  });
});

describe('reconnect counting', () => {
  it('counts one lost connection once, whatever reasons it reports until it is back', async () => {
    const ops = await Ops.start({ kind: 'off' }, ['discord'], silentLogger);
    const { onHealth } = ops.depsFor('discord');
    for (const [state, reason] of [
      ['connected'],
      ['reconnecting', 'gateway closed (code 1006)'],
      ['reconnecting', 'gateway reconnecting'],
      ['connected'],
      ['reconnecting', 'gateway closed (code 1001)'],
    ] as const) {
      onHealth!({ state, since: 0, ...(reason ? { reason } : {}) });
    }
    const text = await ops.metrics.text();
    expect(text).toMatch(/^faqbot_platform_reconnects_total\{platform="discord"\} 2$/m);
  });
});

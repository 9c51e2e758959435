// Reading what members type in Slack, and the app manifest people paste into Slack.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCommandText, questionFromMessage, slackToPlain } from '../../adapters/slack/text.js';
import { manifest, manifestYaml } from '../../adapters/slack/manifest.js';
import { decodeValue, encodeValue } from '../../adapters/slack/action-value.js';
import { commands } from '../../bin/commands.js';
import { runCli } from '../../cli/run-cli.js';

describe('Slack text', () => {
  it.each([
    ['migrate <@U123|newbie>', 'migrate', { id: 'U123', name: 'newbie' }],
    ['<@W9ABC> how to migrate', 'how to migrate', { id: 'W9ABC' }],
    ['how to migrate', 'how to migrate', undefined],
    ['migrate <@U1|a> <@U2|b>', 'migrate', { id: 'U1', name: 'a' }],
  ])('/faq %s', (raw, text, target) => {
    expect(parseCommandText(raw)).toEqual({ text, ...(target ? { target } : {}) });
  });

  it.each([
    ['<!channel> hi', '@channel hi'],
    ['<!subteam^S123|@admins> hi', '@admins hi'],
    ['in <#C123|general>', 'in #general'],
    ['see <https://x.org|the docs>', 'see the docs'],
    ['a &lt; b &amp;&amp; c &gt; d', 'a < b && c > d'],
    ['  lots   of\nspace ', 'lots of space'],
  ])('%s', (raw, plain) => {
    expect(slackToPlain(raw)).toBe(plain);
  });

  it('drops the bot mention from a mention', () => {
    expect(questionFromMessage('<@UBOT> how do I migrate?')).toBe('how do I migrate?');
  });

  it('button values round-trip and anything else is refused', () => {
    const v = { askId: 'a1', entryId: 'migrate', via: 'mention' as const, targetId: 'U1' };
    expect(decodeValue(encodeValue(v))).toEqual(v);
    expect(decodeValue('{"a":"x","e":"y","v":"telepathy"}')).toBeUndefined();
    expect(decodeValue('not json')).toBeUndefined();
    expect(decodeValue(JSON.stringify({ a: 'x', e: 'y', v: 'command', t: '<!channel>' }))).toEqual({
      askId: 'x',
      entryId: 'y',
      via: 'command',
    });
  });
});

describe('Slack app manifest', () => {
  it('adapters/slack/manifest.yaml is the generated Socket Mode manifest', () => {
    const file = readFileSync(resolve(import.meta.dirname, '../../adapters/slack/manifest.yaml'), 'utf8');
    expect(file).toBe(manifestYaml());
    const m = parse(file) as ReturnType<typeof manifest> & Record<string, any>;
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/faq', '/faq-stats']);
    expect(m.features.shortcuts[0]).toMatchObject({ type: 'message', callback_id: 'answer_with_faq' });
    expect(m.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.channels', 'message.groups', 'message.im']);
    expect(m.oauth_config.scopes.bot).toEqual([
      'app_mentions:read',
      'channels:history',
      'chat:write',
      'commands',
      'groups:history',
      'im:history',
      'usergroups:read',
      'users:read',
    ]);
  });

  it('--http points commands, events and interactivity at /slack/events and turns Socket Mode off', () => {
    const m = manifest('https://faq.example.org') as Record<string, any>;
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.settings.event_subscriptions.request_url).toBe('https://faq.example.org/slack/events');
    expect(m.settings.interactivity.request_url).toBe('https://faq.example.org/slack/events');
    expect(m.features.slash_commands[0].url).toBe('https://faq.example.org/slack/events');
    expect((manifest('https://faq.example.org/slack/events') as Record<string, any>).settings.interactivity.request_url).toBe(
      'https://faq.example.org/slack/events',
    );
  });

  it('`faqbot slack manifest` prints it, and a bad --http gets a clear message', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), stdin: process.stdin, cwd: process.cwd(), env: {} };
    expect(await runCli(['slack', 'manifest', '--http', 'https://bot.example.org/'], commands, io)).toBe(0);
    expect(out.join('\n')).toContain('request_url: https://bot.example.org/slack/events');
    expect(await runCli(['slack', 'manifest', '--http', 'ftp://x'], commands, io)).toBe(2);
    expect(err.join('\n')).toContain('Slack only calls https:// addresses');
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
  });
});

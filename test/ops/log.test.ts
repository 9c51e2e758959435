// Logs an operator ships: one JSON object a line with a level, filtered by level, and no
// secret in any line whatever the call site passed.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger, defaultFormat, type LogOptions } from '../../src/log.js';

function capture(options: Omit<LogOptions, 'destination'> = {}) {
  const lines: string[] = [];
  const log = createLogger({
    format: 'json',
    ...options,
    destination: { write: (l: string) => lines.push(...l.split('\n').filter(Boolean)) },
  });
  return { log, lines, json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const SLACK = 'xoxb-1111-2222-abcdefABCDEF';
const DISCORD = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz0123';

describe('structured logs', () => {
  it('writes one JSON object a line, with level, time, message and fields', () => {
    const { log, json } = capture();
    log.info('faqbot started', { version: '1.2.3', platforms: ['slack'] });
    log.warn('careful');
    log.error('could not post', new Error('channel_not_found'));
    const [a, b, c] = json();
    expect(a).toMatchObject({ level: 'info', msg: 'faqbot started', version: '1.2.3', platforms: ['slack'] });
    expect(typeof a!.time).toBe('string');
    expect(b).toMatchObject({ level: 'warn', msg: 'careful' });
    expect(c).toMatchObject({ level: 'error', msg: 'could not post', error: 'channel_not_found' });
    expect(JSON.stringify(c)).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it('drops lines below FAQBOT_LOG_LEVEL', () => {
    const { log, json } = capture({ level: 'warn' });
    log.info('hidden');
    log.warn('shown');
    expect(json().map((o) => o.msg)).toEqual(['shown']);
  });

  it('redacts the configured secrets and token-shaped strings in messages, errors and fields', () => {
    const { log, lines } = capture({ secrets: ['my-signing-secret-value', undefined] });
    log.info(`token ${SLACK} and my-signing-secret-value`);
    log.error('login failed', new Error(`bad token ${DISCORD}`));
    log.warn('request', { headers: { authorization: 'Bearer abc' }, token: 'plain', note: `app xapp-1-A111-222-abcdef` });
    const all = lines.join('\n');
    for (const secret of [SLACK, DISCORD, 'my-signing-secret-value', 'Bearer abc', 'plain', 'xapp-1-A111'])
      expect(all).not.toContain(secret);
    expect(all).toContain('[redacted]');
  });

  it('renders readable lines for a terminal', () => {
    const { log, lines } = capture({ format: 'text' });
    log.info('knowledge reloaded', { entries: 3 });
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+ info {2}\[faqbot\] knowledge reloaded \(entries=3\)$/);
  });

  it('is JSON unless the log stream is a terminal', () => {
    expect(defaultFormat({ isTTY: true })).toBe('text');
    expect(defaultFormat({})).toBe('json');
  });

  it('reads the level and format from the environment and names a wrong value', () => {
    expect(loadConfig({ FAQBOT_LOG_LEVEL: 'debug', FAQBOT_LOG_FORMAT: 'JSON' }, '/').ops).toEqual({ logLevel: 'debug', logFormat: 'json' });
    expect(() => loadConfig({ FAQBOT_LOG_LEVEL: 'loud' }, '/')).toThrow(
      /FAQBOT_LOG_LEVEL=loud is not a level; set it to one of debug, info, warn, error, silent/,
    );
    expect(() => loadConfig({ FAQBOT_LOG_FORMAT: 'xml' }, '/')).toThrow(/FAQBOT_LOG_FORMAT=xml/);
    expect(() => loadConfig({ FAQBOT_HTTP_PORT: 'x' }, '/')).toThrow(/FAQBOT_HTTP_PORT=x is not a port number/);
  });
});

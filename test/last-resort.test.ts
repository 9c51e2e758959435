// The process-wide last resort: an error nothing handled is one log line without a secret.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installLastResort } from '../src/last-resort.js';
import { redact, secretValues } from '../src/redact.js';
import type { Logger } from '../src/log.js';

function capture(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { lines, log: { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) } };
}

describe('the last-resort handler', () => {
  it('logs an unhandled rejection in one line with the tokens redacted, and keeps running', () => {
    const proc = new EventEmitter();
    const { log, lines } = capture();
    const exits: number[] = [];
    installLastResort(
      proc,
      log,
      () => ['configured-secret-value'],
      (code) => exits.push(code),
    );
    proc.emit(
      'unhandledRejection',
      new Error('request failed: Authorization: Bearer xapp-1-A0-123-abcdef; token xoxb-99-abc; configured-secret-value'),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^unexpected error nothing handled \(the bot keeps running\): request failed/);
    expect(lines[0]).not.toMatch(/xapp-|xoxb-|configured-secret-value|abcdef/);
    expect(exits).toEqual([]);
  });

  it('logs an uncaught exception without its stack and exits 1', () => {
    const proc = new EventEmitter();
    const { log, lines } = capture();
    const exits: number[] = [];
    installLastResort(
      proc,
      log,
      () => [],
      (code) => exits.push(code),
    );
    proc.emit('uncaughtException', new Error('boom with Bot MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0.GaBcDe.abcdefghijklmnopqrstuvwxyz0123'));
    expect(lines).toEqual(['unexpected error, stopping: boom with Bot [redacted]']);
    expect(exits).toEqual([1]);
  });

  it('redacts Discord tokens without a scheme, and the configured secrets', () => {
    expect(redact('token MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0.GaBcDe.abcdefghijklmnopqrstuvwxyz0123 here')).toBe('token [redacted] here');
    expect(secretValues({ slackBotToken: 'xoxb-1', slackSigningSecret: 'sign-me', redisUrl: 'redis://:hunter22@127.0.0.1:6379' })).toEqual([
      'xoxb-1',
      'sign-me',
      'hunter22',
    ]);
  });
});

// Bolt wants its own Logger; this one forwards warnings and errors to faqbot's and drops
// Bolt's debug chatter. Bolt never gets a way to print secrets on its own.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/index.js';

export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const text = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' ');
  return {
    debug() {},
    info() {},
    warn: (...m: unknown[]) => log.warn(`slack: ${text(m)}`),
    error: (...m: unknown[]) => log.error(`slack: ${text(m)}`),
    setLevel: (l: LogLevel) => { level = l; },
    getLevel: () => level,
    setName() {},
  };
}

// Bolt wants its own Logger; this one forwards warnings and errors to faqbot's and drops
// Bolt's debug chatter. Bolt never gets a way to print secrets on its own.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/index.js';

/**
 * Bolt's lines that faqbot says better itself: a request from a workspace without an
 * installation is warned about on every event by Bolt, once per workspace by the installation store.
 */
const SAID_ELSEWHERE: readonly RegExp[] = [/^Authorization of incoming event did not succeed/];

export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const text = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' ');
  return {
    debug() {},
    info() {},
    warn: (...m: unknown[]) => {
      const line = text(m);
      if (!SAID_ELSEWHERE.some((r) => r.test(line))) log.warn(`slack: ${line}`);
    },
    error: (...m: unknown[]) => log.error(`slack: ${text(m)}`),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName() {},
  };
}

// The process-wide net under every other catch: an error nothing handled becomes one log line
// without a stack trace or a secret, instead of Node's crash dump (which prints whole SDK error
// objects, request headers and tokens included).
import { describeError, type Logger } from './log.js';
import { redact } from './redact.js';

export interface ProcessEvents {
  on(event: 'unhandledRejection' | 'uncaughtException', listener: (error: unknown) => void): unknown;
}

/**
 * A rejected promise nobody awaited leaves the bot's state intact, so it is logged and the bot
 * keeps answering; an uncaught exception may have broken a handler half-way, so the process
 * exits non-zero (a supervisor restarts it) after saying why.
 */
export function installLastResort(proc: ProcessEvents, log: Logger, secrets: () => readonly string[], exit: (code: number) => void): void {
  const line = (error: unknown) => redact(describeError(error), secrets());
  proc.on('unhandledRejection', (error) => {
    log.error(`unexpected error nothing handled (the bot keeps running): ${line(error)}`);
  });
  proc.on('uncaughtException', (error) => {
    log.error(`unexpected error, stopping: ${line(error)}`);
    exit(1);
  });
}

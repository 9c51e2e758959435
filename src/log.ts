/** A minimal logger; the edges pass one in, the core never writes to the console itself. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Writes to stderr so that stdout stays clean for `--json` output. */
export function consoleLogger(prefix = 'faqbot'): Logger {
  const line = (level: string, message: string) =>
    process.stderr.write(`${new Date().toISOString()} ${level} [${prefix}] ${message}\n`);
  return {
    info: (m) => line('info ', m),
    warn: (m) => line('warn ', m),
    error: (m, e) => line('error', e === undefined ? m : `${m}: ${describeError(e)}`),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** One line about an error: never a stack trace, never more than the message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

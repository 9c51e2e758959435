// The logger the edges pass in; the core never writes to the console itself. Backed by pino:
// levels, one JSON object per line for log shippers, and redaction done by the logger, so no
// call site has to remember which values are secret.
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import { REDACTED, redact } from './redact.js';

/** Structured context for one line (counts, names, ports); never a secret, never user text in bulk. */
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, error?: unknown, fields?: LogFields): void;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'text'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogOptions {
  level?: LogLevel;
  /** `text` for a person at a terminal; `json` (one object a line) for everything else. */
  format?: LogFormat;
  /** Where lines go: stderr by default, so that stdout stays clean for `--json` output. */
  destination?: { write(line: string): unknown; readonly isTTY?: boolean };
  /** Values that must never appear in a line (the tokens and secrets actually configured). */
  secrets?: readonly (string | undefined)[];
  name?: string;
}

/** Field names whose values pino replaces whatever they hold. */
const REDACT_PATHS = [
  'token',
  'secret',
  'password',
  'authorization',
  '*.token',
  '*.secret',
  '*.password',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
];

/** The format when none is chosen: text for a person at a terminal, JSON for a pipe or a file. */
export function defaultFormat(stream: { readonly isTTY?: boolean } = process.stderr): LogFormat {
  return stream.isTTY ? 'text' : 'json';
}

export function createLogger(options: LogOptions = {}): Logger {
  const destination = options.destination ?? pino.destination({ fd: 2, sync: true });
  const format = options.format ?? defaultFormat(options.destination ?? process.stderr);
  // Short secrets would redact ordinary words; every real token is far longer than this.
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return redact(value, secrets);
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, clean(v)]));
    }
    return value;
  };
  const logger: PinoLogger = pino(
    {
      name: options.name ?? 'faqbot',
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
    },
    format === 'text' ? textStream(destination) : (destination as DestinationStream),
  );
  const write = (level: 'info' | 'warn' | 'error', message: string, fields: LogFields | undefined) => {
    if (fields) logger[level](clean(fields) as object, redact(message, secrets));
    else logger[level](redact(message, secrets));
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, e, f) => write('error', m, e === undefined ? f : { ...f, error: describeError(e) }),
  };
}

/** Kept for the call sites that predate the options: a logger for this process's stderr. */
export function consoleLogger(prefix = 'faqbot'): Logger {
  return createLogger({ name: prefix });
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** One line about an error: never a stack trace, never more than the message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Renders pino's JSON lines as `time level [name] message: error key=value` for a terminal. */
function textStream(out: { write(line: string): unknown }): DestinationStream {
  const known = new Set(['time', 'level', 'name', 'msg', 'pid', 'error']);
  return {
    write(line: string) {
      const o = JSON.parse(line) as Record<string, unknown>;
      const extra = Object.entries(o)
        .filter(([k]) => !known.has(k))
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
      const error = o.error === undefined ? '' : `: ${String(o.error)}`;
      out.write(
        `${String(o.time)} ${String(o.level).padEnd(5)} [${String(o.name)}] ${String(o.msg)}${error}${extra.length ? ` (${extra.join(', ')})` : ''}\n`,
      );
    },
  };
}

// How the running bot logs and serves its operations endpoints: from the environment, like the secrets.
import { FaqbotError } from '../errors.js';
import { nonEmpty, portNumber, type Env } from '../env.js';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from '../log.js';

export interface OpsSettings {
  logLevel: LogLevel;
  /** Absent: JSON unless the log stream is a terminal. */
  logFormat?: LogFormat;
  /** FAQBOT_HTTP_PORT: the health and metrics server's port; absent: Slack's HTTP port in HTTP mode, else off. */
  httpPort?: number;
}

export function readOps(env: Env): OpsSettings {
  const level = nonEmpty(env.FAQBOT_LOG_LEVEL)?.toLowerCase() ?? 'info';
  if (!isOneOf(level, LOG_LEVELS)) {
    throw new FaqbotError('config', `FAQBOT_LOG_LEVEL=${level} is not a level; set it to one of ${LOG_LEVELS.join(', ')}`);
  }
  const format = nonEmpty(env.FAQBOT_LOG_FORMAT)?.toLowerCase();
  if (format !== undefined && !isOneOf(format, LOG_FORMATS)) {
    throw new FaqbotError(
      'config',
      `FAQBOT_LOG_FORMAT=${format} is not a format; set it to ${LOG_FORMATS.join(' or ')}, or leave it unset (JSON unless stderr is a terminal)`,
    );
  }
  const httpPort = nonEmpty(env.FAQBOT_HTTP_PORT);
  return {
    logLevel: level,
    ...(format !== undefined ? { logFormat: format } : {}),
    ...(httpPort !== undefined ? { httpPort: portNumber('FAQBOT_HTTP_PORT', httpPort) } : {}),
  };
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

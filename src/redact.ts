// Keeps secrets out of log lines: the configured secret values themselves, and anything shaped
// like a Slack or Discord token or an Authorization header, wherever it came from (an SDK's
// error message may quote a request).
import type { Secrets } from './secrets.js';

const TOKEN_SHAPES: readonly RegExp[] = [
  // An Authorization header's value; as written in headers (capitalised, a long credential), so
  // "the bot keeps answering" in an ordinary log line stays as it is.
  /\b(Bearer|Bot) +[\w.~+/=-]{20,}/g,
  /\bx(?:ox[a-z]|app)-[\w-]+/gi,
  // Discord bot tokens: base64 user id, timestamp, HMAC.
  /\b[\w-]{20,}\.[\w-]{6,}\.[\w-]{27,}/g,
];

export const REDACTED = '[redacted]';

/** The secret values of a configuration, for `redact`. */
export function secretValues(
  secrets: Pick<
    Secrets,
    'discordToken' | 'slackBotToken' | 'slackAppToken' | 'slackSigningSecret' | 'slackOAuth' | 'insightsSalt' | 'redisUrl' | 'databaseUrl'
  >,
): string[] {
  return [
    secrets.discordToken,
    secrets.slackBotToken,
    secrets.slackAppToken,
    secrets.slackSigningSecret,
    secrets.slackOAuth?.clientSecret,
    secrets.slackOAuth?.stateSecret,
    secrets.insightsSalt,
    ...[secrets.redisUrl, secrets.databaseUrl].map(urlPassword),
  ].filter((s): s is string => s !== undefined && s.length >= 4);
}

/** The password inside a connection URL (redis://:pw@host, postgres://user:pw@host), if any. */
function urlPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  for (const shape of TOKEN_SHAPES) {
    out = out.replace(shape, (match, scheme: unknown) => (typeof scheme === 'string' ? `${scheme} ${REDACTED}` : REDACTED));
  }
  return out;
}

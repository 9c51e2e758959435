// Posts a message to a request's response_url: how a /faq answer reaches the member after the
// ack went out without it (a burst, a named member, a public post Slack refused). Bolt's
// respond() posts through axios, which costs about three times the CPU of this plain request
// on a kept-alive connection; in a burst, that CPU is what the other members' acks wait for.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** A response_url post that Slack accepts and never answers fails after this long. */
export const RESPONSE_URL_TIMEOUT_MS = 10_000;

/**
 * Resolves once Slack accepted the message; rejects with Slack's status and error otherwise.
 * The URL is never part of the error: it is a credential for five more posts.
 */
export function postToResponseUrl(
  url: string,
  message: Readonly<Record<string, unknown>>,
  timeoutMs = RESPONSE_URL_TIMEOUT_MS,
): Promise<void> {
  const body = JSON.stringify(message);
  const send = new URL(url).protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        timeout: timeoutMs,
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const answer = slackAnswer(Buffer.concat(chunks).toString('utf8'));
          if (status >= 200 && status < 300 && answer.ok) return resolve();
          reject(new Error(`Slack refused the reply to the response_url (HTTP ${status}${answer.error ? `, ${answer.error}` : ''})`));
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`Slack did not answer the reply to the response_url within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Slack answers `{"ok":true}`, `{"ok":false,"error":"..."}`, or a bare code such as `expired_url`. */
function slackAnswer(text: string): { ok: boolean; error?: string } {
  const trimmed = text.trim();
  try {
    const json: unknown = JSON.parse(trimmed);
    const parsed = (typeof json === 'object' && json !== null ? json : {}) as { ok?: unknown; error?: unknown };
    return { ok: parsed.ok !== false, ...(typeof parsed.error === 'string' ? { error: parsed.error.slice(0, 100) } : {}) };
  } catch {
    return { ok: true, ...(/^[a-z_]{1,60}$/.test(trimmed) && trimmed !== 'ok' ? { error: trimmed } : {}) };
  }
}

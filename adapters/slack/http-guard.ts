// HTTP mode's front door, in front of Bolt's HTTPReceiver. Bolt reads a request body of any
// size before it checks the signature, so one unsigned 100 MB POST costs 100 MB; and it refuses
// only timestamps from the past, so a request signed for next year is accepted. Here a body
// past MAX_BODY_BYTES is refused with 413 before it is buffered (at once when Content-Length
// says so, else as soon as it grows past the limit), and a timestamp more than five minutes
// away in either direction with 401. Bolt then verifies the signature over the buffered body.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/**
 * Slack's largest payloads (a block action carrying a 50-block message, URL-encoded) stay well
 * below this; anything bigger is not from Slack.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Slack's own rule for a request's timestamp, applied both ways. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface GuardOptions {
  readonly maxBodyBytes?: number;
  readonly now?: () => number;
}

export function guardRequests(inner: RequestListener, options: GuardOptions = {}): RequestListener {
  const max = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const now = options.now ?? Date.now;
  return (req, res) => {
    if (req.method !== 'POST') return void inner(req, res);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) return refuse(req, res, 413);
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > max) {
        refused = true;
        chunks.length = 0;
        refuse(req, res, 413);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      const body = Buffer.concat(chunks);
      if (!isSslCheck(req, body) && !recent(req, now())) return refuse(req, res, 401);
      // Bolt's receiver takes a request whose body is already buffered as `rawBody`.
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
      inner(req, res);
    });
    req.on('error', () => {
      refused = true;
    });
  };
}

/** Slack's SSL check carries no signature; Bolt answers it and strips anything else in it. */
function isSslCheck(req: IncomingMessage, body: Buffer): boolean {
  return (
    req.headers['content-type'] === 'application/x-www-form-urlencoded' &&
    new URLSearchParams(body.toString('utf8')).get('ssl_check') === '1'
  );
}

function recent(req: IncomingMessage, nowMs: number): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  const seconds = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : NaN;
  return Number.isFinite(seconds) && Math.abs(nowMs / 1000 - seconds) <= MAX_CLOCK_SKEW_SECONDS;
}

/** Answers and closes: the rest of a refused body is not worth reading. */
function refuse(req: IncomingMessage, res: ServerResponse, status: 401 | 413): void {
  if (!res.headersSent) res.writeHead(status, { connection: 'close', 'content-length': '0' });
  res.end(() => req.destroy());
}

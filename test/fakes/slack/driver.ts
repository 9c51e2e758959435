// Delivers what Slack sends to the running app, the way Slack would in each mode: signed HTTP
// POSTs to /slack/events, or envelopes over the Socket Mode WebSocket.
import { request } from 'node:http';
import type { FakeSlack } from './fake-slack.js';
import { formBody, sign } from './payloads.js';

export interface Acked {
  /** HTTP status (200 for a Socket Mode ack). */
  readonly status: number;
  /** What the app acknowledged with (HTTP response body, or the ack payload). */
  readonly body: string;
}

export interface Driver {
  readonly mode: 'http' | 'socket';
  command(fields: Record<string, string>): Promise<Acked>;
  event(body: Record<string, unknown>, retryNum?: number): Promise<Acked>;
  interactive(payload: Record<string, unknown>): Promise<Acked>;
}

export interface SignedOptions {
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
}

export function httpDriver(
  eventsUrl: string,
  signingSecret: string,
): Driver & {
  post(body: string, contentType: string, options?: SignedOptions): Promise<Acked>;
} {
  const post = (body: string, contentType: string, options: SignedOptions = {}) => {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    return postRaw(eventsUrl, body, {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? sign(signingSecret, timestamp, body),
      ...options.headers,
    });
  };
  return {
    mode: 'http',
    post,
    command: (fields) => post(formBody(fields), 'application/x-www-form-urlencoded'),
    event: (body, retryNum) =>
      post(
        JSON.stringify(body),
        'application/json',
        retryNum ? { headers: { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } } : {},
      ),
    interactive: (payload) => post(formBody({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded'),
  };
}

export function socketDriver(fake: FakeSlack): Driver {
  const ack = async (p: Promise<Record<string, unknown>>): Promise<Acked> => ({ status: 200, body: JSON.stringify(await p) });
  return {
    mode: 'socket',
    command: (fields) => ack(fake.sendEnvelope('slash_commands', fields)),
    event: (body, retryNum = 0) => ack(fake.sendEnvelope('events_api', body, retryNum)),
    interactive: (payload) => ack(fake.sendEnvelope('interactive', payload)),
  };
}

export function postRaw(url: string, body: string, headers: Record<string, string>): Promise<Acked> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

// Posting an answer to a response_url: Slack's refusals become errors that say what Slack
// answered and never repeat the URL (it allows more posts to the member's conversation).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postToResponseUrl } from '../../adapters/slack/response-url.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((done) => s.close(done));
  }
});

/** A response_url endpoint; `answer` decides the reply (or none). */
async function endpoint(answer: (body: string, req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => answer(Buffer.concat(chunks).toString('utf8'), req, res));
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/commands/T0/1234/SecretPart`;
}

describe('postToResponseUrl', () => {
  it('posts the message as JSON and resolves when Slack accepts it', async () => {
    const received: { type?: string; body: unknown }[] = [];
    const url = await endpoint((body, req, res) => {
      received.push({ type: req.headers['content-type'], body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await postToResponseUrl(url, { response_type: 'ephemeral', text: 'Ünïcode answer' });
    expect(received).toEqual([{ type: 'application/json; charset=utf-8', body: { response_type: 'ephemeral', text: 'Ünïcode answer' } }]);
  });

  it('rejects with what Slack answered, without the URL, when the URL expired or the message is refused', async () => {
    const expired = await endpoint((_b, _r, res) => res.writeHead(404).end('expired_url'));
    const refused = await endpoint((_b, _r, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":false,"error":"invalid_blocks"}'),
    );
    const failures = await Promise.all(
      [expired, refused].map((url) =>
        postToResponseUrl(url, { text: 'x' }).then(
          () => 'accepted',
          (e: Error) => e.message,
        ),
      ),
    );
    expect(failures).toEqual([
      'Slack refused the reply to the response_url (HTTP 404, expired_url)',
      'Slack refused the reply to the response_url (HTTP 200, invalid_blocks)',
    ]);
    expect(failures.join(' ')).not.toMatch(/SecretPart|127\.0\.0\.1/);
  });

  it('gives up on a Slack that accepts the post and never answers', async () => {
    const url = await endpoint(() => {
      /* never answers */
    });
    await expect(postToResponseUrl(url, { text: 'x' }, 50)).rejects.toThrow(
      'Slack did not answer the reply to the response_url within 0.05 s',
    );
  });
});

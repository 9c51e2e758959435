// HTTP mode's front door: only requests signed with the signing secret, and recent, reach a
// handler. Anything else gets 401 and costs no Web API call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, eventCallback, formBody, sign, slashCommand } from '../fakes/slack/payloads.js';
import { request } from 'node:http';
import { postRaw, type Acked } from '../fakes/slack/driver.js';
import { startHarness, type Harness } from './harness.js';

describe('Slack HTTP mode request verification', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('http');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Sends a valid mention and waits for its answer, so anything an earlier request caused has arrived too. */
  async function settle(): Promise<void> {
    const channelId = h.id('C');
    await h.http!.event(eventCallback(appMention({ text: '<@UBOT> migrate', userId: h.id('U'), channelId, ts: '1700000000.000001' })));
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
  }

  const body = () =>
    formBody(slashCommand({ text: 'migrate', userId: 'UATTACK', channelId: 'CATTACK', responseUrl: h.fake.responseUrl() }));

  it('rejects a forged signature with 401 and makes no Web API call', async () => {
    const before = h.fake.outgoing.length;
    const forged = await h.http!.post(body(), 'application/x-www-form-urlencoded', {
      signature: sign('not-the-secret', Math.floor(Date.now() / 1000), body()),
    });
    expect(forged.status).toBe(401);
    await settle();
    expect(h.fake.outgoing.length).toBe(before + 1);
  });

  it('rejects a correctly signed request that is 10 minutes old with 401 and makes no Web API call', async () => {
    const before = h.fake.outgoing.length;
    const stale = await h.http!.post(body(), 'application/x-www-form-urlencoded', { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    await settle();
    expect(h.fake.outgoing.length).toBe(before + 1);
  });

  it.each([
    ['an hour', 3600],
    ['a year', 365 * 24 * 3600],
  ])('rejects a correctly signed request dated %s ahead with 401 and makes no Web API call', async (_, ahead) => {
    const before = h.fake.outgoing.length;
    const future = await h.http!.post(body(), 'application/x-www-form-urlencoded', { timestamp: Math.floor(Date.now() / 1000) + ahead });
    expect(future.status).toBe(401);
    await settle();
    expect(h.fake.outgoing.length).toBe(before + 1);
  });

  it('answers a replayed /faq (same trigger_id) with an empty acknowledgement, not a second answer', async () => {
    const replayed = formBody(
      slashCommand({ text: 'migrate', userId: h.id('U'), channelId: h.id('C'), responseUrl: h.fake.responseUrl() }),
    );
    const first = await h.http!.post(replayed, 'application/x-www-form-urlencoded');
    expect(JSON.parse(first.body)).toMatchObject({ text: expect.stringContaining('How do I migrate') });
    const again = await h.http!.post(replayed, 'application/x-www-form-urlencoded');
    expect(again).toEqual({ status: 200, body: '' });
  });

  it('refuses a body declared larger than the limit with 413 before it is sent', async () => {
    // Only the headers go out: a server that buffers first would wait for 100 MB forever.
    const res = await new Promise<Acked>((resolve, reject) => {
      const req = request(
        h.eventsUrl!,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) } },
        (r) => {
          r.resume();
          resolve({ status: r.statusCode ?? 0, body: '' });
        },
      );
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(res.status).toBe(413);
  });

  it('refuses a streamed body that grows past the limit with 413', async () => {
    const res = await new Promise<Acked>((resolve, reject) => {
      const req = request(
        h.eventsUrl!,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (r) => {
          r.resume();
          resolve({ status: r.statusCode ?? 0, body: '' });
        },
      );
      req.on('error', () => {}); // the server closes the connection once it has answered
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      req.on('socket', () => pump());
      setTimeout(() => reject(new Error('no answer')), 10_000).unref();
    });
    expect(res.status).toBe(413);
    await settle();
  });

  it('rejects a request without signature headers with 401', async () => {
    const res = await postRaw(h.eventsUrl!, body(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(401);
  });

  it('rejects a body changed after signing with 401', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const signature = sign('test-signing-secret', ts, body());
    const tampered = body().replace('migrate', '%3C%21channel%3E');
    const res = await h.http!.post(tampered, 'application/x-www-form-urlencoded', { timestamp: ts, signature });
    expect(res.status).toBe(401);
  });

  it('answers a signed /faq privately in its acknowledgement (200, JSON), with no further call', async () => {
    const before = h.fake.outgoing.length;
    const acked = await h.http!.command(
      slashCommand({ text: 'migrate', userId: h.id('U'), channelId: h.id('C'), responseUrl: h.fake.responseUrl() }),
    );
    expect(acked.status).toBe(200);
    expect(JSON.parse(acked.body)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('How do I migrate') });
    await settle();
    expect(h.fake.outgoing.length).toBe(before + 1);
  });

  it('acknowledges /faq for a named member at once with an empty 200, then posts in the channel', async () => {
    const channelId = h.id('C');
    const acked = await h.http!.command(
      slashCommand({ text: 'install packages <@UNEW|nina>', userId: 'UMOD', channelId, responseUrl: h.fake.responseUrl() }),
    );
    expect(acked).toEqual({ status: 200, body: '' });
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
  });

  it("answers Slack's URL verification challenge", async () => {
    const res = await h.http!.event({ type: 'url_verification', challenge: 'abc123', token: 'x' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('abc123');
  });
});

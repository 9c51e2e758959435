// Many members asking /faq at the same moment: every one is acknowledged and answered exactly
// once. The first few answers ride on their acks; the requests that find more answers ahead of
// them are acknowledged at once and answered through their response_url.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ANSWERS_AHEAD } from '../../adapters/slack/yield.js';
import { slashCommand } from '../fakes/slack/payloads.js';
import { headerText } from './blocks-of.js';
import { startHarness, type Harness } from './harness.js';

/** More than MAX_ANSWERS_AHEAD, so that the later requests find a queue. */
const MEMBERS = 16;

describe.each(['http', 'socket'] as const)('a burst of /faq in %s mode', (mode) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(mode);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Sends one /faq per member, all at once, and returns where each member's answer arrived. */
  async function burst() {
    const asks = Array.from({ length: MEMBERS }, () => ({ userId: h.id('U'), channelId: h.id('C'), responseUrl: h.fake.responseUrl() }));
    const acks = await Promise.all(asks.map((a) => h.driver.command(slashCommand({ text: 'migrate', ...a }))));
    return Promise.all(
      asks.map(async (a, i) => {
        const acked = acks[i]!;
        const inAck = acked.body ? (JSON.parse(acked.body) as Record<string, unknown>) : {};
        const responseId = a.responseUrl.split('/').pop()!;
        const onAck = 'text' in inAck;
        const body = onAck ? inAck : (await h.fake.waitForResponse(responseId)).body;
        return { status: acked.status, onAck, body, responseId };
      }),
    );
  }

  it('answers the first few on their acks, the rest at their response_url, each member exactly once', async () => {
    // In HTTP mode a first burst opens one kept-alive connection per member, so that the second
    // arrives all at once, as the requests of a busy workspace do (Socket Mode has one socket).
    if (mode === 'http') await burst();
    const answers = await burst();

    expect(answers.map((a) => a.status)).toEqual(Array(MEMBERS).fill(200));
    for (const a of answers) {
      expect(a.body.response_type).toBe('ephemeral');
      expect(headerText(a.body)).toBe('How do I migrate from CentOS to AlmaLinux?');
    }
    // In the order they arrived: each of the first waited behind at most MAX_ANSWERS_AHEAD
    // answers for its own; the others found more ahead and were acknowledged at once.
    const onAck = MAX_ANSWERS_AHEAD + 1;
    expect(answers.map((a) => a.onAck)).toEqual([...Array(onAck).fill(true), ...Array(MEMBERS - onAck).fill(false)]);
    // An answer that rode on its ack is not posted again; each of the others is posted once.
    const posted = h.fake.responses
      .filter((r) => answers.some((a) => a.responseId === r.id))
      .map((r) => r.id)
      .sort();
    expect(posted).toEqual(
      answers
        .filter((a) => !a.onAck)
        .map((a) => a.responseId)
        .sort(),
    );
  });
});

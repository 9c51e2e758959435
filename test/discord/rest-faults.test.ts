// Discord's REST API under faults: a short burst of 5xx must not lose the questions asked in
// it (an interaction has 3 s to be answered), and an interaction Discord already calls unknown
// (10062) gets no apology, which would only double the calls.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { slashFaq } from '../fakes/discord/payloads.js';
import { expectSafeMentions, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  expectSafeMentions(h.fake.requests);
  await h?.stop();
});

const isCallbackOf = (id: string) => (path: string) => path.startsWith(`/interactions/${id}/`) && path.endsWith('/callback');

test('20 questions asked at the start of an 800 ms burst of 5xx are all answered once it is over', async () => {
  // A first question warms the path, so the burst is measured against a running bot.
  await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, h.member(), 'backup')));
  const burstEnd = performance.now() + 800;
  h.fake.override = (r) =>
    r.at < burstEnd && /\/callback$/.test(r.path)
      ? { status: r.at % 2 < 1 ? 500 : 503, body: { message: 'Internal Server Error', code: 0 } }
      : undefined;
  try {
    const asked = Array.from({ length: 20 }, () => h.fake.interact(slashFaq(h.general, h.member(), 'install')));
    const answered = await Promise.all(asked.map(({ id }) => h.fake.waitFor((r) => isCallbackOf(id)(r.path) && r.at >= burstEnd, 5000)));
    for (const r of answered) expect(r.body.data.embeds?.[0]?.title).toBe('How do I install Example?');
  } finally {
    h.fake.override = undefined;
  }
});

test('an interaction Discord calls unknown (10062) gets no apology, and the log says why', async () => {
  h.fake.override = (r) =>
    /\/callback$/.test(r.path) ? { status: 404, body: { message: 'Unknown interaction', code: 10062 } } : undefined;
  let id: string;
  try {
    ({ id } = h.fake.interact(slashFaq(h.general, h.member(), 'backup')));
    await h.fake.waitFor((r) => isCallbackOf(id)(r.path));
    // A later question's answer arrives after anything the first could still have caused.
  } finally {
    h.fake.override = undefined;
  }
  const later = h.fake.interact(slashFaq(h.general, h.member(), 'install'));
  await h.fake.waitFor((r) => isCallbackOf(later.id)(r.path));
  expect(h.fake.requests.filter((r) => isCallbackOf(id)(r.path))).toHaveLength(1);
  expect(h.logs).toContain(
    'warn discord: interaction /faq expired before it could be answered (Discord: Unknown interaction); no apology sent',
  );
});

// The service's policies as Discord members meet them: rate limits, who may aim an answer at
// someone, and the moderators' /faq-stats. The adapter only renders what the service decided.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RecordingStore } from '../../bin/start.js';
import type { InsightsSummary } from '../../src/domain.js';
import { slashFaq, slashStats } from '../fakes/discord/payloads.js';
import { expectSafeMentions, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('policy:\n  rateLimitCount: 3\n  rateLimitWindowSeconds: 60\n  targeting: moderators\n');
});
afterAll(async () => {
  expectSafeMentions(h.fake.requests);
  await h?.stop();
});

test('a member asking faster than the rate limit gets a private "try again in" reply', async () => {
  const asker = h.member();
  for (let n = 0; n < 3; n++) {
    const ok = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, asker, 'install')));
    expect(ok.body.data.embeds[0].title).toBe('How do I install Example?');
  }
  const held = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, asker, 'install')));
  expect(held.body.type).toBe(4);
  expect(held.body.data.flags & 64).toBe(64);
  expect(held.body.data.content).toMatch(/faster than the bot answers; try again in \d+ (s|min)/);
});

test('where only moderators may target, a member naming someone is told so privately and nobody is pinged', async () => {
  const member = h.member();
  const other = h.member();
  const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, member, 'backup', other.user)));
  expect(body.data.flags & 64).toBe(64);
  expect(body.data.content).toMatch(/Only moderators can send an answer to another member/);
  expect(body.data.allowed_mentions.users).toEqual([]);
});

test('a moderator (Manage Messages) may target a member there', async () => {
  const mod = h.moderator();
  const other = h.member();
  const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, mod, 'backup', other.user)));
  expect(body.data.flags ?? 0).toBe(0);
  expect(body.data.allowed_mentions.users).toEqual([other.user.id]);
});

/** /faq-stats defers privately (type 5, flag 64), then edits the deferred reply. */
async function stats(on: Harness, who: Parameters<typeof slashStats>[1]) {
  const i = on.fake.interact(slashStats(on.general, who));
  const deferred = await on.fake.callbackOf(i);
  expect(deferred.body).toEqual({ type: 5, data: { flags: 64 } });
  const edit = await on.fake.waitFor(
    (r) => r.method === 'PATCH' && r.path === `/webhooks/${on.fake.applicationId}/${i.token}/messages/@original`,
  );
  return edit.body;
}

test('/faq-stats is refused privately to members', async () => {
  const body = await stats(h, h.member());
  expect(body.content).toMatch(/Only moderators/);
  expect(body.embeds).toEqual([]);
});

describe('/faq-stats without an insights store', () => {
  let off: Harness;
  beforeAll(async () => {
    off = await startHarness('insights:\n  enabled: false\n');
  });
  afterAll(async () => {
    expectSafeMentions(off.fake.requests);
    await off?.stop();
  });

  test('tells a moderator that no statistics are kept', async () => {
    const body = await stats(off, off.moderator());
    expect(body.content).toMatch(/No statistics are kept/);
  });
});

describe('/faq-stats with figures', () => {
  const summary: InsightsSummary = {
    since: Date.now() - 7 * 86_400_000,
    asks: 42,
    answered: 30,
    suggested: 7,
    unanswered: 3,
    topicLists: 2,
    helpful: 9,
    notHelpful: 2,
    topEntries: [{ entryId: 'migrate', question: 'How do I migrate from version 1 to version 2?', count: 12 }],
    topUnanswered: [{ text: 'why is @everyone pinged <@&123456789012345678>', count: 3 }],
  };
  /** An insights store that holds these figures and records nothing. */
  const store: RecordingStore = {
    recordAsk() {},
    recordPick() {},
    recordFeedback() {},
    close() {},
    summary: () => summary,
    health: () => ({ engine: 'sqlite', writing: true, pending: 0 }),
  };
  let kept: Harness;
  beforeAll(async () => {
    kept = await startHarness('', {}, { insights: store });
  });
  afterAll(async () => {
    expectSafeMentions(kept.fake.requests);
    await kept?.stop();
  });

  test('shows a moderator the figures privately, unanswered questions unable to ping', async () => {
    const body = await stats(kept, kept.moderator());
    const [embed] = body.embeds;
    expect(embed.title).toBe('FAQ statistics, last 7 days');
    const fields = Object.fromEntries(embed.fields.map((f: any) => [f.name, f.value]));
    expect(fields.Questions).toBe('42');
    // The parts add up to the questions: topic-list requests are counted too.
    expect(Number(fields.Answered) + Number(fields.Suggested) + Number(fields.Unanswered) + Number(fields['Topic lists'])).toBe(42);
    expect(fields['Most asked']).toContain('How do I migrate from version 1 to version 2? (12)');
    const missed = fields['Not answered (add these to the knowledge base)'];
    expect(missed).toContain('(3)');
    expect(missed).not.toMatch(/@everyone|<@&\d/);
  });
});

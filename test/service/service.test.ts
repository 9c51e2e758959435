import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AnswerService } from '../../src/service/answer-service.js';
import type { PolicySettings } from '../../src/service/policy-settings.js';
import type { Query, Reply } from '../../src/domain.js';

// A made-up product's FAQ, so editing the bundled knowledge base never breaks these tests.
const { knowledge } = loadKnowledge('test/fixtures/core/knowledge.yaml');

function service(policy: Partial<PolicySettings> = {}) {
  let clock = 1_000_000;
  let ids = 0;
  const s = new AnswerService({ knowledge, policy, now: () => clock, newId: () => `ask-${++ids}` });
  return {
    s,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const member = { id: 'U-member', name: 'Member' };
const newbie = { id: 'U-newbie', name: 'Newbie' };
const mod = { id: 'U-mod', name: 'Mod', isModerator: true };

function q(text: string, extra: Partial<Query> = {}): Query {
  return { text, platform: 'test', channelId: 'C1', asker: member, via: 'command', ...extra };
}

function kind(reply: Reply) {
  return reply.kind === 'answer' ? `answer:${reply.entry.id}` : reply.kind === 'held' ? `held:${reply.reason}` : reply.kind;
}

describe('answer service policies', () => {
  it('answers a slash command privately, pinging nobody', async () => {
    const reply = await service().s.ask(q('tls'));
    expect(kind(reply)).toBe('answer:tls');
    expect(reply.visibility).toBe('private');
    expect(reply.mention).toEqual([]);
    expect(reply.suggestedBy).toBeUndefined();
  });

  it('posts publicly for a named member, mentioning only them, suggested by the asker', async () => {
    const reply = await service().s.ask(q('tls', { target: newbie }));
    expect(kind(reply)).toBe('answer:tls');
    expect(reply.visibility).toBe('public');
    expect(reply.mention).toEqual([newbie]);
    expect(reply.suggestedBy).toEqual(member);
  });

  it('answers a mention in public', async () => {
    const reply = await service().s.ask(q('tls', { via: 'mention' }));
    expect(reply.visibility).toBe('public');
  });

  it('holds back the same public answer in the same channel for the cooldown, and tells the asker privately', async () => {
    const { s, advance } = service({ channelCooldownSeconds: 60, targetCooldownSeconds: 0 });
    expect(kind(await s.ask(q('tls', { target: newbie })))).toBe('answer:tls');
    const again = await s.ask(q('tls', { target: { id: 'U-other' } }));
    expect(kind(again)).toBe('held:channel-cooldown');
    expect(again.visibility).toBe('private');
    expect(again.mention).toEqual([]);
    expect(again.kind === 'held' && again.message).toMatch(/posted in this channel/);
    expect(kind(await s.ask(q('tls', { target: { id: 'U-other' }, channelId: 'C2' })))).toBe('answer:tls');
    advance(61_000);
    expect(kind(await s.ask(q('tls', { target: { id: 'U-other' } })))).toBe('answer:tls');
  });

  it('holds back the same entry to the same member for the longer target cooldown', async () => {
    const { s, advance } = service({ channelCooldownSeconds: 60, targetCooldownSeconds: 600 });
    await s.ask(q('tls', { target: newbie }));
    advance(120_000);
    const held = await s.ask(q('tls', { target: newbie, channelId: 'C9' }));
    expect(kind(held)).toBe('held:target-cooldown');
    expect(held.kind === 'held' && held.retryAfterMs).toBe(480_000);
    advance(480_000);
    expect(kind(await s.ask(q('tls', { target: newbie })))).toBe('answer:tls');
  });

  it('lifts the cooldowns of a public answer the platform could not post', async () => {
    const { s } = service({ channelCooldownSeconds: 60, targetCooldownSeconds: 600 });
    const failed = await s.ask(q('tls', { target: newbie }));
    expect(kind(failed)).toBe('answer:tls');
    await s.notDelivered(failed.askId);
    expect(kind(await s.ask(q('tls', { target: newbie })))).toBe('answer:tls');
    // A post that did go out still holds the next one back.
    expect(kind(await s.ask(q('tls', { target: newbie })))).toBe('held:target-cooldown');
  });

  it('does not cool down private answers', async () => {
    const { s } = service();
    expect(kind(await s.ask(q('tls')))).toBe('answer:tls');
    expect(kind(await s.ask(q('tls')))).toBe('answer:tls');
  });

  it('rate-limits one member without slowing others', async () => {
    const { s, advance } = service({ rateLimitCount: 3, rateLimitWindowSeconds: 60 });
    for (let i = 0; i < 3; i++) expect(kind(await s.ask(q('tls')))).toBe('answer:tls');
    const limited = await s.ask(q('tls'));
    expect(kind(limited)).toBe('held:rate-limit');
    expect(limited.visibility).toBe('private');
    expect(kind(await s.ask(q('tls', { asker: newbie })))).toBe('answer:tls');
    advance(60_001);
    expect(kind(await s.ask(q('tls')))).toBe('answer:tls');
  });

  it('lets only moderators target members when so configured', async () => {
    const { s } = service({ targeting: 'moderators' });
    const refused = await s.ask(q('tls', { target: newbie }));
    expect(kind(refused)).toBe('held:not-allowed-to-target');
    expect(refused.mention).toEqual([]);
    expect(kind(await s.ask(q('tls', { target: newbie, asker: mod })))).toBe('answer:tls');
    expect(kind(await s.ask(q('tls')))).toBe('answer:tls');
  });

  it('answers a member who names themselves as if nobody were named: privately, never refused', async () => {
    const { s } = service({ targeting: 'moderators' });
    const reply = await s.ask(q('tls', { target: member }));
    expect(kind(reply)).toBe('answer:tls');
    expect(reply.visibility).toBe('private');
    expect(reply.mention).toEqual([]);
    expect(reply.suggestedBy).toBeUndefined();
  });

  it('answers an empty query or "help" with what the bot knows, pinned first', async () => {
    const { s } = service();
    for (const text of ['', '   ', 'help']) {
      const reply = await s.ask(q(text));
      expect(reply.kind).toBe('help');
      if (reply.kind !== 'help') continue;
      expect(reply.entryCount).toBe(knowledge.entries.length);
      expect(reply.topics[0]?.pinned).toBe(true);
      expect(reply.footer).toMatch(/trademark/);
    }
  });

  it('shows a moderator the candidates privately for "Answer with FAQ", then posts the pick to the author', async () => {
    const { s } = service();
    const menu = await s.ask(q('how do i migrate my notes to lanternd', { via: 'message-menu', asker: mod, target: newbie }));
    expect(menu.kind).toBe('suggest');
    expect(menu.visibility).toBe('private');
    if (menu.kind !== 'suggest') return;
    expect(menu.candidates.map((e) => e.id)).toContain('migrate-desktop');
    const posted = await s.choose(
      q('how do i migrate my notes to lanternd', { via: 'message-menu', asker: mod, target: newbie }),
      'migrate-desktop',
    );
    expect(kind(posted)).toBe('answer:migrate-desktop');
    expect(posted.visibility).toBe('public');
    expect(posted.mention).toEqual([newbie]);
    expect(posted.suggestedBy).toEqual(mod);
  });

  it('shares a private answer in the channel on request, with attribution and no ping', async () => {
    const { s } = service();
    const shared = await s.choose(q('tls'), 'tls', { share: true });
    expect(kind(shared)).toBe('answer:tls');
    expect(shared.visibility).toBe('public');
    expect(shared.mention).toEqual([]);
    expect(shared.suggestedBy).toEqual(member);
  });

  it('gives honest suggestions, not a wrong answer, for an unknown question', async () => {
    const reply = await service().s.ask(q('how do I reset my router password'));
    expect(reply.kind === 'none' || reply.kind === 'suggest').toBe(true);
  });

  it('offers no "close topics" for a question that has nothing to do with the knowledge base', async () => {
    const reply = await service().s.ask(q('what is the best text editor'));
    expect(reply.kind).toBe('none');
    expect(reply.kind === 'none' && reply.suggestions).toEqual([]);
  });

  it('lists related entries with an answer', async () => {
    const reply = await service().s.ask(q('upgrade'));
    expect(reply.kind === 'answer' && reply.related.length).toBeGreaterThan(0);
  });

  it('records asks, picks and feedback when a recorder is attached', async () => {
    const log: string[] = [];
    const s = new AnswerService({
      knowledge,
      recorder: {
        recordAsk: (r) => log.push(`ask ${r.decision} ${r.entryId}`),
        recordPick: (r) => log.push(`pick ${r.entryId}`),
        recordFeedback: (f) => log.push(`feedback ${f.entryId} ${f.helpful}`),
      },
    });
    await s.ask(q('tls'));
    await s.choose(q('tls'), 'security');
    s.feedback({ askId: 'x', entryId: 'tls', helpful: false, by: member, platform: 'test' });
    expect(log).toEqual(['ask answer tls', 'pick security', 'feedback tls false']);
  });

  it('leads the empty autocomplete box with the most asked entries the insights store remembers', async () => {
    const s = new AnswerService({
      knowledge,
      insights: {
        summary: () => ({
          since: 0,
          asks: 9,
          answered: 9,
          suggested: 0,
          unanswered: 0,
          topicLists: 0,
          helpful: 0,
          notHelpful: 0,
          topUnanswered: [],
          topEntries: [
            { entryId: 'release-names', question: '', count: 7 },
            { entryId: 'tls', question: '', count: 2 },
          ],
        }),
      },
    });
    const pinned = knowledge.entries.filter((e) => e.pinned).length;
    expect(
      s
        .autocomplete('', 25)
        .slice(pinned, pinned + 2)
        .map((c) => c.entryId),
    ).toEqual(['release-names', 'tls']);
  });

  it('gives moderators the figures with the period they cover', async () => {
    const since: number[] = [];
    const s = new AnswerService({
      knowledge,
      now: () => 100 * 86_400_000,
      insights: {
        summary: (sinceMs) => {
          since.push(sinceMs);
          return {
            since: sinceMs,
            asks: 1,
            answered: 1,
            suggested: 0,
            unanswered: 0,
            topicLists: 0,
            helpful: 0,
            notHelpful: 0,
            topUnanswered: [],
            topEntries: [],
          };
        },
      },
    });
    since.length = 0; // the popularity seed at construction reads 30 days
    const reply = await s.stats({ asker: mod }, 14);
    expect(since).toEqual([86 * 86_400_000]);
    expect(reply.kind === 'stats' && reply.summary?.days).toBe(14);
  });

  it('keeps stats for moderators only', async () => {
    const { s } = service();
    const denied = await s.stats({ asker: member });
    expect(denied.kind === 'stats' && denied.message).toMatch(/Only moderators/);
    const none = await s.stats({ asker: mod });
    expect(none.kind === 'stats' && none.summary).toBeUndefined();
  });

  it('swaps the knowledge base at once', async () => {
    const { s } = service();
    const { knowledge: banking } = loadKnowledge('eval/banking77/knowledge.yaml');
    s.replaceKnowledge(banking);
    expect(kind(await s.ask(q('activate my card')))).toBe('answer:activate-my-card');
  });
});

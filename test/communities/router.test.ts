import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/config.js';
import type { InsightsSummary, Query, Reply } from '../../src/domain.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { CommunityRouter, planCommunities } from '../../src/service/community-router.js';
import type { AskRecord, InsightsReader } from '../../src/service/recorder.js';
import { MemoryState } from '../../src/service/shared-state.js';
import { twoKnowledge } from './knowledge.js';

const BOATS = '111111111111111111';
const TRAINS = 'T0TRAINS';

function router(options: { matcherCacheSize?: number; insights?: InsightsReader } = {}) {
  const k = twoKnowledge();
  const settings = {
    ...defaultSettings,
    knowledgeDir: k.trains,
    communities: {
      [BOATS]: { knowledge: k.boats, name: 'Boat Club' },
      [TRAINS]: { knowledge: k.trains, policy: { targeting: 'moderators' as const } },
    },
  };
  const asks: AskRecord[] = [];
  const state = new MemoryState();
  const r = new CommunityRouter({
    communities: planCommunities(settings, (p) => p),
    knowledge: (p) => loadKnowledge(p).knowledge,
    separate: true,
    state,
    recorder: { recordAsk: (a) => asks.push(a), recordPick() {}, recordFeedback() {} },
    ...options,
  });
  return { r, asks, k, state };
}

const member = { id: 'U1' };
const q = (communityId: string | undefined, text: string, extra: Partial<Query> = {}): Query => ({
  text,
  platform: 'test',
  ...(communityId ? { communityId } : {}),
  channelId: 'C1',
  asker: member,
  via: 'command',
  ...extra,
});
const answered = (reply: Reply) => (reply.kind === 'answer' ? reply.entry.id : reply.kind);

describe('community router', () => {
  it('answers each community from its own knowledge only', async () => {
    const { r } = router();
    expect(answered(await r.ask(q(BOATS, 'how do I launch my boat')))).toBe('launch-boat');
    expect(answered(await r.ask(q(TRAINS, 'how do I launch my boat')))).not.toBe('launch-boat');
    expect(answered(await r.ask(q(TRAINS, 'where do I buy train tickets')))).toBe('train-tickets');
    expect(answered(await r.ask(q(BOATS, 'where do I buy train tickets')))).not.toBe('train-tickets');
    // Entries of another community cannot be chosen by id either.
    expect((await r.choose(q(BOATS, ''), 'train-tickets')).kind).toBe('none');
    expect(r.autocomplete('tick', 25, BOATS).map((c) => c.entryId)).not.toContain('train-tickets');
    expect(r.autocomplete('tick', 25, TRAINS).map((c) => c.entryId)).toContain('train-tickets');
  });

  it("sends unlisted communities to the default, and applies each community's policy", async () => {
    const { r } = router();
    expect(answered(await r.ask(q('T0UNLISTED', 'where do I buy train tickets')))).toBe('train-tickets');
    expect(r.planFor('T0UNLISTED').key).toBe('default');
    // Only TRAINS limits targeting to moderators.
    expect((await r.ask(q(TRAINS, 'timetable', { target: { id: 'U2' } }))).kind).toBe('held');
    expect((await r.ask(q('T0UNLISTED', 'timetable', { target: { id: 'U2' } }))).kind).toBe('answer');
  });

  it('keeps cooldowns apart: the same member and entry in two communities on one knowledge', async () => {
    const { r, state } = router();
    const target = { target: { id: 'U2' } };
    expect((await r.ask(q('T0OTHER1', 'timetable', { ...target, channelId: 'C9' }))).visibility).toBe('public');
    const again = await r.ask(q('T0OTHER1', 'timetable', { ...target, channelId: 'C8' }));
    expect(again.kind === 'held' && again.reason).toBe('target-cooldown');
    // Another workspace on the same (default) knowledge: its own cooldowns.
    expect((await r.ask(q('T0OTHER2', 'timetable', { ...target, channelId: 'C9' }))).kind).toBe('answer');
    expect(state).toBeInstanceOf(MemoryState);
  });

  it("records asks with their community and reads each community's figures alone", async () => {
    const sinceAsked: (string | undefined)[] = [];
    const summary: InsightsSummary = {
      since: 0,
      asks: 0,
      answered: 0,
      suggested: 0,
      unanswered: 0,
      topicLists: 0,
      helpful: 0,
      notHelpful: 0,
      topEntries: [],
      topUnanswered: [],
    };
    const { r, asks } = router({
      insights: {
        summary: (_since, communityId) => {
          sinceAsked.push(communityId);
          return summary;
        },
      },
    });
    await r.ask(q(BOATS, 'launch'));
    expect(asks.at(-1)?.communityId).toBe(BOATS);
    sinceAsked.length = 0;
    const stats = await r.stats({ asker: { id: 'M', isModerator: true }, communityId: BOATS });
    expect(sinceAsked).toEqual([BOATS]);
    expect(stats.kind === 'stats' && stats.knowledge).toEqual({ community: 'Boat Club', title: 'Boat Club FAQ', entries: 3 });
  });

  it('builds a matcher on first use, once per knowledge, and rebuilds one the LRU let go', async () => {
    const { r } = router({ matcherCacheSize: 1 });
    expect(r.matcherStats().built).toBe(0);
    await r.ask(q('T0A', 'timetable'));
    await r.ask(q('T0B', 'timetable'));
    // Two workspaces on the default knowledge share one matcher.
    expect(r.matcherStats()).toEqual({ built: 1, kept: 1 });
    await r.ask(q(BOATS, 'launch'));
    expect(r.matcherStats()).toEqual({ built: 2, kept: 1 });
    expect(answered(await r.ask(q('T0A', 'timetable')))).toBe('timetable');
    expect(r.matcherStats()).toEqual({ built: 3, kept: 1 });
  });

  it('reloads one knowledge folder for the communities on it alone', async () => {
    const { r, k } = router();
    await r.ask(q(BOATS, 'launch'));
    const trains = loadKnowledge(k.trains).knowledge;
    r.replaceKnowledge(k.boats, trains);
    expect(answered(await r.ask(q(BOATS, 'where do I buy train tickets')))).toBe('train-tickets');
    expect(r.knowledgeFor(TRAINS).title).toBe('Rail Fans FAQ');
    expect(answered(await r.ask(q(TRAINS, 'launch my boat')))).not.toBe('launch-boat');
  });
});

import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildMatcher } from '../../src/match/matcher.js';

// A made-up product's FAQ, so editing the bundled knowledge base never breaks these tests.
const { knowledge } = loadKnowledge('test/fixtures/core/knowledge.yaml');
const matcher = buildMatcher(knowledge);

describe('matcher decisions on a curated knowledge base', () => {
  it.each([
    // exact keyword and id hits
    ['tls', 'answer', 'tls'],
    ['upgrade', 'answer', 'upgrade-v1'],
    ['support-window', 'answer', 'support-window'],
    // whole questions in members' words
    ['when will version 1 stop getting security fixes', 'answer', 'support-window'],
    ['can I run lanternd on my raspberry pi', 'answer', 'platforms'],
    // typos and chat noise
    ['how do i imprt notes from the desktop app', 'answer', 'migrate-desktop'],
    ['<@U024BE7LH> is there a bug tracker??', 'answer', 'report-bugs'],
  ])('%j → %s %s', (q, decision, id) => {
    const m = matcher.match(q);
    expect(m.decision).toBe(decision);
    expect(m.candidates[0]?.entry.id).toBe(id);
  });

  it.each(['How do I bring my notes over from the desktop app?', 'moving all our users notes onto the server'])(
    'ranks a migration entry first for %j, answered or suggested',
    (q) => {
      const m = matcher.match(q);
      expect(m.decision).not.toBe('none');
      expect(['migrate-desktop', 'migrate-team', 'upgrade-v1']).toContain(m.candidates[0]?.entry.id);
    },
  );

  it.each(['what is the capital of peru', 'my laptop fan is really loud', 'how do I bake sourdough bread', 'thanks!'])(
    'does not pretend to know %j',
    (q) => {
      expect(matcher.match(q).decision).not.toBe('answer');
    },
  );

  it.each(['', '🙏🙏🙏', '!!!???', '<@U123> <#C456>', '@everyone', '@here'])('answers %j with none and no candidates', (q) => {
    expect(matcher.match(q)).toMatchObject({ decision: 'none', candidates: [], plausible: 0 });
  });

  it('ranks candidates best first with scores in [0, 1] and is deterministic', () => {
    const a = matcher.match('migrate notes');
    const b = buildMatcher(knowledge).match('migrate notes');
    expect(a.candidates.map((c) => [c.entry.id, c.score])).toEqual(b.candidates.map((c) => [c.entry.id, c.score]));
    for (let i = 1; i < a.candidates.length; i++) expect(a.candidates[i - 1]!.score).toBeGreaterThanOrEqual(a.candidates[i]!.score);
    for (const c of a.candidates) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
  });

  it('caps a 100 kB message and still decides', () => {
    const huge = 'how do I upgrade from lanternd 1 to lanternd 2 '.repeat(2200);
    expect(huge.length).toBeGreaterThan(100_000);
    const m = matcher.match(huge);
    expect(m.candidates[0]?.entry.id).toMatch(/migrate|upgrade/);
  });
});

describe('autocomplete', () => {
  /** How many choices a platform shows; the adapter passes its own (Discord: 25). */
  const LIMIT = 25;

  it('lists pinned entries first for an empty box, at most the limit asked for', () => {
    const choices = matcher.autocomplete('', LIMIT);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(LIMIT);
    const pinned = knowledge.entries.filter((e) => e.pinned).map((e) => e.id);
    expect(
      choices
        .slice(0, pinned.length)
        .map((c) => c.entryId)
        .sort(),
    ).toEqual(pinned.sort());
  });

  it.each([
    ['tl', 'tls'],
    ['migr', 'migrate-desktop'],
    ['raspbery', 'platforms'],
    ['codename', 'release-names'],
  ])('completes %j with %s among the first three', (partial, id) => {
    expect(
      matcher
        .autocomplete(partial, LIMIT)
        .slice(0, 3)
        .map((c) => c.entryId),
    ).toContain(id);
  });

  it('gives at most the limit asked for on a large base, and labels a question on one line, uncut', () => {
    const { knowledge: banking } = loadKnowledge('eval/banking77/knowledge.yaml');
    const matcher77 = buildMatcher(banking);
    expect(matcher77.autocomplete('card', LIMIT).length).toBe(LIMIT);
    expect(matcher77.autocomplete('card', 3).length).toBe(3);
    // The core assumes no platform's label limit: each adapter cuts to its own.
    const question = `How do I ${'really '.repeat(40)}\n  migrate?`;
    const long = buildMatcher({ ...knowledge, entries: [{ ...knowledge.entries[0]!, question }], byId: new Map() }).autocomplete('', LIMIT);
    expect(long[0]!.label).toBe(question.replace(/\s+/g, ' '));
  });
});

import { describe, expect, it } from 'vitest';
import { buildReport, groupNearDuplicates, toSummary } from '../../src/insights/aggregate.js';
import { parseSince } from '../../src/insights/since.js';
import { fixtureKnowledge } from './helpers.js';

const row = (text: string, redacted = false) => ({ text, redacted });

describe('grouping unanswered questions', () => {
  it.each([
    ['word order, case and punctuation', ['reset password', 'Password reset??', 'how do I reset my password'], 1],
    ['a longer wording of the same question', ['dark mode', 'how to enable dark mode on mobile'], 1],
    ['different topics stay apart', ['dark mode', 'change the language', 'invoice address'], 3],
    ['emoji-only questions are not a topic', ['🙂', '???'], 0],
  ])('%s', (_name, texts, groups) => {
    expect(groupNearDuplicates(texts.map((t) => row(t)))).toHaveLength(groups);
  });

  it('puts the most frequent group first and names it by its most common wording', () => {
    const groups = groupNearDuplicates(['language?', 'dark mode', 'Dark mode', 'dark mode', 'enable dark mode'].map((t) => row(t)));
    expect(groups[0]).toEqual({ text: 'dark mode', count: 4, wordings: ['dark mode', 'Dark mode', 'enable dark mode'] });
    expect(groups[1]).toMatchObject({ text: 'language?', count: 1 });
  });

  it('groups redacted rows by their terms', () => {
    expect(groupNearDuplicates([row('dark mode', true), row('dark mode', true)])).toEqual([
      { text: 'dark mode', count: 2, wordings: ['dark mode'] },
    ]);
  });
});

describe('the totals', () => {
  it('add up to the questions: topic-list requests are counted, in the report, the summary and the text', async () => {
    const ask = (decision: string, entryId?: string) => ({ at: 1, text: 'x', redacted: false, decision, ...(entryId ? { entryId } : {}) });
    const asks = [
      ...Array.from({ length: 7 }, () => ask('answer', 'export-data')),
      ...Array.from({ length: 3 }, () => ask('suggest', 'export-data')),
      ...Array.from({ length: 4 }, () => ask('none')),
      ask('help'),
      ask('help'),
    ];
    const report = buildReport({ asks, picks: [], feedback: [] }, { since: 0, until: 2, knowledge: fixtureKnowledge() });
    const t = report.totals;
    expect(t.asks).toBe(16);
    expect(t.topicLists).toBe(2);
    expect(t.answered + t.suggested + t.unanswered + t.topicLists).toBe(t.asks);
    expect(toSummary(report)).toMatchObject({ asks: 16, answered: 7, suggested: 3, unanswered: 4, topicLists: 2 });
    const { renderText } = await import('../../src/insights/render.js');
    expect(renderText(report)).toContain('16 questions: 7 answered, 3 with suggestions, 4 without an answer, 2 topic-list requests;');
  });
});

describe('the moderator summary', () => {
  it('names entries by their question and keeps the top five', () => {
    const asks = ['reset-password', 'export-data', 'export-data'].map((entryId) => ({
      at: 1,
      text: 'x',
      redacted: false,
      decision: 'answer',
      entryId,
    }));
    const summary = toSummary(buildReport({ asks, picks: [], feedback: [] }, { since: 0, until: 2, knowledge: fixtureKnowledge() }));
    expect(summary.topEntries).toEqual([
      { entryId: 'export-data', question: 'How do I export my data?', count: 2 },
      { entryId: 'reset-password', question: 'How do I reset my password?', count: 1 },
    ]);
    expect(summary.answered).toBe(3);
  });
});

describe('--since', () => {
  const now = Date.UTC(2026, 10, 26);
  it.each([
    ['7d', now - 7 * 86_400_000],
    ['24h', now - 86_400_000],
    ['2w', now - 14 * 86_400_000],
    ['2026-11-01', Date.UTC(2026, 10, 1)],
  ])('%s', (text, expected) => expect(parseSince(text, now)).toBe(expected));
  it('rejects nonsense with an example', () => expect(() => parseSince('soon', now)).toThrow(/write e\.g\. 7d/));
});

describe('words members used that no entry has', () => {
  const ask = (text: string, decision: string, count = 1, redacted = false) => ({ text, decision, count, redacted });

  it('lists them by how many unanswered or suggested questions used them, with an example', async () => {
    const { buildMatcher } = await import('../../src/match/matcher.js');
    const knowledge = fixtureKnowledge();
    const matcher = buildMatcher(knowledge, { semantic: 'off' });
    const asks = [
      ask('how do i get 2fa', 'none', 3),
      ask('2fa codes stopped working', 'suggest'),
      ask('is there a passkey option', 'none'),
      ask('passkey login', 'none'),
      // Answered: not a gap, however unusual its words.
      ask('zorbl my password', 'answer', 5),
      // A near spelling, a synonym and two of the base's words written as one are not unknown.
      ask('pasword resett', 'none', 4),
      ask('uninstall my account', 'none', 4),
      ask('passwordreset', 'none', 4),
      // Used once: one member's odd word.
      ask('what about webauthn', 'none'),
      // Redacted rows keep stems, not words.
      ask('secret thing', 'none', 9, true),
    ];
    const report = buildReport(
      { asks, picks: [], feedback: [] },
      { since: 0, until: 1, knowledge, unknownWords: (t) => matcher.unknownWords(t) },
    );
    expect(report.unknownWords).toEqual([
      { word: '2fa', count: 4, example: 'how do i get 2fa' },
      { word: 'passkey', count: 2, example: 'is there a passkey option' },
    ]);
    const { renderText } = await import('../../src/insights/render.js');
    expect(renderText(report)).toContain('  4×  2fa   e.g. "how do i get 2fa"');
  });

  it('is empty without a matcher to tell', () => {
    const report = buildReport({ asks: [ask('how do i enable 2fa', 'none', 3)], picks: [], feedback: [] }, { since: 0, until: 1 });
    expect(report.unknownWords).toEqual([]);
  });
});

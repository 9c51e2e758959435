// Autocomplete on a large base: the work per keystroke is bounded (a shortlist of at most
// MAX_CANDIDATES entries for fuse.js), and the entry being typed is still offered.
import { beforeAll, describe, expect, it } from 'vitest';
import { generatedBase } from '../../bench/matcher.js';
import type { KnowledgeBase } from '../../src/domain.js';
import { AnswerService } from '../../src/service/answer-service.js';
import { BoundedAutocomplete, MAX_CANDIDATES, typedPart } from '../../src/service/bounded-autocomplete.js';

describe('autocomplete on a 3,000-entry base', () => {
  let kb: KnowledgeBase;
  let shortlist: BoundedAutocomplete;
  let service: AnswerService;
  beforeAll(() => {
    kb = generatedBase(3000);
    shortlist = new BoundedAutocomplete(kb);
    service = new AnswerService({ knowledge: kb, matcher: { semantic: 'off' } });
  });

  it('hands fuse.js at most MAX_CANDIDATES entries, however common the words typed', () => {
    for (const typed of ['how do i', 'ka', 'how do i ka lo mi', kb.entries[5]!.question]) {
      expect(shortlist.candidates(typedPart(typed)).length).toBeLessThanOrEqual(MAX_CANDIDATES);
    }
    expect(MAX_CANDIDATES).toBeLessThan(kb.entries.length / 10);
  });

  it('offers the entry whose question is being typed, once a few words are in', () => {
    const sample = kb.entries.filter((_, i) => i % 150 === 0);
    for (const e of sample) {
      const choices = service
        .autocomplete(e.question.slice(0, 32), 25)
        .slice(0, 5)
        .map((c) => c.entryId);
      expect(choices, e.question).toContain(e.id);
    }
  });

  it('still finds it with a typo past the third letter of a word', () => {
    const e = kb.entries[1234]!;
    const [first, ...rest] = e.question.split(' ').slice(3);
    const typo = `${first!.slice(0, 3)}x${first!.slice(4)} ${rest.join(' ')}`;
    expect(
      service
        .autocomplete(typo, 25)
        .slice(0, 5)
        .map((c) => c.entryId),
    ).toContain(e.id);
  });

  it('drops stop words and keeps the end of a long text for fuse.js', () => {
    expect(typedPart('How do I reset my password')).toBe('reset password');
    expect(typedPart('what is it')).toBe('what is it');
    expect(typedPart('one two three four five six seven eight nine ten eleven', 21)).toBe('eight nine ten eleven');
  });
});

// The sentences every platform shares: counted nouns agree, and the terminal uses the same ones.
import { describe, expect, it } from 'vitest';
import { statsTitle } from '../src/wording.js';
import { phrasesFor } from '../src/language/phrases.js';
import { renderReply } from '../src/cli/render-terminal.js';
import type { Entry } from '../src/domain.js';

describe('wording', () => {
  it.each([
    [1, 'I can answer 1 question.'],
    [7, 'I can answer 7 questions.'],
  ])('canAnswer(%d)', (n, text) => {
    expect(phrasesFor('en').canAnswer(n)).toBe(text);
  });

  it.each([
    [1, 'FAQ statistics, last 1 day'],
    [7, 'FAQ statistics, last 7 days'],
  ])('statsTitle(%d)', (days, text) => {
    expect(statsTitle(days)).toBe(text);
  });

  it('is what the terminal says too', () => {
    const entry = { id: 'x', question: 'How do I x?' } as Entry;
    const help = renderReply({
      kind: 'help',
      askId: 'a',
      visibility: 'private',
      mention: [],
      title: 'FAQ',
      topics: [entry],
      entryCount: 3,
    });
    expect(help).toContain('FAQ: I can answer 3 questions.');
    const none = renderReply({ kind: 'none', askId: 'a', visibility: 'private', mention: [], suggestions: [entry] });
    expect(none).toContain(phrasesFor('en').closeTopics);
  });
});

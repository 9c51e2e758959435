// The sentences every platform shares: counted nouns agree.
import { describe, expect, it } from 'vitest';
import { statsTitle } from '../src/wording.js';
import { phrasesFor } from '../src/language/phrases.js';

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
});

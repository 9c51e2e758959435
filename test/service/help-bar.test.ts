// The stricter help bar: a higher quantile of the calibration scores, never below the answer bar.
import { describe, expect, it } from 'vitest';
import type { Match } from '../../src/domain.js';
import { helpBar, helpDecision } from '../../src/service/help-bar.js';

const matcher = (inScope: number[], answerAt = 0.3) => ({ calibration: { inScope, semanticShare: 0, probes: [] }, answerAt });

describe('helpBar', () => {
  it('is the chosen quantile of the in-scope scores, whatever their order', () => {
    expect(helpBar(matcher([0.9, 0.5, 0.6, 0.8, 0.7, 0.4]), 0.5)).toBe(0.7);
  });
  it('is never below the answer bar', () => {
    expect(helpBar(matcher([0.1, 0.1, 0.2, 0.2, 0.2], 0.3), 0.5)).toBe(0.3);
  });
  it('is a fixed 0.9 for a tiny base with fewer than five scores', () => {
    expect(helpBar(matcher([0.99, 0.98]), 0.5)).toBe(0.9);
  });
});

describe('helpDecision', () => {
  const entry = { id: 'e' } as Match['candidates'][number]['entry'];
  const match = (score: number): Match => ({ decision: 'answer', candidates: [{ entry, score, why: '' }], plausible: 1 });
  it('keeps an answer at or above the bar and turns one below it into silence', () => {
    expect(helpDecision(match(0.8), 0.7).decision).toBe('answer');
    expect(helpDecision(match(0.6), 0.7).decision).toBe('none');
  });
});

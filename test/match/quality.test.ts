// Keeps matching quality from regressing: the figures the project promises, measured exactly
// as `faqbot eval` measures them, on the question sets in eval/.
import { describe, expect, it } from 'vitest';
import { readCases } from '../../src/eval/cases.js';
import { runEval } from '../../src/eval/run-eval.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildMatcher } from '../../src/match/matcher.js';

function evaluate(cases: string, knowledge: string) {
  const matcher = buildMatcher(loadKnowledge(knowledge).knowledge);
  return runEval(readCases(cases), (q) => matcher.match(q));
}

describe('matching quality', () => {
  it('AlmaLinux development set: top1 >= 0.95, top3 >= 0.98, wrong <= 0.03, falseAnswer <= 0.05', () => {
    const r = evaluate('eval/almalinux-dev.yaml', 'knowledge');
    expect(r.top1).toBeGreaterThanOrEqual(0.95);
    expect(r.top3).toBeGreaterThanOrEqual(0.98);
    expect(r.wrong).toBeLessThanOrEqual(0.03);
    expect(r.falseAnswer).toBeLessThanOrEqual(0.05);
  });

  it('BANKING77: rank1 >= 0.75', () => {
    const r = evaluate('eval/banking77/cases.yaml', 'eval/banking77/knowledge.yaml');
    expect(r.rank1).toBeGreaterThanOrEqual(0.75);
  });

  it.each([
    ['sofmattress', 0.65],
    ['curekart', 0.65],
    ['powerplay11', 0.55],
  ])('HINT3 %s with default settings: balanced >= %d', (name, floor) => {
    const r = evaluate(`eval/hint3/${name}-cases.yaml`, `eval/hint3/${name}-knowledge.yaml`);
    expect(r.balanced).toBeGreaterThanOrEqual(floor);
  });

  // A fresh import, no hand-written alternates: the day-one figures (eval/realworld/README.md).
  it.each([
    ['mise', 0.75],
    ['ntfy', 0.48],
    ['osu', 0.53],
  ])('real-world page %s, fresh import: top1 >= %d, rank1 >= 0.6, falseAnswer <= 0.07', (name, floor) => {
    const r = evaluate(`eval/realworld/${name}/cases.yaml`, `eval/realworld/${name}/knowledge.yaml`);
    expect(r.top1).toBeGreaterThanOrEqual(floor);
    expect(r.rank1).toBeGreaterThanOrEqual(0.6);
    expect(r.falseAnswer).toBeLessThanOrEqual(0.07);
  });

  // Pages first measured after the matcher was built (their questions frozen before import).
  it.each([
    ['zmk', 0.3, 0.65, 0.07],
    ['discordjs', 0.3, 0.45, 0.15],
    ['overseerr', 0.5, 0.7, 0.15],
  ])('real-world page %s, fresh import: top1 >= %d, rank1 >= %d, falseAnswer <= %d', (name, top1, rank1, falseAnswer) => {
    const r = evaluate(`eval/realworld/${name}/cases.yaml`, `eval/realworld/${name}/knowledge.yaml`);
    expect(r.top1).toBeGreaterThanOrEqual(top1);
    expect(r.rank1).toBeGreaterThanOrEqual(rank1);
    expect(r.falseAnswer).toBeLessThanOrEqual(falseAnswer);
  });
});

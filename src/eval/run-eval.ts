// Runs a question set through a matcher and computes the figures defined in the eval README.
import type { Match } from '../domain.js';
import type { EvalCase } from './cases.js';

export interface EvalFailure {
  q: string;
  expect: string | string[] | null;
  decision: Match['decision'];
  got: string | null;
  score: number;
}

export interface EvalReport {
  cases: number;
  inScope: number;
  outOfScope: number;
  top1: number;
  rank1: number;
  top3: number;
  wrong: number;
  abstain: number;
  falseAnswer: number;
  accuracy: number;
  balanced: number;
  msPerQuery: number;
  failures: EvalFailure[];
}

export function runEval(cases: readonly EvalCase[], match: (q: string) => Match, now: () => number = () => performance.now()): EvalReport {
  let inScope = 0, outOfScope = 0, top1 = 0, rank1 = 0, top3 = 0, wrong = 0, abstain = 0, falseAnswer = 0;
  const failures: EvalFailure[] = [];
  const started = now();
  for (const c of cases) {
    const m = match(c.q);
    const first = m.candidates[0];
    const answered = m.decision === 'answer' && first !== undefined;
    let ok: boolean;
    if (c.expect.length === 0) {
      outOfScope++;
      ok = !answered;
      if (ok) abstain++;
      else falseAnswer++;
    } else {
      inScope++;
      const expected = new Set(c.expect);
      if (first && expected.has(first.entry.id)) rank1++;
      if (m.candidates.slice(0, 3).some((x) => expected.has(x.entry.id))) top3++;
      ok = answered && expected.has(first.entry.id);
      if (ok) top1++;
      else if (answered) wrong++;
    }
    if (!ok) {
      failures.push({
        q: c.q,
        expect: c.expect.length === 0 ? null : c.expect.length === 1 ? c.expect[0]! : [...c.expect],
        decision: m.decision,
        got: first ? first.entry.id : null,
        score: Math.round((first?.score ?? 0) * 1000) / 1000,
      });
    }
  }
  const elapsed = now() - started;
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
  const t1 = share(top1, inScope);
  const ab = share(abstain, outOfScope);
  return {
    cases: cases.length,
    inScope,
    outOfScope,
    top1: t1,
    rank1: share(rank1, inScope),
    top3: share(top3, inScope),
    wrong: share(wrong, inScope),
    abstain: ab,
    falseAnswer: share(falseAnswer, outOfScope),
    accuracy: share(top1 + abstain, cases.length),
    balanced: inScope > 0 && outOfScope > 0 ? (t1 + ab) / 2 : inScope > 0 ? t1 : ab,
    msPerQuery: share(elapsed, cases.length),
    failures,
  };
}

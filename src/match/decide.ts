// From a ranked list to a decision. The thresholds come from the knowledge base itself (how
// well its own phrasings find their entries when left out), not from one fixed score, so the
// same defaults hold on bases nobody tuned them for.
import type { MatcherSettings } from './settings.js';
import type { Match } from '../domain.js';
import type { Calibration, Ranked } from './term-index.js';

/**
 * Answer when the top score reaches what 90% of the base's own held-out phrasings reach when
 * asked again (the 10th percentile of their top scores).
 */
const ANSWER_QUANTILE = 0.1;
/**
 * The best entry must stand this far above the next to be answered outright: an absolute floor,
 * and a share of its own score (scores of a thin base are low, so a fixed gap alone lets two
 * near-equal entries through).
 */
const MIN_MARGIN = 0.04;
const MIN_RELATIVE_MARGIN = 0.15;
/**
 * Share of the query's weight the knowledge base knows. Below it, a confident-looking score
 * rests on one shared word ("my printer is not working" vs "will it work"): suggest instead.
 */
const MIN_COVERAGE = 0.4;
/** Below this share of the suggestion bar a candidate is noise, not a close topic. */
const NOISE_SHARE = 0.75;

/** The score from which a query is answered (before the margin and coverage rules). */
export function answerBar(calibration: Calibration, settings: MatcherSettings): number {
  return quantile(calibration.inScope, ANSWER_QUANTILE, 0.45) - settings.confidenceBias * 0.1;
}

export function decide(ranked: Ranked, calibration: Calibration, settings: MatcherSettings): Match {
  const { candidates } = ranked;
  const top = candidates[0];
  if (ranked.empty || !top) return { decision: 'none', candidates: [], plausible: 0 };
  if (ranked.exact) return { decision: 'answer', candidates, plausible: candidates.length };
  const answerAt = answerBar(calibration, settings);
  const suggestAt = answerAt * 0.6;
  const second = candidates[1]?.score ?? 0;
  const margin = top.score - second;
  const covered = ranked.coverage >= MIN_COVERAGE;
  // Far below the suggestion bar a candidate is noise, not a "close topic".
  const plausible = candidates.filter((c) => c.score >= suggestAt * NOISE_SHARE).length;
  if (covered && top.score >= answerAt && margin >= Math.max(MIN_MARGIN, MIN_RELATIVE_MARGIN * top.score))
    return { decision: 'answer', candidates, plausible };
  if (top.score >= suggestAt) return { decision: 'suggest', candidates, plausible };
  return { decision: 'none', candidates, plausible };
}

function quantile(sorted: readonly number[], q: number, fallback: number): number {
  if (sorted.length < 5) return fallback;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

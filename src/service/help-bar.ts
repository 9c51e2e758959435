// The stricter bar for help forums and help channels: there nobody asked the bot, so a wrong
// answer costs more than silence. The matcher's own answer bar is the score 90% of the base's
// held-out phrasings reach; here the bar is raised to a higher quantile of the same
// calibration scores (matcher.helpQuantile), never below the answer bar. Pure.
import type { Match } from '../domain.js';
import type { Matcher } from '../match/matcher.js';

/** With fewer than five calibration scores (a tiny base) no quantile means much: a fixed high bar. */
const FEW_SCORES_BAR = 0.9;

/** The score from which a help post is answered. */
export function helpBar(matcher: Pick<Matcher, 'calibration' | 'answerAt'>, quantile: number): number {
  const scores = [...matcher.calibration.inScope].sort((a, b) => a - b);
  if (scores.length < 5) return Math.max(matcher.answerAt, FEW_SCORES_BAR);
  const q = scores[Math.min(scores.length - 1, Math.floor(quantile * scores.length))]!;
  return Math.max(matcher.answerAt, q);
}

/** The matcher's decision as a help post sees it: an answer below the bar becomes silence. */
export function helpDecision(match: Match, bar: number): Match {
  const top = match.candidates[0];
  if (match.decision !== 'answer' || !top || top.score >= bar) return match;
  return { ...match, decision: 'none' };
}

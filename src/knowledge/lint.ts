// Checks only a matcher-aware tool can make, run by `faqbot check` after the loader's checks:
//   - leave-one-out: each question and alternate, taken out of the index, must still find its
//     own entry first. One that instead gets another entry's answer, confidently, means people
//     who ask in those words get a wrong answer: an error (a wrong confident answer is worse
//     than an honest "I don't know"). One that finds its entry's rival first but only suggests,
//     or finds nothing, is reported as a warning;
//   - collisions: pairs of entries the matcher confuses, with the phrasings that collide
//     (warnings);
//   - answers, translated ones too, long enough to be split on a platform, by the limits the
//     adapters declare (warnings); the core itself knows no platform.
// Leave-one-out and collisions run on the base language's phrasings only.
// Links and related ids are checked by the loader already. Pure: no I/O, returns Problems.
import type { MatcherSettings } from '../match/settings.js';
import type { Entry, KnowledgeBase, Problem } from '../domain.js';
import type { SplitLimit } from '../platform.js';
import { buildMatcher, type Matcher } from '../match/matcher.js';
import { buildKnowledgeBase } from './load.js';

export interface LintOptions {
  /** Platforms whose message limits long answers are checked against. */
  limits?: readonly SplitLimit[];
  matcher?: Partial<MatcherSettings>;
  /** The leave-one-out and collision checks build many matchers; false skips them. */
  matcherChecks?: boolean;
  /** Called as leave-one-out builds finish (for a progress line on a terminal). */
  onProgress?: (done: number, total: number) => void;
  /** The matcher of the whole base, when the caller has built it already. */
  full?: Matcher;
}

export function lintKnowledge(kb: KnowledgeBase, options: LintOptions = {}): Problem[] {
  const problems = [...lengthProblems(kb, options.limits ?? [])];
  if (options.matcherChecks !== false) problems.push(...matcherProblems(kb, leaveOneOut(kb, options.matcher, options.onProgress, options.full)));
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Lengths

function lengthProblems(kb: KnowledgeBase, limits: readonly SplitLimit[]): Problem[] {
  const problems: Problem[] = [];
  const largestFirst = [...limits].sort((a, b) => b.chars - a.chars);
  // A translated answer is posted as it is written, so it is measured as the entry's own.
  const answers = kb.entries.flatMap((entry) => [
    { entry, answer: entry.answer, location: entry.location, what: 'the answer' },
    ...Object.entries(entry.translations ?? {}).map(([code, t]) => ({ entry, answer: t!.answer, location: t!.location, what: `the \`${code}\` answer` })),
  ]);
  for (const { entry, answer, location, what } of answers) {
    const n = answer.length;
    const exceeded = largestFirst.filter((l) => n > l.chars);
    if (exceeded.length === 0) continue;
    const where = exceeded.map((l) => `${l.platform} (${fmt(l.chars)} characters per ${l.unit}, ${parts(n, l.chars)} parts)`).join(' and ');
    problems.push({
      severity: 'warning', ...location,
      message: `entry \`${entry.id}\`: ${what} has ${fmt(n)} characters and will be split on ${where}`,
      hint: 'shorten it, or move the details to a page and add it under `links`',
    });
  }
  return problems;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const parts = (n: number, limit: number) => Math.ceil(n / limit);

// ---------------------------------------------------------------------------------------------
// Leave-one-out

export interface HeldOutResult {
  readonly entry: Entry;
  readonly field: 'question' | 'alternate';
  readonly text: string;
  /** Entry ids in rank order, best first (up to three), with their scores. */
  readonly ranking: readonly string[];
  readonly scores: readonly number[];
  readonly decision: string;
}

interface Phrasing {
  readonly entry: number;
  /** 0 is the question, k > 0 the alternate k - 1. */
  readonly index: number;
  readonly text: string;
}

/**
 * Asks the matcher every question and alternate with that phrasing taken out of the knowledge
 * base. Rebuilding the matcher once per phrasing is slow (the matcher trains at build time), so
 * each build leaves out one phrasing of several entries at once, chosen so that none of them
 * compete for the same questions (they are not among each other's top candidates in the full
 * matcher). Every phrasing that would be an error (a confident wrong answer) is then checked
 * again with a build of its own, so errors are exact; warnings may rarely differ from a
 * build per phrasing.
 */
export function leaveOneOut(
  kb: KnowledgeBase,
  settings: Partial<MatcherSettings> = {},
  onProgress?: (done: number, total: number) => void,
  full: Matcher = buildMatcher(kb, settings),
): HeldOutResult[] {
  const index = new Map(kb.entries.map((e, i) => [e.id, i] as const));
  const pending = kb.entries.map((entry, e) =>
    [entry.question, ...entry.alternates].map((text, i): Phrasing => ({ entry: e, index: i, text })));

  // Entries that compete: either appears among the other's top candidates.
  const rivals = kb.entries.map(() => new Set<number>());
  pending.flat().forEach((p) => {
    for (const c of full.match(p.text).candidates.slice(0, RIVAL_DEPTH)) {
      const other = index.get(c.entry.id);
      if (other !== undefined && other !== p.entry) {
        rivals[p.entry]!.add(other);
        rivals[other]!.add(p.entry);
      }
    }
  });

  const results = new Map<Phrasing, HeldOutResult>();
  const total = pending.flat().length;
  const queues = pending.map((list) => [...list]);
  while (queues.some((q) => q.length > 0)) {
    const chosen: Phrasing[] = [];
    const taken = new Set<number>();
    const order = queues.map((q, e) => ({ e, n: q.length })).filter((x) => x.n > 0).sort((a, b) => b.n - a.n || a.e - b.e);
    for (const { e } of order) {
      if ([...rivals[e]!].some((r) => taken.has(r))) continue;
      taken.add(e);
      chosen.push(queues[e]!.shift()!);
    }
    const matcher = buildMatcher(without(kb, chosen), settings, full.calibration);
    for (const p of chosen) results.set(p, ask(matcher, kb, p));
    onProgress?.(results.size, total);
  }
  for (const [p, r] of results) {
    if (confidentlyWrong(r)) results.set(p, ask(buildMatcher(without(kb, [p]), settings, full.calibration), kb, p));
  }
  return pending.flat().map((p) => results.get(p)!);
}

/**
 * How deep in the full matcher's ranking an entry counts as a rival. Measured against a build
 * per phrasing on the bundled base and HINT3 sofmattress: 3 gave the same errors, at about a
 * third of the time; shallower missed some.
 */
const RIVAL_DEPTH = 3;

function ask(matcher: ReturnType<typeof buildMatcher>, kb: KnowledgeBase, p: Phrasing): HeldOutResult {
  const m = matcher.match(p.text);
  return {
    entry: kb.entries[p.entry]!, field: p.index === 0 ? 'question' : 'alternate', text: p.text,
    ranking: m.candidates.slice(0, 3).map((c) => c.entry.id), scores: m.candidates.slice(0, 3).map((c) => c.score),
    decision: m.decision,
  };
}

function confidentlyWrong(r: HeldOutResult): boolean {
  return r.decision === 'answer' && r.ranking[0] !== undefined && r.ranking[0] !== r.entry.id;
}

/** A runner-up this close to the top keeps the matcher from telling the two apart. */
const CLOSE = 0.8;

/** The knowledge base without the given phrasings. A left-out question is replaced by the entry's first remaining alternate. */
function without(kb: KnowledgeBase, phrasings: readonly Phrasing[]): KnowledgeBase {
  const drop = new Map(phrasings.map((p) => [p.entry, p.index] as const));
  const entries = kb.entries.map((entry, e): Entry => {
    const i = drop.get(e);
    if (i === undefined) return entry;
    if (i > 0) return { ...entry, alternates: entry.alternates.filter((_, k) => k !== i - 1) };
    const [first = '', ...rest] = entry.alternates;
    return { ...entry, question: first, alternates: rest };
  });
  return buildKnowledgeBase(entries, kb.files, kb.title);
}

function matcherProblems(kb: KnowledgeBase, results: readonly HeldOutResult[]): Problem[] {
  const problems: Problem[] = [];
  const pairs = new Map<string, { a: Entry; b: Entry; lines: string[] }>();
  const collide = (a: Entry, b: Entry, line: string) => {
    const [x, y] = a.id < b.id ? [a, b] : [b, a];
    const key = `${x.id}\u0000${y.id}`;
    const pair = pairs.get(key) ?? { a: x, b: y, lines: [] };
    pair.lines.push(line);
    pairs.set(key, pair);
  };
  for (const r of results) {
    const [top, second] = r.ranking;
    const own = r.entry.id;
    const rival = top === own ? second : top;
    const other = rival === undefined ? undefined : kb.byId.get(rival);
    if (top === undefined || (top !== own && r.decision === 'none')) {
      problems.push({
        severity: 'warning', ...r.entry.location,
        message: `entry \`${own}\`: left out of the index, its ${r.field} "${r.text}" finds no answer`,
        hint: `nothing else in \`${own}\` shares its words, so people who ask it in other words hear "no answer": add alternates or keywords that do`,
      });
    } else if (confidentlyWrong(r) && other) {
      // An entry's only phrasing (a fresh import has no alternates) is a forecast about
      // members' rewordings, not a collision written in the file: a warning, so `faqbot check`
      // passes on the file `faqbot import` just wrote and says what to add.
      const only = r.entry.alternates.length === 0;
      problems.push({
        severity: only ? 'warning' : 'error', ...r.entry.location,
        message: `entry \`${own}\`: left out of the index, its ${r.field} "${r.text}" is answered with \`${other.id}\` ("${other.question}")`,
        hint: only
          ? `it is the entry's only phrasing, so people who ask it in other words will likely get the wrong answer: add alternates to \`${own}\` in members' words`
          : `people who ask it in other words get the wrong answer: add an alternate to \`${own}\` worded like it, or make \`${other.id}\`'s phrasings more specific`,
      });
      collide(r.entry, other, `"${r.text}" (${own}) is answered with ${other.id}`);
    } else if (top !== own && other) {
      collide(r.entry, other, `"${r.text}" (${own}) ranks ${other.id} first`);
    } else if (other && r.decision !== 'answer' && (r.scores[1] ?? 0) >= CLOSE * (r.scores[0] ?? 0)) {
      collide(r.entry, other, `"${r.text}" (${own}) is too close to ${other.id} to answer`);
    }
  }
  for (const { a, b, lines } of [...pairs.values()].sort((x, y) => y.lines.length - x.lines.length || x.a.id.localeCompare(y.a.id))) {
    problems.push({
      severity: 'warning', ...a.location,
      message: `the matcher confuses \`${a.id}\` and \`${b.id}\` (${b.location.file}:${b.location.line}): ${lines.slice(0, 3).join('; ')}${lines.length > 3 ? `; and ${lines.length - 3} more` : ''}`,
      hint: 'reword the colliding phrasings so each names what sets its entry apart, or merge the entries and link the rest with `related`',
    });
  }
  return problems;
}

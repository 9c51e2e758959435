// Pure aggregation of recorded rows into what maintainers read. No SQL here: the store reads
// rows, this turns them into figures, so the grouping rules are tested without a database.
import type { Entry, InsightsSummary, KnowledgeBase } from '../domain.js';
import { terms } from '../text/normalize.js';

// Rows may stand for several identical records (`count`, default 1): the store groups
// identical rows in SQL so that a busy week is not read one ask at a time.

export interface AskRow {
  readonly at?: number;
  readonly count?: number;
  readonly text: string;
  /** The text is the redacted term list, not what was written. */
  readonly redacted: boolean;
  readonly decision: string;
  readonly entryId?: string;
}

export interface PickRow {
  readonly at?: number;
  readonly count?: number;
  readonly text: string;
  readonly redacted: boolean;
  readonly via: string;
  readonly entryId: string;
}

export interface FeedbackRow {
  readonly at?: number;
  readonly count?: number;
  readonly entryId: string;
  readonly helpful: boolean;
}

/** Hand-offs to a human per entry (absent: after "no answer"). */
export interface HandoffRow {
  readonly entryId?: string;
  readonly count: number;
}

export interface InsightsRows {
  readonly asks: readonly AskRow[];
  readonly picks: readonly PickRow[];
  readonly feedback: readonly FeedbackRow[];
  /** Absent from rows read before hand-offs existed. */
  readonly handoffs?: readonly HandoffRow[];
}

export interface EntryCount {
  readonly entryId: string;
  /** The entry's question, when the knowledge base still has the entry. */
  readonly question?: string;
  readonly count: number;
}

export interface UnansweredGroup {
  /** The most common wording in the group. */
  readonly text: string;
  readonly count: number;
  /** Up to five distinct wordings, most common first. */
  readonly wordings: readonly string[];
}

export interface FeedbackCount {
  readonly entryId: string;
  readonly question?: string;
  readonly notHelpful: number;
  readonly helpful: number;
}

export interface ProposedAlternates {
  readonly entryId: string;
  readonly question?: string;
  /** `file:line` of the entry, to know where to paste. */
  readonly location?: string;
  readonly wordings: readonly { readonly text: string; readonly count: number }[];
}

export interface InsightsReport {
  readonly since: number;
  readonly until: number;
  readonly totals: {
    readonly asks: number;
    readonly answered: number;
    readonly suggested: number;
    readonly unanswered: number;
    /** Asks for the topic list ("help", an empty question); the four add up to `asks`. */
    readonly topicLists: number;
    readonly picks: number;
    readonly helpful: number;
    readonly notHelpful: number;
    /** "Ask a human" presses that pinged the helpers. */
    readonly handoffs: number;
  };
  readonly topEntries: readonly EntryCount[];
  /** Entries members most often handed off to a human after; `entryId` '' is "no answer". */
  readonly handoffs: readonly EntryCount[];
  readonly unanswered: readonly UnansweredGroup[];
  readonly notHelpful: readonly FeedbackCount[];
  readonly proposedAlternates: readonly ProposedAlternates[];
  /** Words of unanswered or merely suggested questions the base has nothing for; empty without a matcher. */
  readonly unknownWords: readonly UnknownWord[];
}

export interface UnknownWord {
  readonly word: string;
  /** Questions that used it (a question asked twice counts twice). */
  readonly count: number;
  /** The most common question that used it. */
  readonly example: string;
}

export interface ReportOptions {
  readonly since: number;
  readonly until: number;
  /** To name entries and skip proposals the entry already has; optional. */
  readonly knowledge?: KnowledgeBase;
  /** Rows per list. */
  readonly limit?: number;
  /** Two wordings join one group at this Jaccard similarity of their term sets. */
  readonly similarity?: number;
  /** The matcher's words of a question that the base has nothing for (Matcher.unknownWords). */
  readonly unknownWords?: (text: string) => string[];
}

export function buildReport(rows: InsightsRows, options: ReportOptions): InsightsReport {
  const limit = options.limit ?? 10;
  const kb = options.knowledge;
  const question = (id: string) => kb?.byId.get(id)?.question;
  const named = (entryId: string) => {
    const q = question(entryId);
    return q === undefined ? { entryId } : { entryId, question: q };
  };

  const asked = new Map<string, number>();
  for (const a of rows.asks) if (a.decision === 'answer' && a.entryId) bump(asked, a.entryId, weight(a));
  for (const p of rows.picks) bump(asked, p.entryId, weight(p));

  const votes = new Map<string, { helpful: number; notHelpful: number }>();
  for (const f of rows.feedback) {
    const v = votes.get(f.entryId) ?? { helpful: 0, notHelpful: 0 };
    if (f.helpful) v.helpful += weight(f);
    else v.notHelpful += weight(f);
    votes.set(f.entryId, v);
  }

  const count = (decision: string) => sum(rows.asks.filter((a) => a.decision === decision));
  return {
    since: options.since,
    until: options.until,
    totals: {
      asks: sum(rows.asks),
      answered: count('answer'),
      suggested: count('suggest'),
      unanswered: count('none'),
      topicLists: count('help'),
      picks: sum(rows.picks),
      helpful: sum(rows.feedback.filter((f) => f.helpful)),
      notHelpful: sum(rows.feedback.filter((f) => !f.helpful)),
      handoffs: sum(rows.handoffs ?? []),
    },
    handoffs: ranked(handedOff(rows.handoffs ?? []))
      .slice(0, limit)
      .map(([entryId, n]) => (entryId === '' ? { entryId, count: n } : { ...named(entryId), count: n })),
    topEntries: ranked(asked)
      .slice(0, limit)
      .map(([entryId, n]) => ({ ...named(entryId), count: n })),
    unanswered: groupNearDuplicates(
      rows.asks.filter((a) => a.decision === 'none'),
      options.similarity ?? 0.5,
    ).slice(0, limit),
    notHelpful: [...votes]
      .filter(([, v]) => v.notHelpful > 0)
      .sort((a, b) => b[1].notHelpful - a[1].notHelpful || a[1].helpful - b[1].helpful || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([entryId, v]) => ({ ...named(entryId), notHelpful: v.notHelpful, helpful: v.helpful })),
    proposedAlternates: proposeAlternates(rows.picks, kb),
    unknownWords: options.unknownWords ? unknownWords(rows.asks, options.unknownWords).slice(0, limit) : [],
  };
}

/**
 * What members say that the base lacks: words of questions it did not answer outright, by how
 * many questions used them. Redacted rows keep stems only, not what was written: left out.
 * A word must be used twice to count, so one member's odd word is not a gap.
 */
function unknownWords(asks: readonly AskRow[], find: (text: string) => string[]): UnknownWord[] {
  const byText = new Map<string, number>();
  for (const a of asks) if (!a.redacted && (a.decision === 'none' || a.decision === 'suggest')) bump(byText, a.text, weight(a));
  const words = new Map<string, { count: number; example: string; exampleCount: number }>();
  for (const [text, n] of byText) {
    for (const word of find(text)) {
      const w = words.get(word) ?? { count: 0, example: text, exampleCount: 0 };
      w.count += n;
      if (n > w.exampleCount) [w.example, w.exampleCount] = [text, n];
      words.set(word, w);
    }
  }
  return [...words]
    .filter(([, w]) => w.count >= 2)
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([word, w]) => ({ word, count: w.count, example: w.example }));
}

/** The moderator summary (`/faq-stats`): the same figures, shorter. */
export function toSummary(report: InsightsReport, limit = 5): InsightsSummary {
  return {
    since: report.since,
    asks: report.totals.asks,
    answered: report.totals.answered,
    suggested: report.totals.suggested,
    unanswered: report.totals.unanswered,
    topicLists: report.totals.topicLists,
    helpful: report.totals.helpful,
    notHelpful: report.totals.notHelpful,
    topEntries: report.topEntries.slice(0, limit).map((e) => ({ entryId: e.entryId, question: e.question ?? e.entryId, count: e.count })),
    topUnanswered: report.unanswered.slice(0, limit).map((u) => ({ text: u.text, count: u.count })),
  };
}

/** The terms a row is compared on; redacted rows already are a term list. */
function termSet(row: { text: string; redacted: boolean }): string[] {
  const t = row.redacted ? row.text.split(' ').filter(Boolean) : terms(row.text);
  return [...new Set(t)].sort();
}

/**
 * Groups wordings whose term sets are alike (Jaccard ≥ `threshold`), so "reset password",
 * "How do I reset my password?" and "password reset??" count as one question. Greedy and
 * deterministic: the most frequent term sets found groups, rarer ones join the first close one.
 */
export function groupNearDuplicates(
  rows: readonly { text: string; redacted: boolean; count?: number }[],
  threshold = 0.5,
): UnansweredGroup[] {
  const byKey = new Map<string, { terms: string[]; wordings: Map<string, number>; count: number }>();
  for (const row of rows) {
    const t = termSet(row);
    if (t.length === 0) continue; // only emoji or punctuation: nothing a knowledge base could answer
    const key = t.join(' ');
    const g = byKey.get(key) ?? { terms: t, wordings: new Map<string, number>(), count: 0 };
    const wording = row.text.replace(/\s+/g, ' ').trim();
    g.wordings.set(wording, (g.wordings.get(wording) ?? 0) + weight(row));
    g.count += weight(row);
    byKey.set(key, g);
  }
  const sorted = [...byKey.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  const clusters: { terms: Set<string>; wordings: Map<string, number>; count: number }[] = [];
  // Clusters by term, so a group is only compared with clusters it shares a word with.
  const byTerm = new Map<string, number[]>();
  for (const [, g] of sorted) {
    const near = new Set<number>();
    for (const t of g.terms) for (const c of byTerm.get(t) ?? []) near.add(c);
    // The lowest index is the most frequent cluster: the same choice as scanning in order.
    const homeIndex = [...near].sort((a, b) => a - b).find((c) => jaccard(clusters[c]!.terms, g.terms) >= threshold);
    const home = homeIndex === undefined ? undefined : clusters[homeIndex];
    if (home) {
      home.count += g.count;
      for (const [w, n] of g.wordings) home.wordings.set(w, (home.wordings.get(w) ?? 0) + n);
    } else {
      clusters.push({ terms: new Set(g.terms), wordings: new Map(g.wordings), count: g.count });
      for (const t of g.terms) {
        const list = byTerm.get(t) ?? [];
        list.push(clusters.length - 1);
        byTerm.set(t, list);
      }
    }
  }
  return clusters
    .map((c) => {
      const wordings = ranked(c.wordings).map(([w]) => w);
      return { text: wordings[0]!, count: c.count, wordings: wordings.slice(0, 5) };
    })
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

function jaccard(a: ReadonlySet<string>, b: readonly string[]): number {
  let shared = 0;
  for (const t of b) if (a.has(t)) shared++;
  const union = a.size + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Real wordings that ended on an entry through a person's choice (a moderator's pick, a
 * clicked suggestion): the best candidates for new alternates. Wordings the entry already
 * has (same terms), bare ids and redacted rows are left out.
 */
function proposeAlternates(picks: readonly PickRow[], kb: KnowledgeBase | undefined): ProposedAlternates[] {
  const byEntry = new Map<string, Map<string, { text: string; count: number }>>();
  for (const p of picks) {
    if (p.redacted) continue;
    const text = p.text.replace(/\s+/g, ' ').trim();
    const t = termSet({ text, redacted: false });
    if (t.length === 0 || text.toLowerCase() === p.entryId) continue;
    const entry = kb?.byId.get(p.entryId);
    if (kb && !entry) continue; // the entry is gone; nothing to paste under
    if (entry && knownPhrasings(entry).has(t.join(' '))) continue;
    const wordings = byEntry.get(p.entryId) ?? new Map<string, { text: string; count: number }>();
    const key = t.join(' ');
    const w = wordings.get(key) ?? { text, count: 0 };
    w.count += weight(p);
    wordings.set(key, w);
    byEntry.set(p.entryId, wordings);
  }
  return [...byEntry]
    .map(([entryId, wordings]) => {
      const entry = kb?.byId.get(entryId);
      return {
        entryId,
        ...(entry ? { question: entry.question, location: `${entry.location.file}:${entry.location.line}` } : {}),
        wordings: [...wordings.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
      };
    })
    .sort((a, b) => total(b) - total(a) || a.entryId.localeCompare(b.entryId));
}

const phrasingCache = new WeakMap<Entry, Set<string>>();

function knownPhrasings(entry: Entry): Set<string> {
  let set = phrasingCache.get(entry);
  if (!set) {
    set = new Set(
      [entry.question, ...entry.alternates, ...entry.keywords, entry.id.replace(/-/g, ' ')].map((p) =>
        [...new Set(terms(p))].sort().join(' '),
      ),
    );
    phrasingCache.set(entry, set);
  }
  return set;
}

function total(p: ProposedAlternates): number {
  return p.wordings.reduce((n, w) => n + w.count, 0);
}

function bump(map: Map<string, number>, key: string, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

function weight(row: { count?: number }): number {
  return row.count ?? 1;
}

function sum(rows: readonly { count?: number }[]): number {
  return rows.reduce((n, r) => n + weight(r), 0);
}

function ranked(map: ReadonlyMap<string, number>): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]));
}

function handedOff(rows: readonly HandoffRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const h of rows) counts.set(h.entryId ?? '', (counts.get(h.entryId ?? '') ?? 0) + h.count);
  return counts;
}

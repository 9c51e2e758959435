// How a knowledge base will do on its first day, before anyone asks: read off the probes the
// matcher asked itself at start-up (wordings it had not seen, made from each entry). Pure.
import type { Entry, KnowledgeBase } from '../domain.js';
import type { Matcher } from '../match/matcher.js';
import { isStopWord, words } from '../text/normalize.js';

export interface DayOneReport {
  /** Share of the probes that would be answered with their own entry. */
  readonly answerRate: number;
  readonly probes: number;
  /** Entries none of whose probes would be answered. */
  readonly neverAnswered: readonly { readonly entry: Entry; readonly keywords: readonly string[] }[];
  /** Pairs where a probe of `entry` ranks `rival` first. */
  readonly confused: readonly { readonly entry: Entry; readonly rival: Entry; readonly text: string }[];
}

export function dayOneReport(kb: KnowledgeBase, matcher: Matcher): DayOneReport {
  const { probes } = matcher.calibration;
  const answered = new Map<Entry, number>();
  const asked = new Map<Entry, number>();
  const confused: { entry: Entry; rival: Entry; text: string }[] = [];
  let hits = 0;
  for (const p of probes) {
    asked.set(p.entry, (asked.get(p.entry) ?? 0) + 1);
    if (p.top === p.entry && p.score >= matcher.answerAt) {
      hits++;
      answered.set(p.entry, (answered.get(p.entry) ?? 0) + 1);
    } else if (p.top && p.top !== p.entry) confused.push({ entry: p.entry, rival: p.top, text: p.text });
  }
  const neverAnswered = [...asked.keys()]
    .filter((e) => !answered.has(e))
    .map((entry) => ({ entry, keywords: distinctiveWords(kb, entry, 3) }));
  return { answerRate: probes.length ? hits / probes.length : 0, probes: probes.length, neverAnswered, confused };
}

/** Words of an entry's answer that no other entry uses: what members are likely to type for it. */
function distinctiveWords(kb: KnowledgeBase, entry: Entry, n: number): string[] {
  const elsewhere = new Set<string>();
  for (const e of kb.entries) if (e !== entry) for (const w of words(`${e.question} ${e.answer}`)) elsewhere.add(w);
  const counts = new Map<string, number>();
  for (const w of words(entry.answer)) {
    if (w.length < 4 || isStopWord(w) || /^\d+$/.test(w) || elsewhere.has(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const own = new Set(entry.keywords.map((k) => k.toLowerCase()));
  return [...counts].filter(([w]) => !own.has(w)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([w]) => w);
}

/** The report as lines for a terminal, with the YAML to paste. */
export function formatDayOne(r: DayOneReport): string[] {
  const pct = Math.round(r.answerRate * 100);
  const lines = [`day one: about ${pct}% of questions asked in new words would be answered (estimated from ${r.probes} probes the matcher made from the entries)`];
  if (r.neverAnswered.length > 0) {
    lines.push(`  likely never answered (${r.neverAnswered.length}): add alternates in members' words, or these keywords:`);
    for (const { entry, keywords } of r.neverAnswered.slice(0, 10)) {
      lines.push(`    ${entry.id} (${entry.location.file}:${entry.location.line})${keywords.length ? `  keywords: [${keywords.join(', ')}]` : ''}`);
    }
  }
  const pairs = new Map<string, { entry: Entry; rival: Entry; text: string }>();
  for (const c of r.confused) pairs.set(`${c.entry.id} ${c.rival.id}`, pairs.get(`${c.entry.id} ${c.rival.id}`) ?? c);
  if (pairs.size > 0) {
    lines.push(`  likely confused (${pairs.size}): name what sets each apart in its question or an alternate:`);
    for (const c of [...pairs.values()].slice(0, 10)) lines.push(`    ${c.entry.id} with ${c.rival.id}: "${c.text.slice(0, 80)}"`);
  }
  return lines;
}

// Re-importing a changed page into a knowledge file maintainers have worked on: entries are
// matched by question (exactly, then by similar wording or answer), so ids and everything
// people added by hand (alternates, keywords, links, related, tags, pinned, restrictedTo,
// translations) survive.
import type { DraftEntry, DraftFile } from './draft.js';
import { uniqueId } from './ids.js';
import { phrasingKey } from './phrasing.js';

export interface MergeReport {
  added: { id: string; question: string }[];
  changed: { id: string; question: string; fields: ('question' | 'answer')[]; was?: string }[];
  removed: { id: string; question: string }[];
  unchanged: number;
  /** `related` ids that pointed at removed entries and were dropped. */
  droppedRelated: { id: string; related: string }[];
  /** Alternates that became another entry's question and were dropped. */
  droppedAlternates: { id: string; alternate: string }[];
}

/** Below this similarity two questions are different questions. */
const MATCH_THRESHOLD = 0.6;

export function mergeDraft(existing: DraftFile, imported: DraftFile): { draft: DraftFile; report: MergeReport } {
  const report: MergeReport = { added: [], changed: [], removed: [], unchanged: 0, droppedRelated: [], droppedAlternates: [] };
  const pairs = matchEntries(existing.entries, imported.entries);

  const keptIds = new Set([...pairs.values()].map((old) => old.id));
  const taken = new Set(keptIds);
  const entries: DraftEntry[] = imported.entries.map((fresh, index) => {
    const old = pairs.get(index);
    if (!old) {
      const id = taken.has(fresh.id) ? uniqueId(fresh.question, taken) : (taken.add(fresh.id), fresh.id);
      report.added.push({ id, question: fresh.question });
      return { ...fresh, id };
    }
    const fields: ('question' | 'answer')[] = [];
    if (old.question !== fresh.question) fields.push('question');
    if (old.answer.trim() !== fresh.answer.trim()) fields.push('answer');
    if (fields.length > 0) {
      report.changed.push({ id: old.id, question: fresh.question, fields, ...(fields.includes('question') ? { was: old.question } : {}) });
    } else report.unchanged++;
    return { ...old, question: fresh.question, answer: fresh.answer };
  });

  for (const old of existing.entries) {
    if (!keptIds.has(old.id)) report.removed.push({ id: old.id, question: old.question });
  }
  // The page's own cross-links, in the ids entries have now, beside what maintainers listed.
  const finalId = new Map(imported.entries.map((fresh, index) => [fresh.id, entries[index]!.id] as const));
  imported.entries.forEach((fresh, index) => {
    const entry = entries[index]!;
    const fromPage = fresh.related.map((id) => finalId.get(id)).filter((id): id is string => id !== undefined);
    entry.related = [...new Set([...(pairs.get(index) ? entry.related : []), ...fromPage])];
  });
  const ids = new Set(entries.map((e) => e.id));
  const questions = new Map(entries.map((e) => [phrasingKey(e.question), e.id] as const));
  for (const entry of entries) {
    entry.related = entry.related.filter((id) => {
      if (ids.has(id)) return true;
      report.droppedRelated.push({ id: entry.id, related: id });
      return false;
    });
    // The loader refuses a phrasing that leads to two entries; a heading now says what used to be an alternate.
    entry.alternates = entry.alternates.filter((alternate) => {
      const owner = questions.get(phrasingKey(alternate));
      if (owner === undefined || owner === entry.id) return true;
      report.droppedAlternates.push({ id: entry.id, alternate });
      return false;
    });
  }

  const draft: DraftFile = {
    ...((existing.title ?? imported.title) ? { title: existing.title ?? imported.title } : {}),
    ...((existing.source ?? imported.source) ? { source: existing.source ?? imported.source } : {}),
    ...((imported.footer ?? existing.footer) ? { footer: imported.footer ?? existing.footer } : {}),
    // What the file declares stays; a file that declares nothing takes what the page says.
    ...((existing.language ?? imported.language) ? { language: existing.language ?? imported.language } : {}),
    // Synonyms are the community's words, which no page import knows.
    ...(existing.synonyms ? { synonyms: existing.synonyms } : {}),
    entries,
  };
  return { draft, report };
}

/** Imported index → the existing entry it continues. Best pairs first, each entry used once. */
function matchEntries(existing: readonly DraftEntry[], imported: readonly DraftEntry[]): Map<number, DraftEntry> {
  const scored: { fresh: number; old: number; score: number }[] = [];
  imported.forEach((fresh, i) => {
    existing.forEach((old, j) => {
      const score = similarity(old, fresh);
      if (score >= MATCH_THRESHOLD) scored.push({ fresh: i, old: j, score });
    });
  });
  scored.sort((a, b) => b.score - a.score || a.fresh - b.fresh || a.old - b.old);
  const pairs = new Map<number, DraftEntry>();
  const used = new Set<number>();
  for (const { fresh, old } of scored) {
    if (pairs.has(fresh) || used.has(old)) continue;
    pairs.set(fresh, existing[old]!);
    used.add(old);
  }
  return pairs;
}

function similarity(old: DraftEntry, fresh: DraftEntry): number {
  const question = phrasingKey(fresh.question);
  if (question === phrasingKey(old.question)) return 1;
  if (old.alternates.some((a) => phrasingKey(a) === question)) return 0.97;
  const byQuestion = Math.max(
    dice(words(fresh.question), words(old.question)),
    ...old.alternates.map((a) => 0.9 * dice(words(fresh.question), words(a))),
  );
  // A reworded heading over the same answer is still the same entry.
  const freshAnswer = words(fresh.answer);
  const oldAnswer = words(old.answer);
  // Short answers ("Yes.") say nothing about which question they belong to.
  const byAnswer = freshAnswer.size >= 8 && oldAnswer.size >= 8 ? 0.9 * dice(freshAnswer, oldAnswer) : 0;
  return Math.max(byQuestion, byAnswer);
}

function words(text: string): Set<string> {
  return new Set(phrasingKey(text).split(' ').filter(Boolean));
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

// Term-level ranking of whole questions against every phrasing of every entry.
//
// Each phrasing (question, alternate, keyword) is a small bag of stemmed terms weighted by how
// rare the term is across entries (IDF over entries, not phrasings, so a word every alternate
// of one entry repeats still counts as specific to it). A query is scored against each
// phrasing by weighted cosine; an entry's score is its best phrasing, nudged by its answer text.
// Unknown query terms are looked up with typo tolerance through a deletion index.
import type { Candidate, Entry, KnowledgeBase } from '../domain.js';
import { cleanText, terms } from '../text/normalize.js';
import { TypoIndex } from './typo.js';
import { SoftmaxClassifier, type Example } from './classifier.js';

type Field = 'id' | 'keyword' | 'question' | 'alternate' | 'answer';

const FIELD_WEIGHT: Record<Field, number> = {
  id: 1,
  keyword: 1,
  question: 1,
  alternate: 1,
  answer: 0.55,
};

/** How much of the similarity is the best single phrasing; the rest is all phrasings together. */
const BEST_PHRASING_SHARE = 0.7;
/** How much of the final score is the classifier's probability; the rest is similarity. */
const CLASSIFIER_SHARE = 0.6;
/** A query the base knows none of keeps this share of its score; one it knows fully keeps all. */
const UNKNOWN_FLOOR = 0.5;

interface Phrasing {
  readonly entry: number;
  readonly field: Field;
  readonly text: string;
  readonly terms: readonly string[];
  norm: number;
}

export interface Ranked {
  /** Best first; scores in [0, 1]. */
  readonly candidates: readonly Candidate[];
  /** The query had no usable terms (only emoji, mentions, punctuation). */
  readonly empty: boolean;
  /** An exact id or keyword hit decided the top candidate. */
  readonly exact: boolean;
  /** Share of the query's term weight that the index knows at all. */
  readonly coverage: number;
}

export interface Calibration {
  /** Typical top score of a known phrasing asked again in other words (leave-one-out). */
  readonly inScope: readonly number[];
  /** Top scores of held-out phrasings that ranked another entry first. */
  readonly wrong: readonly number[];
}

export class TermIndex {
  private readonly entries: readonly Entry[];
  private readonly phrasings: Phrasing[] = [];
  /** term -> postings of phrasing indexes */
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly exact = new Map<string, number>();
  private readonly typos: TypoIndex;
  private readonly maxIdf: number;
  private readonly entryNorms: number[] = [];
  private readonly entryPostings = new Map<string, { entries: number[]; weights: number[] }>();
  private entryScratch = new Float64Array(0);
  private readonly classifier?: SoftmaxClassifier;
  private scratch = new Float64Array(0);
  private readonly examples: { example: Example; phrasing: Phrasing }[] = [];

  constructor(kb: KnowledgeBase) {
    this.entries = kb.entries;
    const df = new Map<string, number>();
    kb.entries.forEach((entry, i) => {
      const add = (field: Field, text: string) => {
        const t = unique(terms(text));
        if (t.length > 0) this.phrasings.push({ entry: i, field, text, terms: t, norm: 0 });
      };
      const firstPhrasing = this.phrasings.length;
      add('question', entry.question);
      entry.alternates.forEach((a) => add('alternate', a));
      entry.keywords.forEach((k) => add('keyword', k));
      add('id', entry.id.replace(/-/g, ' '));
      add('answer', entry.answer);
      const seen = new Set<string>();
      for (let k = firstPhrasing; k < this.phrasings.length; k++) for (const term of this.phrasings[k]!.terms) seen.add(term);
      for (const term of seen) df.set(term, (df.get(term) ?? 0) + 1);
      for (const key of [entry.id, ...entry.keywords]) {
        const k = cleanText(key.replace(/-/g, ' '));
        if (k && !this.exact.has(k)) this.exact.set(k, i);
      }
    });
    const n = Math.max(1, kb.entries.length);
    let maxIdf = 0;
    for (const [term, count] of df) {
      const v = Math.log(1 + n / count);
      this.idf.set(term, v);
      maxIdf = Math.max(maxIdf, v);
    }
    this.maxIdf = maxIdf || 1;
    this.phrasings.forEach((p, pi) => {
      let sq = 0;
      for (const term of p.terms) {
        const w = this.idf.get(term) ?? 0;
        sq += w * w;
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push(pi);
      }
      p.norm = Math.sqrt(sq) || 1;
    });
    // Per entry: term -> weight of the whole entry's phrasings taken as one document.
    const entryDocs: Map<string, number>[] = kb.entries.map(() => new Map());
    for (const p of this.phrasings) {
      if (p.field === 'answer') continue;
      const doc = entryDocs[p.entry]!;
      for (const term of p.terms) doc.set(term, (doc.get(term) ?? 0) + 1);
    }
    entryDocs.forEach((doc, e) => {
      let sq = 0;
      for (const [term, tf] of doc) {
        const w = (1 + Math.log(tf)) * (this.idf.get(term) ?? 0);
        doc.set(term, w);
        sq += w * w;
        let list = this.entryPostings.get(term);
        if (!list) this.entryPostings.set(term, (list = { entries: [], weights: [] }));
        list.entries.push(e);
        list.weights.push(w);
      }
      this.entryNorms.push(Math.sqrt(sq) || 1);
    });
    this.scratch = new Float64Array(this.phrasings.length);
    this.entryScratch = new Float64Array(kb.entries.length);
    this.typos = new TypoIndex(this.idf.keys());
    for (const p of this.phrasings) {
      if (p.field !== 'question' && p.field !== 'alternate' && p.field !== 'keyword') continue;
      this.examples.push({ phrasing: p, example: { label: p.entry, features: this.vector(p.terms.map((t) => ({ term: t, weight: this.idf.get(t) ?? 0 }))) } });
    }
    if (this.useClassifier()) {
      this.classifier = new SoftmaxClassifier(kb.entries.length, this.examples.map((x) => x.example));
    }
  }

  /** Terms that no phrasing but the left-out one has: unknown when that phrasing is left out. */
  private termsOnlyIn(p: Phrasing): Set<string> {
    return new Set(p.terms.filter((t) => (this.postings.get(t)?.length ?? 0) <= 1));
  }

  /** Training costs classes × examples per epoch: worth it for small and mid-size bases only. */
  private useClassifier(): boolean {
    return this.entries.length > 1 && this.entries.length * this.examples.length <= 1_000_000;
  }

  private vector(weights: readonly { term: string; weight: number }[]): Map<string, number> {
    const v = new Map<string, number>();
    for (const { term, weight } of weights) v.set(term, (v.get(term) ?? 0) + weight);
    let sq = 0;
    for (const w of v.values()) sq += w * w;
    const norm = Math.sqrt(sq) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  }

  rank(text: string, exclude?: Phrasing, classifier = this.classifier): Ranked {
    const clean = cleanText(text);
    const queryTerms = unique(terms(text));
    if (queryTerms.length === 0) return { candidates: [], empty: true, exact: false, coverage: 0 };

    // Resolve each query term to index terms: itself, or its nearest spellings.
    const resolved: { term: string; weight: number }[] = [];
    let known = 0;
    let total = 0;
    const hidden = exclude ? this.termsOnlyIn(exclude) : undefined;
    for (const term of queryTerms) {
      const own = hidden?.has(term) ? undefined : this.idf.get(term);
      if (own !== undefined) {
        resolved.push({ term, weight: own });
        known += own;
        total += own;
        continue;
      }
      total += this.maxIdf;
      const near = this.typos.near(term);
      for (const alt of near) {
        const w = (this.idf.get(alt) ?? 0) * 0.8;
        resolved.push({ term: alt, weight: w });
      }
      if (near.length > 0) known += this.maxIdf * 0.8;
    }
    const coverage = total > 0 ? known / total : 0;
    let qsq = 0;
    for (const q of queryTerms) {
      const w = this.idf.get(q) ?? this.maxIdf;
      qsq += w * w;
    }
    const qnorm = Math.sqrt(qsq) || 1;

    // Accumulate into a reused typed array: far cheaper than a Map on large bases.
    const dot = this.scratch;
    const touched: number[] = [];
    for (const { term, weight } of resolved) {
      const idf = this.idf.get(term) ?? 0;
      for (const pi of this.postings.get(term) ?? []) {
        if (dot[pi] === 0) touched.push(pi);
        dot[pi] = dot[pi]! + weight * idf;
      }
    }
    const best = new Map<number, { score: number; why: string }>();
    const answerScore = new Map<number, number>();
    for (const pi of touched) {
      const d = dot[pi]!;
      dot[pi] = 0;
      const p = this.phrasings[pi]!;
      if (p === exclude) continue;
      const cos = d / (qnorm * p.norm);
      if (p.field === 'answer') {
        answerScore.set(p.entry, cos);
        continue;
      }
      const s = cos * FIELD_WEIGHT[p.field];
      const prev = best.get(p.entry);
      if (!prev || s > prev.score) best.set(p.entry, { score: s, why: `${p.field}: ${p.text}` });
    }
    for (const [e, a] of answerScore) {
      const prev = best.get(e);
      const s = (prev?.score ?? 0) + (1 - (prev?.score ?? 0)) * a * FIELD_WEIGHT.answer * 0.5;
      best.set(e, { score: s, why: prev?.why ?? 'answer text' });
    }

    // The entry's phrasings taken together: rewards terms its many alternates share.
    {
      const edot = this.entryScratch;
      const touchedEntries: number[] = [];
      for (const { term, weight } of resolved) {
        const postings = this.entryPostings.get(term);
        if (!postings) continue;
        for (let k = 0; k < postings.entries.length; k++) {
          const e = postings.entries[k]!;
          if (edot[e] === 0) touchedEntries.push(e);
          edot[e] = edot[e]! + weight * postings.weights[k]!;
        }
      }
      for (const e of touchedEntries) {
        const cos = edot[e]! / (qnorm * this.entryNorms[e]!);
        edot[e] = 0;
        const prev = best.get(e);
        best.set(e, { score: BEST_PHRASING_SHARE * (prev?.score ?? 0) + (1 - BEST_PHRASING_SHARE) * cos, why: prev?.why ?? 'all phrasings' });
      }
    }
    if (classifier) {
      const p = classifier.predict(this.vector(resolved));
      const sims = new Map([...best].map(([e, b]) => [e, b.score] as const));
      for (let e = 0; e < p.length; e++) {
        const sim = sims.get(e) ?? 0;
        if (sim === 0 && p[e]! < 0.01) continue;
        const prev = best.get(e);
        best.set(e, { score: (1 - CLASSIFIER_SHARE) * sim + CLASSIFIER_SHARE * p[e]!, why: prev?.why ?? 'classifier' });
      }
    }
    const exactEntry = exclude ? undefined : this.exact.get(clean);
    let exact = false;
    if (exactEntry !== undefined) {
      best.set(exactEntry, { score: 1, why: 'exact keyword or id' });
      exact = true;
    }
    const candidates = topK(best, 10)
      .map(([e, { score, why }]): Candidate => ({
        entry: this.entries[e]!,
        // What the base does not know of the query weighs against every candidate alike.
        score: Math.min(1, e === exactEntry ? score : score * (UNKNOWN_FLOOR + (1 - UNKNOWN_FLOOR) * coverage)),
        why,
      }));
    return { candidates, empty: false, exact, coverage };
  }

  /**
   * Asks the index each of its own alternates with that alternate left out, and keeps the top
   * scores of the ones that still find their entry: what "in scope" looks like for this base.
   */
  calibrate(limit = 250): Calibration {
    const scores: number[] = [];
    const wrong: number[] = [];
    const pool = this.examples.filter((x) => x.phrasing.field !== 'keyword');
    const step = Math.max(1, Math.floor(pool.length / Math.min(limit, Math.ceil(pool.length / 5))));
    const heldOut = new Set<Phrasing>();
    for (let i = 0; i < pool.length; i += step) heldOut.add(pool[i]!.phrasing);
    // The held-out phrasings are hidden from a classifier trained without them, as from the index.
    const classifier = this.useClassifier()
      ? new SoftmaxClassifier(this.entries.length, this.examples.filter((x) => !heldOut.has(x.phrasing)).map((x) => x.example))
      : undefined;
    for (const p of heldOut) {
      const r = this.rank(p.text, p, classifier);
      const top = r.candidates[0];
      if (!top) continue;
      if (top.entry === this.entries[p.entry]) scores.push(top.score);
      else wrong.push(top.score);
    }
    scores.sort((a, b) => a - b);
    wrong.sort((a, b) => a - b);
    return { inScope: scores, wrong };
  }

}

/** The k best by score (ties: knowledge-base order), without sorting every scored entry. */
function topK(scores: ReadonlyMap<number, { score: number; why: string }>, k: number): [number, { score: number; why: string }][] {
  const better = (a: [number, { score: number }], b: [number, { score: number }]) => b[1].score - a[1].score || a[0] - b[0];
  const top: [number, { score: number; why: string }][] = [];
  for (const item of scores) {
    if (top.length === k && better(item, top[k - 1]!) >= 0) continue;
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && better(item, top[i - 1]!) < 0) i--;
    top.splice(i, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

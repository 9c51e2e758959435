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
  /** Per entry: term -> weight of the whole entry's phrasings taken as one document. */
  private readonly entryDocs: Map<string, number>[] = [];
  private readonly entryNorms: number[] = [];
  private readonly entryPostings = new Map<string, number[]>();
  private readonly classifier?: SoftmaxClassifier;
  /** term -> how many phrasings (answers included) have it */
  private readonly phrasingDf = new Map<string, number>();
  private readonly examples: { example: Example; phrasing: Phrasing }[] = [];

  constructor(kb: KnowledgeBase) {
    this.entries = kb.entries;
    const df = new Map<string, number>();
    kb.entries.forEach((entry, i) => {
      const add = (field: Field, text: string) => {
        const t = unique(terms(text));
        if (t.length > 0) this.phrasings.push({ entry: i, field, text, terms: t, norm: 0 });
      };
      add('question', entry.question);
      entry.alternates.forEach((a) => add('alternate', a));
      entry.keywords.forEach((k) => add('keyword', k));
      add('id', entry.id.replace(/-/g, ' '));
      add('answer', entry.answer);
      const seen = new Set<string>();
      for (const p of this.phrasings) if (p.entry === i) for (const term of p.terms) seen.add(term);
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
        this.phrasingDf.set(term, (this.phrasingDf.get(term) ?? 0) + 1);
        const w = this.idf.get(term) ?? 0;
        sq += w * w;
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push(pi);
      }
      p.norm = Math.sqrt(sq) || 1;
    });
    kb.entries.forEach(() => this.entryDocs.push(new Map()));
    for (const p of this.phrasings) {
      if (p.field === 'answer') continue;
      const doc = this.entryDocs[p.entry]!;
      for (const term of p.terms) doc.set(term, (doc.get(term) ?? 0) + 1);
    }
    this.entryDocs.forEach((doc, e) => {
      let sq = 0;
      for (const [term, tf] of doc) {
        const w = (1 + Math.log(tf)) * (this.idf.get(term) ?? 0);
        doc.set(term, w);
        sq += w * w;
        let list = this.entryPostings.get(term);
        if (!list) this.entryPostings.set(term, (list = []));
        list.push(e);
      }
      this.entryNorms.push(Math.sqrt(sq) || 1);
    });
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
  private termsOnlyIn(exclude: { entry: number; text: string }): Set<string> {
    const p = this.phrasings.find((x) => x.entry === exclude.entry && x.text === exclude.text);
    return new Set(p ? p.terms.filter((t) => (this.phrasingDf.get(t) ?? 0) <= 1) : []);
  }

  /** Training costs classes × examples per epoch: worth it for small and mid-size bases only. */
  private useClassifier(): boolean {
    return this.entries.length > 1 && this.entries.length * this.examples.length <= 4_000_000;
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

  rank(text: string, exclude?: { entry: number; text: string }, classifier = this.classifier): Ranked {
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

    const dot = new Map<number, number>();
    for (const { term, weight } of resolved) {
      const idf = this.idf.get(term) ?? 0;
      for (const pi of this.postings.get(term) ?? []) dot.set(pi, (dot.get(pi) ?? 0) + weight * idf);
    }
    const best = new Map<number, { score: number; why: string }>();
    const answerScore = new Map<number, number>();
    for (const [pi, d] of dot) {
      const p = this.phrasings[pi]!;
      if (exclude && p.entry === exclude.entry && p.text === exclude.text) continue;
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
      const edot = new Map<number, number>();
      for (const { term, weight } of resolved) {
        for (const e of this.entryPostings.get(term) ?? []) edot.set(e, (edot.get(e) ?? 0) + weight * (this.entryDocs[e]!.get(term) ?? 0));
      }
      for (const [e, d] of edot) {
        const cos = d / (qnorm * this.entryNorms[e]!);
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
    const candidates = [...best.entries()]
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, 10)
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
  calibrate(limit = 400): Calibration {
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
      const r = this.rank(p.text, { entry: p.entry, text: p.text }, classifier);
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

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

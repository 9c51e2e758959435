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

type Field = 'id' | 'keyword' | 'question' | 'alternate' | 'answer';

const FIELD_WEIGHT: Record<Field, number> = {
  id: 1,
  keyword: 1,
  question: 1,
  alternate: 1,
  answer: 0.55,
};

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
        const w = this.idf.get(term) ?? 0;
        sq += w * w;
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push(pi);
      }
      p.norm = Math.sqrt(sq) || 1;
    });
    this.typos = new TypoIndex(this.idf.keys());
  }

  rank(text: string, exclude?: { entry: number; text: string }): Ranked {
    const clean = cleanText(text);
    const queryTerms = unique(terms(text));
    if (queryTerms.length === 0) return { candidates: [], empty: true, exact: false, coverage: 0 };

    // Resolve each query term to index terms: itself, or its nearest spellings.
    const resolved: { term: string; weight: number }[] = [];
    let known = 0;
    let total = 0;
    for (const term of queryTerms) {
      const own = this.idf.get(term);
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

    const exactEntry = exclude ? undefined : this.exact.get(clean);
    let exact = false;
    if (exactEntry !== undefined) {
      best.set(exactEntry, { score: 1, why: 'exact keyword or id' });
      exact = true;
    }
    const candidates = [...best.entries()]
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, 10)
      .map(([e, { score, why }]): Candidate => ({ entry: this.entries[e]!, score: Math.min(1, score), why }));
    return { candidates, empty: false, exact, coverage };
  }

  /**
   * Asks the index each of its own alternates with that alternate left out, and keeps the top
   * scores of the ones that still find their entry: what "in scope" looks like for this base.
   */
  calibrate(limit = 400): Calibration {
    const scores: number[] = [];
    const pool = this.phrasings.filter((p) => p.field === 'alternate' || p.field === 'question');
    const step = Math.max(1, Math.floor(pool.length / limit));
    for (let i = 0; i < pool.length; i += step) {
      const p = pool[i]!;
      const r = this.rank(p.text, { entry: p.entry, text: p.text });
      const top = r.candidates[0];
      if (top && top.entry === this.entries[p.entry]) scores.push(top.score);
    }
    scores.sort((a, b) => a - b);
    return { inScope: scores };
  }
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

// Term-level ranking of whole questions against every phrasing of every entry.
//
// Each phrasing (question, alternate, keyword) is a small bag of stemmed terms weighted by how
// rare the term is across entries (IDF over entries, not phrasings, so a word every alternate
// of one entry repeats still counts as specific to it). A query is scored by weighted cosine
// against its best phrasing (nudged by the answer text) and against all of an entry's
// phrasings together, then mixed with a classifier trained on the same phrasings. Unknown
// query terms are looked up with typo tolerance through a deletion index.
import type { Candidate, Entry, KnowledgeBase, ReadAs } from '../domain.js';
import type { Language } from '../language/languages.js';
import { analyzerFor, mixedQueryTerms, type Analyzer } from '../text/analyzer.js';
import { cleanText } from '../text/normalize.js';
import { firstSentence, sentences } from '../text/sentences.js';
import { TypoIndex } from './typo.js';
import { synonymGroups } from '../text/synonyms.js';
import { SoftmaxClassifier, type Example, type Features } from './classifier.js';
import { cosine, type SentenceEncoder } from './semantic/encoder.js';

type Field = 'id' | 'keyword' | 'question' | 'alternate' | 'answer';

/**
 * How much a match on each field counts. The design puts questions and alternates above
 * keywords; measured, keywords at 0.85 or 0.7 changed no benchmark figure, gained one probe
 * question and made `faqbot check` answer a held-out alternate of the bundled base with a
 * neighbour (a keyword is what members type after /faq, as strong a sign as a question). Answer
 * text counts for less: it names much that an entry is not about. At 0.75 rather than 0.55 the
 * unseen AlmaLinux questions, ntfy and osu ranked or answered one or two more right and nothing
 * fell; 0.4 lost rank1 on osu and mise; 0.9 gained nothing more.
 */
const FIELD_WEIGHT: Record<Field, number> = {
  id: 1,
  keyword: 1,
  question: 1,
  alternate: 1,
  answer: 0.75,
};

/** How much of the similarity is the best single phrasing; the rest is all phrasings together. */
const BEST_PHRASING_SHARE = 0.7;
/** How much of the final score is the classifier's probability; the rest is similarity. */
const CLASSIFIER_SHARE = 0.6;
/**
 * The shares of the score that meaning may take rather than words, when an encoder is on (the
 * cosine of the query with the nearest of an entry's phrasings and answer sentences). Meaning
 * bridges vocabulary ("remove" / "uninstall") that term matching cannot, but alone it is weaker
 * than the words; calibration picks the share that finds the most probes' entries for this base.
 */
const SEMANTIC_SHARES = [0.15, 0.3, 0.45] as const;
/** Past this many phrasings the meaning signal is left off: a linear scan per query would cost milliseconds. */
const MAX_SEMANTIC_PHRASINGS = 20_000;
/**
 * An entry without alternates also trains the classifier on its answer's first sentences, as
 * examples of the entry: a fresh import has one question per entry, and the answer is where the
 * rest of its vocabulary is. Three measured best on the real-world pages (two and six lost top1
 * or raised false answers). An entry with alternates has members' own words already; its answer
 * sentences only blurred the curated base (more leave-one-out errors, no gain on its eval sets).
 */
const ANSWER_EXAMPLES = 3;
/**
 * Weight of the meaning vector beside the term weights in the classifier's features. 1.0 ranked
 * a little better on BANKING77 (rank1 0.781 against 0.772) but made the curated base's
 * leave-one-out answer held-out alternates with a neighbour; 0.6 keeps the real-world gains.
 */
const MEANING_FEATURE_WEIGHT = 0.6;
/**
 * Training touches every feature of every example once per class and epoch: at most this many
 * feature-class products per epoch, about 0.2 s of build per million. BANKING77 (77 entries,
 * meaning and terms) needs 6.6 million; the old rule (entries × phrasings at most a million,
 * some eight terms each) stopped near here too. A generated 350-entry base with meaning and
 * answer sentences would need 99 million (a 21 s build): it trains on terms instead (4.5
 * million, 2.4 s), as do bases from about 150 entries without alternates.
 */
const CLASSIFIER_BUDGET = 8_000_000;
/** A query the base knows none of keeps this share of its score; one it knows fully keeps all. */
const UNKNOWN_FLOOR = 0.5;
/** A query term found only by a near spelling counts for this much of the term itself. */
const TYPO_WEIGHT = 0.8;
/** A query term the base lacks, found as a synonym the base uses, counts for this much. */
const SYNONYM_WEIGHT = 0.7;
/** An entry's answer text may add at most this share of the score its phrasings left open. */
const ANSWER_HEADROOM = 0.5;
/** An entry nothing else scored joins the ranking from the classifier alone past this probability. */
const MIN_CLASSIFIER_PROBABILITY = 0.01;
/** The shortest half of a word written as two ("self" + "host"). */
const MIN_COMPOUND_PART = 3;
/** How many candidates a ranking keeps: enough for suggestions and the decision's margin. */
const CANDIDATES = 10;

interface Phrasing {
  readonly entry: number;
  readonly field: Field;
  readonly text: string;
  /** The language the phrasing is written in: the base's, or the index's translation. */
  readonly analyzer: Analyzer;
  readonly terms: readonly string[];
  /** The same terms as vocabulary ids. */
  readonly ids: readonly number[];
  norm: number;
}

/** A scored entry while ranking: the score so far and what explains it (a phrasing, or a word). */
interface Scored {
  score: number;
  /** Index of the best phrasing, or -1 when the score came from elsewhere. */
  phrasing: number;
  source: string;
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
  /** Query terms the base lacks, read as terms it has. */
  readonly readAs?: readonly ReadAs[];
}

export interface Calibration {
  /** Typical top score of a known phrasing asked again in other words (leave-one-out). */
  readonly inScope: readonly number[];
  /** Share of the score given to meaning (0: words only). */
  readonly semanticShare: number;
  /** Every probe asked, with what it found: `faqbot check`'s day-one estimate. */
  readonly probes: readonly Probe[];
}

/** One calibration probe: a wording the base had not seen, asked for one entry. */
export interface Probe {
  readonly entry: Entry;
  readonly kind: 'phrasing' | 'answer sentence' | 'part of the question';
  readonly text: string;
  /** The top candidate, if any, and its score. */
  readonly top?: Entry;
  readonly score: number;
}

export class TermIndex {
  private readonly entries: readonly Entry[];
  private readonly phrasings: Phrasing[] = [];
  /** Every term the base knows, interned: the hot loops index arrays instead of hashing strings. */
  private readonly vocabulary = new Map<string, number>();
  /** By term id: phrasing indexes, IDF, and the entries with their whole-entry weights. */
  private readonly postings: number[][] = [];
  private readonly idf: number[] = [];
  private readonly entryPostings: { entries: number[]; weights: number[] }[] = [];
  private readonly exact = new Map<string, number>();
  private readonly typos: TypoIndex;
  /** For a term the base lacks: the terms of its synonyms that the base has (each synonym's terms). */
  private readonly synonyms = new Map<string, number[][]>();
  private readonly maxIdf: number;
  private readonly entryNorms: number[] = [];
  private readonly classifier?: SoftmaxClassifier;
  /** Reused accumulators for rank(), sized to the phrasings and the entries. */
  private readonly scratch: Float64Array;
  private readonly entryScratch: Float64Array;
  /** The phrasings a classifier learns from: questions, alternates and keywords. */
  private readonly labelled: Phrasing[];
  /** Meaning vectors: of each phrasing, and of each answer sentence (owned by the answer phrasing). */
  private readonly meanings: { readonly owner: Phrasing; readonly vector: Float32Array }[] = [];
  /** Answer sentences as extra labelled examples for the classifier. */
  private readonly answerExamples: { readonly entry: number; readonly ids: readonly number[]; readonly vector?: Float32Array }[] = [];
  /** Each labelled phrasing's own meaning vector: classifier features beside its terms. */
  private readonly phrasingMeaning = new Map<Phrasing, Float32Array>();
  /** What the classifier is trained on; undefined when the base is too large to train one. */
  private readonly classifierPlan: ClassifierPlan | undefined;
  /** Share of the score that is meaning; set by calibrate(), 0 without an encoder. */
  private semanticShare = 0;
  /** A written word for each term, for explanations; made on the first one asked for. */
  private surfaces?: Map<number, string>;
  /** A query's terms, as the language it is asked in makes them. */
  private readonly queryTerms: (text: string) => string[];
  /** A query's words as written, each with its term; stop words (of either language) left out. */
  private readonly queryWords: (text: string) => { word: string; term: string }[];

  /**
   * `language`: the language queries are asked in. The index holds the base's phrasings, and
   * for another language also each entry's translation into it (question, alternates, answer),
   * each phrasing made into terms by its own language's stemmer and stop words.
   */
  constructor(
    kb: KnowledgeBase,
    private readonly encoder?: SentenceEncoder,
    language: Language = kb.language,
  ) {
    this.entries = kb.entries;
    const base = analyzerFor(kb.language);
    const member = analyzerFor(language);
    this.queryWords = (text) =>
      member
        .words(text)
        .filter((word) => !member.isStopWord(word) && !base.isStopWord(word))
        .flatMap((word) => this.queryTerms(word).map((term) => ({ word, term })));
    this.queryTerms =
      member === base ? (text) => base.terms(text) : (text) => mixedQueryTerms(text, member, base, (term) => this.vocabulary.has(term));
    const df: number[] = [];
    const lastEntry: number[] = [];
    kb.entries.forEach((entry, i) => {
      const add = (field: Field, text: string, analyzer: Analyzer = base) => {
        const t = unique(analyzer.terms(text));
        if (t.length === 0) return;
        const ids = t.map((term) => this.intern(term));
        for (const id of ids) {
          // Document frequency over entries: count each term once per entry.
          if (lastEntry[id] !== i) {
            lastEntry[id] = i;
            df[id] = (df[id] ?? 0) + 1;
          }
        }
        this.phrasings.push({ entry: i, field, text, analyzer, terms: t, ids, norm: 0 });
      };
      add('question', entry.question);
      entry.alternates.forEach((a) => add('alternate', a));
      entry.keywords.forEach((k) => add('keyword', k));
      add('id', entry.id.replace(/-/g, ' '));
      add('answer', entry.answer);
      const translation = member === base ? undefined : entry.translations?.[language];
      if (translation) {
        add('question', translation.question, member);
        translation.alternates.forEach((a) => add('alternate', a, member));
        add('answer', translation.answer, member);
      }
      for (const key of [entry.id, ...entry.keywords]) {
        const k = cleanText(key.replace(/-/g, ' '));
        if (k && !this.exact.has(k)) this.exact.set(k, i);
      }
    });
    const n = Math.max(1, kb.entries.length);
    let maxIdf = 0;
    for (let id = 0; id < df.length; id++) {
      const v = Math.log(1 + n / df[id]!);
      this.idf[id] = v;
      if (v > maxIdf) maxIdf = v;
      this.postings[id] = [];
      this.entryPostings[id] = { entries: [], weights: [] };
    }
    this.maxIdf = maxIdf || 1;
    // Per entry, the whole entry's phrasings taken as one document (term frequencies).
    const entryTf: Map<number, number>[] = kb.entries.map(() => new Map());
    this.phrasings.forEach((p, pi) => {
      let sq = 0;
      const tf = p.field === 'answer' ? undefined : entryTf[p.entry]!;
      for (const id of p.ids) {
        const w = this.idf[id]!;
        sq += w * w;
        this.postings[id]!.push(pi);
        if (tf) tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      p.norm = Math.sqrt(sq) || 1;
    });
    entryTf.forEach((tf, e) => {
      let sq = 0;
      for (const [id, count] of tf) {
        const w = (1 + Math.log(count)) * this.idf[id]!;
        sq += w * w;
        const list = this.entryPostings[id]!;
        list.entries.push(e);
        list.weights.push(w);
      }
      this.entryNorms.push(Math.sqrt(sq) || 1);
    });
    this.scratch = new Float64Array(this.phrasings.length);
    this.entryScratch = new Float64Array(kb.entries.length);
    this.typos = new TypoIndex(this.vocabulary.keys());
    // The matcher's groups in the language members ask in; the base's own in the base's language.
    this.indexSynonyms(synonymGroups(member.language), member);
    const ownGroups = kb.files.flatMap((f) => f.synonyms ?? []);
    this.indexSynonyms(ownGroups, base);
    this.labelled = this.phrasings.filter((p) => p.field === 'question' || p.field === 'alternate' || p.field === 'keyword');
    // Every query compares with every meaning vector: worth it up to a mid-size base only.
    const withMeaning = encoder !== undefined && this.phrasings.length <= MAX_SEMANTIC_PHRASINGS;
    for (const p of this.phrasings) {
      if (p.field === 'id') continue;
      const texts = p.field === 'answer' ? sentences(p.text) : [p.text];
      texts.forEach((t, i) => {
        const vector = withMeaning ? encoder!.embed(t) : undefined;
        const meaningful = vector !== undefined && vector.some((x) => x !== 0);
        if (meaningful) this.meanings.push({ owner: p, vector });
        if (p.field !== 'answer') {
          if (meaningful) this.phrasingMeaning.set(p, vector);
        } else if (i < ANSWER_EXAMPLES && kb.entries[p.entry]!.alternates.length === 0) {
          const ids = this.knownIds(t, p.analyzer);
          if (ids.length > 0) this.answerExamples.push({ entry: p.entry, ids, ...(meaningful ? { vector } : {}) });
        }
      });
    }
    this.classifierPlan = this.planClassifier();
    if (this.useClassifier()) this.classifier = this.train(this.labelled);
  }

  /** Per entry, the cosine of the query with its nearest phrasing or answer sentence. */
  private semantic(q: Float32Array, exclude?: ReadonlySet<Phrasing>): Float64Array {
    const best = new Float64Array(this.entries.length);
    if (!q.some((x) => x !== 0)) return best;
    for (const m of this.meanings) {
      if (exclude?.has(m.owner)) continue;
      const c = cosine(q, m.vector);
      if (c > best[m.owner.entry]!) best[m.owner.entry] = c;
    }
    return best;
  }

  /** Each synonym the base lacks, with the group's words (each one's terms) that the base has. */
  private indexSynonyms(groups: readonly (readonly string[])[], analyzer: Analyzer): void {
    for (const group of groups) {
      const members = group.map((m) => unique(analyzer.terms(m)));
      const known = members.map((stems) => stems.map((t) => this.vocabulary.get(t)));
      members.forEach((stems, i) => {
        if (stems.length !== 1 || this.vocabulary.has(stems[0]!)) return;
        const targets = known.filter((ids, j): ids is number[] => j !== i && ids.every((id) => id !== undefined));
        if (targets.length === 0) return;
        const list = this.synonyms.get(stems[0]!) ?? [];
        for (const ids of targets) if (!list.some((l) => l.join() === ids.join())) list.push(ids);
        this.synonyms.set(stems[0]!, list);
      });
    }
  }

  /** The index's ids of a text's distinct terms, leaving out those the index lacks. */
  private knownIds(text: string, analyzer: Analyzer): number[] {
    return unique(analyzer.terms(text))
      .map((term) => this.vocabulary.get(term))
      .filter((id): id is number => id !== undefined);
  }

  private intern(term: string): number {
    let id = this.vocabulary.get(term);
    if (id === undefined) this.vocabulary.set(term, (id = this.vocabulary.size));
    return id;
  }

  /** Terms that only hidden phrasings have: unknown to the index while those are left out. */
  private termsOnlyIn(hidden: ReadonlySet<Phrasing>): Set<number> {
    const out = new Set<number>();
    for (const p of hidden) {
      for (const id of p.ids) if (this.postings[id]!.every((pi) => hidden.has(this.phrasings[pi]!))) out.add(id);
    }
    return out;
  }

  private useClassifier(): boolean {
    return this.classifierPlan !== undefined;
  }

  /**
   * What the classifier learns from, the richest that fits the training budget: meaning vectors
   * and answer sentences, then answer sentences on terms alone, then the phrasings alone (as
   * before either existed), else no classifier.
   */
  private planClassifier(): ClassifierPlan | undefined {
    if (this.entries.length <= 1) return undefined;
    const dims = this.meanings[0]?.vector.length ?? 0;
    const cost = (plan: ClassifierPlan) => {
      let features = 0;
      for (const p of this.labelled) features += p.ids.length + (plan.dense && this.phrasingMeaning.has(p) ? dims : 0);
      if (plan.answers) for (const a of this.answerExamples) features += a.ids.length + (plan.dense && a.vector ? dims : 0);
      return features * this.entries.length;
    };
    const plans: ClassifierPlan[] = [
      { dense: true, answers: true },
      { dense: false, answers: true },
      { dense: false, answers: false },
    ];
    return plans.find((plan) => cost(plan) <= CLASSIFIER_BUDGET);
  }

  private train(phrasings: readonly Phrasing[], withoutAnswersOf?: ReadonlySet<number>): SoftmaxClassifier {
    const examples: Example[] = phrasings.map((p) => ({
      label: p.entry,
      ...this.features(this.vector(p.ids.map((id) => ({ id, weight: this.idf[id]! }))), this.phrasingMeaning.get(p)),
    }));
    for (const a of this.classifierPlan?.answers ? this.answerExamples : []) {
      if (withoutAnswersOf?.has(a.entry)) continue;
      examples.push({ label: a.entry, ...this.features(this.vector(a.ids.map((id) => ({ id, weight: this.idf[id]! }))), a.vector) });
    }
    return new SoftmaxClassifier(this.entries.length, examples);
  }

  /** Term features, and when the base has meaning vectors, the text's meaning as dense features. */
  private features(terms: Map<number, number>, meaning: Float32Array | undefined): Features {
    if (!meaning || !this.classifierPlan?.dense) return { terms };
    const dense = new Float32Array(meaning.length);
    for (let k = 0; k < meaning.length; k++) dense[k] = MEANING_FEATURE_WEIGHT * meaning[k]!;
    return { terms, dense };
  }

  private vector(weights: readonly { id: number; weight: number }[]): Map<number, number> {
    const v = new Map<number, number>();
    for (const { id, weight } of weights) v.set(id, (v.get(id) ?? 0) + weight);
    let sq = 0;
    for (const w of v.values()) sq += w * w;
    const norm = Math.sqrt(sq) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  }

  /**
   * The words of `text` the index can match to nothing: not a term of the base, and not read as
   * one by the query's resolution (two words written as one, a synonym, a near spelling). What
   * members say that the base lacks (insights), each word once, as written.
   */
  unknownWords(text: string): string[] {
    const query = this.resolveQuery(text, undefined);
    const read = new Set(query?.readAs.map((r) => r.word));
    const out = new Set<string>();
    for (const { word, term } of this.queryWords(text)) {
      if (term.length >= 3 && !/^\d+$/.test(term) && !this.vocabulary.has(term) && !read.has(term)) out.add(word);
    }
    return [...out];
  }

  /** The ranked candidates for a member's question, with the words it read as others. */
  rank(text: string): Ranked {
    return this.rankIn(text, { classifier: this.classifier, explain: true });
  }

  /**
   * The stages of a ranking, each adding to the entries' scores: the query's terms resolved
   * (typos included), similarity to each phrasing and answer, to each entry as a whole, the
   * classifier's probability, the meaning score, and exact ids and keywords on top.
   */
  private rankIn(text: string, scope: RankScope): Ranked {
    const query = this.resolveQuery(text, scope.exclude);
    if (!query) return { candidates: [], empty: true, exact: false, coverage: 0 };
    const best = new Map<number, Scored>();
    this.scorePhrasings(query, scope.exclude, best);
    this.scoreEntries(query, best);
    const meaning = this.encoder && this.meanings.length > 0 ? this.encoder.embed(text) : undefined;
    if (scope.classifier) this.mixClassifier(scope.classifier, query, meaning, best);
    if (this.semanticShare > 0 && meaning) this.mixMeaning(meaning, scope.exclude, best);
    const exactEntry = scope.exclude ? undefined : this.exact.get(cleanText(text));
    if (exactEntry !== undefined) best.set(exactEntry, { score: 1, phrasing: -1, source: 'exact keyword or id' });
    const candidates = topK(best, CANDIDATES).map(([e, scored]): Candidate => ({
      entry: this.entries[e]!,
      // What the base does not know of the query weighs against every candidate alike.
      score: Math.min(1, e === exactEntry ? scored.score : scored.score * (UNKNOWN_FLOOR + (1 - UNKNOWN_FLOOR) * query.coverage)),
      why: this.explain(scored),
    }));
    // Only a member's question says how it was read: calibration's probes need no words.
    const readAs = scope.explain ? query.readAs : [];
    return {
      candidates,
      empty: false,
      exact: exactEntry !== undefined,
      coverage: query.coverage,
      ...(readAs.length > 0
        ? { readAs: readAs.map((r) => ({ ...r, word: this.surfaceOfQuery(text, r.word), as: r.as.map((id) => this.surfaceOf(id)) })) }
        : {}),
    };
  }

  /** Each query term as index terms: itself, or its nearest spellings at a discount. */
  private resolveQuery(text: string, exclude: ReadonlySet<Phrasing> | undefined): ResolvedQuery | undefined {
    const queryTerms = unique(this.queryTerms(text));
    if (queryTerms.length === 0) return undefined;
    const resolved: { id: number; weight: number }[] = [];
    const readAs: { word: string; as: number[]; because: ReadAs['because'] }[] = [];
    let known = 0;
    let total = 0;
    let qsq = 0;
    const hidden = exclude ? this.termsOnlyIn(exclude) : undefined;
    for (const term of queryTerms) {
      const id = this.vocabulary.get(term);
      if (id !== undefined && !hidden?.has(id)) {
        const w = this.idf[id]!;
        resolved.push({ id, weight: w });
        known += w;
        total += w;
        qsq += w * w;
        continue;
      }
      total += this.maxIdf;
      qsq += this.maxIdf * this.maxIdf;
      const parts = this.compoundParts(term, hidden);
      if (parts) {
        for (const partId of parts) resolved.push({ id: partId, weight: this.idf[partId]! * TYPO_WEIGHT });
        readAs.push({ word: term, as: parts, because: 'two words' });
        known += this.maxIdf * TYPO_WEIGHT;
        continue;
      }
      const synonyms = this.synonyms.get(term)?.filter((ids) => !ids.some((id) => hidden?.has(id)));
      if (synonyms && synonyms.length > 0) {
        for (const ids of synonyms) for (const id of ids) resolved.push({ id, weight: this.idf[id]! * SYNONYM_WEIGHT });
        readAs.push({ word: term, as: synonyms.flat(), because: 'synonym' });
        known += this.maxIdf * SYNONYM_WEIGHT;
        continue;
      }
      const near = this.typos.near(term);
      for (const alt of near) {
        const altId = this.vocabulary.get(alt)!;
        resolved.push({ id: altId, weight: this.idf[altId]! * TYPO_WEIGHT });
      }
      if (near.length > 0) {
        known += this.maxIdf * TYPO_WEIGHT;
        readAs.push({ word: term, as: near.map((alt) => this.vocabulary.get(alt)!), because: 'spelling' });
      }
    }
    return { resolved, coverage: total > 0 ? known / total : 0, norm: Math.sqrt(qsq) || 1, readAs };
  }

  /** A word of the base for a term id, as its phrasings write it (terms are stems: "remov"). */
  private surfaceOf(id: number): string {
    if (!this.surfaces) {
      this.surfaces = new Map();
      for (const p of this.phrasings) {
        for (const word of p.analyzer.words(p.text)) {
          const termId = this.vocabulary.get(p.analyzer.stem(word));
          if (termId !== undefined && !this.surfaces.has(termId)) this.surfaces.set(termId, word);
        }
      }
    }
    return this.surfaces.get(id) ?? [...this.vocabulary].find(([, i]) => i === id)?.[0] ?? '';
  }

  /** The member's word for a term of their question. */
  private surfaceOfQuery(text: string, term: string): string {
    return this.queryWords(text).find((w) => w.term === term)?.word ?? term;
  }

  /**
   * A word the base lacks that is two words it has, written as one ("selfhost", "webui",
   * "dockerfile"): the split whose rarer half is rarest. Halves under three letters are left
   * alone, so "reinstall" does not become "re" and "install".
   */
  private compoundParts(term: string, hidden: ReadonlySet<number> | undefined): [number, number] | undefined {
    if (term.length < 2 * MIN_COMPOUND_PART || /\d/.test(term)) return undefined;
    let chosen: [number, number] | undefined;
    let chosenIdf = 0;
    for (let i = MIN_COMPOUND_PART; i <= term.length - MIN_COMPOUND_PART; i++) {
      const head = this.vocabulary.get(term.slice(0, i));
      const tail = this.vocabulary.get(term.slice(i));
      if (head === undefined || tail === undefined || hidden?.has(head) || hidden?.has(tail)) continue;
      const idf = Math.min(this.idf[head]!, this.idf[tail]!);
      if (idf > chosenIdf) [chosen, chosenIdf] = [[head, tail], idf];
    }
    return chosen;
  }

  /** Cosine with each phrasing (the best one per entry counts), then with each answer text. */
  private scorePhrasings(query: ResolvedQuery, exclude: ReadonlySet<Phrasing> | undefined, best: Map<number, Scored>): void {
    // Accumulate into a reused typed array: far cheaper than a Map on large bases.
    const dot = this.scratch;
    const touched: number[] = [];
    for (const { id, weight } of query.resolved) {
      const idf = this.idf[id]!;
      for (const pi of this.postings[id]!) {
        if (dot[pi] === 0) touched.push(pi);
        dot[pi] = dot[pi]! + weight * idf;
      }
    }
    const answerScore = new Map<number, number>();
    for (const pi of touched) {
      const d = dot[pi]!;
      dot[pi] = 0;
      const p = this.phrasings[pi]!;
      if (exclude?.has(p)) continue;
      const cos = d / (query.norm * p.norm);
      if (p.field === 'answer') {
        // An entry translated into the index's language has two answers: the closer one counts.
        answerScore.set(p.entry, Math.max(answerScore.get(p.entry) ?? 0, cos));
        continue;
      }
      const s = cos * FIELD_WEIGHT[p.field];
      const prev = best.get(p.entry);
      if (!prev) best.set(p.entry, { score: s, phrasing: pi, source: '' });
      else if (s > prev.score) {
        prev.score = s;
        prev.phrasing = pi;
      }
    }
    for (const [e, a] of answerScore) {
      const prev = best.get(e);
      const base = prev?.score ?? 0;
      const s = base + (1 - base) * a * FIELD_WEIGHT.answer * ANSWER_HEADROOM;
      if (prev) prev.score = s;
      else best.set(e, { score: s, phrasing: -1, source: 'answer text' });
    }
  }

  /** The entry's phrasings taken together: rewards terms its many alternates share. */
  private scoreEntries(query: ResolvedQuery, best: Map<number, Scored>): void {
    const edot = this.entryScratch;
    const touchedEntries: number[] = [];
    for (const { id, weight } of query.resolved) {
      const postings = this.entryPostings[id]!;
      for (let k = 0; k < postings.entries.length; k++) {
        const e = postings.entries[k]!;
        if (edot[e] === 0) touchedEntries.push(e);
        edot[e] = edot[e]! + weight * postings.weights[k]!;
      }
    }
    for (const e of touchedEntries) {
      const cos = edot[e]! / (query.norm * this.entryNorms[e]!);
      edot[e] = 0;
      const prev = best.get(e);
      const s = BEST_PHRASING_SHARE * (prev?.score ?? 0) + (1 - BEST_PHRASING_SHARE) * cos;
      if (prev) prev.score = s;
      else best.set(e, { score: s, phrasing: -1, source: 'all phrasings' });
    }
  }

  private mixClassifier(
    classifier: SoftmaxClassifier,
    query: ResolvedQuery,
    meaning: Float32Array | undefined,
    best: Map<number, Scored>,
  ): void {
    const p = classifier.predict(this.features(this.vector(query.resolved), meaning));
    for (let e = 0; e < p.length; e++) {
      const prev = best.get(e);
      if (!prev && p[e]! < MIN_CLASSIFIER_PROBABILITY) continue;
      const s = (1 - CLASSIFIER_SHARE) * (prev?.score ?? 0) + CLASSIFIER_SHARE * p[e]!;
      if (prev) prev.score = s;
      else best.set(e, { score: s, phrasing: -1, source: 'classifier' });
    }
  }

  private mixMeaning(query: Float32Array, exclude: ReadonlySet<Phrasing> | undefined, best: Map<number, Scored>): void {
    const meaning = this.semantic(query, exclude);
    for (let e = 0; e < meaning.length; e++) {
      const prev = best.get(e);
      if (!prev && meaning[e]! <= 0) continue;
      const s = (1 - this.semanticShare) * (prev?.score ?? 0) + this.semanticShare * meaning[e]!;
      if (prev) prev.score = s;
      else best.set(e, { score: s, phrasing: -1, source: 'meaning' });
    }
  }

  private explain(scored: Scored): string {
    const p = scored.phrasing >= 0 ? this.phrasings[scored.phrasing] : undefined;
    return p ? `${p.field}: ${p.text}` : scored.source;
  }

  /**
   * What "in scope" looks like for this base: the top scores of probes that still find their
   * entry, pooled from three kinds so that a base with one phrasing per entry (a fresh import)
   * is measured as fairly as a curated one with many:
   *   - each sampled question or alternate, left out (with the entry's id, which often repeats
   *     the question word for word and would make the probe look easier than a member's words);
   *   - for entries without alternates, the first sentence of each answer, with that answer left out (how people who read the
   *     page phrase the topic);
   *   - part of each question's words, in another order, with the id left out (a member who
   *     half-remembers the title).
   * The held-out phrasings are also hidden from a classifier trained without them.
   */
  calibrate(limit = 160): Calibration {
    const shares = this.meanings.length > 0 ? SEMANTIC_SHARES : [0];
    const specs = this.probeSet(limit);
    let chosen: { share: number; found: number; scores: number[]; probes: Probe[] } | undefined;
    for (const share of shares) {
      this.semanticShare = share;
      const probes: Probe[] = [];
      const scores = this.probeScores(specs, probes);
      // A larger share must find clearly more (a few probes more) to be taken: meaning is the
      // weaker signal, and a base should not flip between shares over one edit.
      if (!chosen || scores.length > chosen.found + Math.max(1, chosen.found * 0.02))
        chosen = { share, found: scores.length, scores, probes };
    }
    this.semanticShare = chosen!.share;
    return { inScope: chosen!.scores, semanticShare: chosen!.share, probes: chosen!.probes };
  }

  /** Calibrates with another build's meaning share instead of trying each share again. */
  adopt(calibration: Calibration, limit = 160): Calibration {
    this.semanticShare = this.meanings.length > 0 ? calibration.semanticShare : 0;
    const probes: Probe[] = [];
    return { inScope: this.probeScores(this.probeSet(limit), probes), semanticShare: this.semanticShare, probes };
  }

  /** The sorted top scores of the calibration probes that found their own entry. */
  /**
   * The probes calibration asks, with what each hides. They do not depend on the meaning share,
   * so they (and the held-out classifier, the costly part) are made once per calibration.
   */
  private probeSet(limit: number): ProbeSpec[] {
    const pool = this.labelled.filter((p) => p.field !== 'keyword');
    const step = Math.max(1, Math.floor(pool.length / Math.min(limit, Math.ceil(pool.length / 5))));
    const heldOut = new Set<Phrasing>();
    for (let i = 0; i < pool.length; i += step) heldOut.add(pool[i]!);
    const every = Math.max(1, Math.floor(this.entries.length / limit));
    const answerProbed = new Set<number>();
    for (let e = 0; e < this.entries.length; e += every) if (this.entries[e]!.alternates.length === 0) answerProbed.add(e);
    const classifier = this.useClassifier()
      ? this.train(
          this.labelled.filter((p) => !heldOut.has(p)),
          answerProbed,
        )
      : undefined;
    const of = (field: Field) => new Map(this.phrasings.filter((p) => p.field === field).map((p) => [p.entry, p] as const));
    const idOf = of('id');
    const answerOf = of('answer');
    const questionOf = of('question');
    const hide = (...phrasings: (Phrasing | undefined)[]) => new Set(phrasings.filter((h): h is Phrasing => h !== undefined));
    const specs: ProbeSpec[] = [];
    for (const p of heldOut) specs.push({ text: p.text, entry: p.entry, hide: hide(p, idOf.get(p.entry)), classifier, kind: 'phrasing' });
    for (let e = 0; e < this.entries.length; e += every) {
      // An entry with alternates is already probed through them, in members' own words.
      if (this.entries[e]!.alternates.length > 0) continue;
      const sentence = firstSentence(this.entries[e]!.answer);
      if (sentence && answerOf.has(e))
        specs.push({ text: sentence, entry: e, hide: hide(answerOf.get(e)), classifier, kind: 'answer sentence' });
      const q = questionOf.get(e);
      if (q && q.terms.length >= 3) {
        const part = q.terms
          .filter((_, i) => i % 3 !== 1)
          .reverse()
          .join(' ');
        specs.push({ text: part, entry: e, hide: hide(idOf.get(e)), classifier: this.classifier, kind: 'part of the question' });
      }
    }
    return specs;
  }

  /** Asks each probe; returns the sorted top scores of those that found their own entry. */
  private probeScores(specs: readonly ProbeSpec[], asked: Probe[]): number[] {
    const scores: number[] = [];
    for (const spec of specs) {
      const top = this.rankIn(spec.text, { exclude: spec.hide, classifier: spec.classifier ?? this.classifier }).candidates[0];
      const entry = this.entries[spec.entry]!;
      asked.push({ entry, kind: spec.kind, text: spec.text, top: top?.entry, score: top?.score ?? 0 });
      if (top && top.entry === entry) scores.push(top.score);
    }
    return scores.sort((a, b) => a - b);
  }
}

interface ClassifierPlan {
  /** Meaning vectors as dense features beside the terms. */
  readonly dense: boolean;
  /** Answer sentences as examples of entries without alternates. */
  readonly answers: boolean;
}

/** What a ranking sees: calibration's probes hide phrasings and use a held-out classifier. */
interface RankScope {
  readonly exclude?: ReadonlySet<Phrasing>;
  readonly classifier: SoftmaxClassifier | undefined;
  /** Say which words were read as others (a member's question, not a calibration probe). */
  readonly explain?: boolean;
}

interface ResolvedQuery {
  /** Index terms with the query's weight for each (near spellings discounted). */
  readonly resolved: readonly { id: number; weight: number }[];
  /** Share of the query's term weight that the index knows. */
  readonly coverage: number;
  readonly norm: number;
  /** Terms the base lacks and the term ids they were read as. */
  readonly readAs: readonly { word: string; as: readonly number[]; because: ReadAs['because'] }[];
}

interface ProbeSpec {
  readonly text: string;
  readonly entry: number;
  readonly hide: ReadonlySet<Phrasing>;
  readonly classifier: SoftmaxClassifier | undefined;
  readonly kind: Probe['kind'];
}

/** The k best by score (ties: knowledge-base order), without sorting every scored entry. */
function topK(scores: ReadonlyMap<number, Scored>, k: number): [number, Scored][] {
  const better = (a: [number, Scored], b: [number, Scored]) => b[1].score - a[1].score || a[0] - b[0];
  const top: [number, Scored][] = [];
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

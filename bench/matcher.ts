// Matcher speed against a plain fuse.js matcher over the same phrasings, measured in one run:
// the BANKING77 base (real wording), a generated base of 10,000 entries, and `faqbot ask` as
// a whole process against a bare `node` start.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import Fuse from 'fuse.js';
import type { Entry, KnowledgeBase } from '../src/domain.js';
import { readCases } from '../src/eval/cases.js';
import { buildKnowledgeBase, loadKnowledge } from '../src/knowledge/load.js';
import { buildMatcher } from '../src/match/matcher.js';
import { AnswerService } from '../src/service/answer-service.js';
import { MAX_CANDIDATES } from '../src/service/bounded-autocomplete.js';
import { LIMITS } from '../adapters/discord/limits.js';
import { fmt, percentile, type BenchSuite } from './suite.js';

/** Choices per keystroke, as Discord asks for them. */
const CHOICES = LIMITS.choices;

/** The baseline the issue names: fuse.js over every phrasing, ignoring location. */
function plainFuse(kb: KnowledgeBase) {
  const rows = kb.entries.flatMap((e) => [e.question, ...e.alternates, ...e.keywords].map((text) => ({ id: e.id, text })));
  const fuse = new Fuse(rows, { keys: ['text'], ignoreLocation: true, includeScore: true });
  return (q: string) => fuse.search(q, { limit: 5 });
}

function timeEach(queries: readonly string[], fn: (q: string) => unknown): number[] {
  return queries.map((q) => {
    const t = performance.now();
    fn(q);
    return performance.now() - t;
  });
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

/** A deterministic base of `n` entries with made-up but word-like vocabulary. */
export function generatedBase(n: number, startSeed = 42, vocabSize = 20_000): KnowledgeBase {
  let seed = startSeed;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const syllables = ['ka', 'lo', 'mi', 'ser', 'ta', 'vor', 'ne', 'pul', 'dri', 'shan', 'ex', 'qua', 'zo', 'bel', 'tin', 'gra'];
  const vocab = Array.from({ length: vocabSize }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () => syllables[Math.floor(rand() * syllables.length)]).join(''),
  );
  const word = () => vocab[Math.floor(rand() ** 2 * vocab.length)]!;
  const phrase = (k: number) => Array.from({ length: k }, word).join(' ');
  const meta = { file: 'generated.yaml', title: 'Generated' };
  const entries: Entry[] = Array.from({ length: n }, (_, i) => ({
    id: `entry-${i}`,
    question: `how do i ${phrase(5)}`,
    answer: phrase(40),
    alternates: Array.from({ length: 5 }, () => phrase(6)),
    keywords: Array.from({ length: 2 }, () => word()),
    links: [],
    related: [],
    tags: [],
    pinned: false,
    meta,
    location: { file: 'generated.yaml', line: i + 1, col: 1 },
  }));
  return buildKnowledgeBase(entries, [meta]);
}

export const matcherSuite: BenchSuite = {
  name: 'matcher',
  async run(log) {
    // BANKING77: 3,080 real questions against 77 entries.
    const banking = loadKnowledge('eval/banking77/knowledge.yaml').knowledge;
    const questions = readCases('eval/banking77/cases.yaml').map((c) => c.q);
    const build = timed(() => buildMatcher(banking));
    const fuseBuild = timed(() => plainFuse(banking));
    timeEach(questions.slice(0, 200), (q) => build.value.match(q)); // warm-up
    const ours = timeEach(questions, (q) => build.value.match(q));
    const sample = questions.filter((_, i) => i % 4 === 0);
    const theirs = timeEach(sample, fuseBuild.value);
    const p50 = percentile(ours, 0.5);
    const fp50 = percentile(theirs, 0.5);
    log(`BANKING77 (77 entries, ${questions.length} queries)`);
    log(`  faqbot  build ${fmt(build.ms)}  p50 ${fmt(p50)}  p99 ${fmt(percentile(ours, 0.99))}`);
    log(`  fuse.js build ${fmt(fuseBuild.ms)}  p50 ${fmt(fp50)}  p99 ${fmt(percentile(theirs, 0.99))}  (${sample.length} queries)`);
    log(`  faqbot is ${(fp50 / p50).toFixed(1)}x faster than plain fuse.js at p50`);
    // The same base with the meaning signal off: what the fused score costs.
    const words = timed(() => buildMatcher(banking, { semantic: 'off' }));
    timeEach(questions.slice(0, 200), (q) => words.value.match(q));
    const wordsOnly = timeEach(questions, (q) => words.value.match(q));
    log(
      `  words only (matcher.semantic: off)  build ${fmt(words.ms)}  p50 ${fmt(percentile(wordsOnly, 0.5))}  p99 ${fmt(percentile(wordsOnly, 0.99))}`,
    );
    log(`  meaning on costs ${(p50 / percentile(wordsOnly, 0.5)).toFixed(1)}x the words-only p50`);

    // 10,000 generated entries: build, query, heap.
    const big = generatedBase(10_000);
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const bigBuild = timed(() => buildMatcher(big));
    globalThis.gc?.();
    const heapAfter = process.memoryUsage().heapUsed;
    const bigQueries = big.entries.filter((_, i) => i % 20 === 0).map((e) => e.alternates[0]!.split(' ').slice(0, 4).join(' '));
    const bigTimes = timeEach(bigQueries, (q) => bigBuild.value.match(q));
    const firstComplete = timed(() => bigBuild.value.autocomplete('how do', CHOICES));
    const bigFuse = plainFuse(big);
    const bigFuseTimes = timeEach(bigQueries.slice(0, 5), bigFuse);
    log(`Generated base (10,000 entries, ${bigQueries.length} queries)`);
    log(
      `  faqbot  build ${fmt(bigBuild.ms)}  p50 ${fmt(percentile(bigTimes, 0.5))}  p99 ${fmt(percentile(bigTimes, 0.99))}  heap +${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MB (total ${(heapAfter / 2 ** 20).toFixed(0)} MB)${globalThis.gc ? '' : ' (run node with --expose-gc for exact heap)'}`,
    );
    log(`  autocomplete index, built on first use: ${fmt(firstComplete.ms)} (not part of the build above)`);
    log(
      `  fuse.js p50 ${fmt(percentile(bigFuseTimes, 0.5))} (5 queries): faqbot ${(percentile(bigFuseTimes, 0.5) / percentile(bigTimes, 0.5)).toFixed(0)}x faster`,
    );
    void bigBuild.value;

    // Autocomplete while a member types a question, one call per keystroke: the service's
    // bounded autocomplete (a shortlist for fuse.js) against the matcher's pass over every entry.
    const service = new AnswerService({ knowledge: big, matcher: { semantic: 'off' } });
    const shortlistBuild = timed(() => service.prepareAutocomplete());
    const typing = big.entries.filter((_, i) => i % 2000 === 7).map((e) => `${e.question} ${e.alternates[0]}`.slice(0, 43));
    const keystrokes = typing.flatMap((q) => Array.from({ length: q.length - 2 }, (_, k) => q.slice(0, k + 3)));
    const bounded = timeEach(keystrokes, (q) => service.autocomplete(q, CHOICES));
    const fullPass = timeEach(
      [5, 15, 25, 35, 43].map((n) => typing[0]!.slice(0, n)),
      (q) => bigBuild.value.autocomplete(q, CHOICES),
    );
    log(`Autocomplete while typing (10,000 entries, ${keystrokes.length} keystrokes up to 43 characters)`);
    log(
      `  bounded (shortlist of ${MAX_CANDIDATES})  p50 ${fmt(percentile(bounded, 0.5))}  max ${fmt(Math.max(...bounded))}  index (built at start-up) ${fmt(shortlistBuild.ms)}`,
    );
    log(
      `  fuse.js over every entry  p50 ${fmt(percentile(fullPass, 0.5))}  max ${fmt(Math.max(...fullPass))} (5 keystrokes): bounded is ${(percentile(fullPass, 0.5) / percentile(bounded, 0.5)).toFixed(0)}x faster at p50, ${(Math.max(...fullPass) / Math.max(...bounded)).toFixed(0)}x at the worst keystroke`,
    );
  },
};

export const processSuite: BenchSuite = {
  name: 'process',
  async run(log) {
    const bin = resolve('dist/bin/faqbot.js');
    const runs = 5;
    const node = Array.from({ length: runs }, () => timed(() => spawnSync(process.execPath, ['-e', '0'])).ms);
    const ask = Array.from(
      { length: runs },
      () => timed(() => spawnSync(process.execPath, [bin, 'ask', 'how long is almalinux 9 supported'], { encoding: 'utf8' })).ms,
    );
    log(`faqbot ask on the bundled knowledge base, whole process (${runs} runs)`);
    log(
      `  median ${fmt(percentile(ask, 0.5))}; a bare node start ${fmt(percentile(node, 0.5))} (${(percentile(ask, 0.5) / percentile(node, 0.5)).toFixed(1)}x)`,
    );
  },
};

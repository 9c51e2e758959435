// Many communities from one deployment: 200 communities of 50 to 500 generated entries each,
// answered through the CommunityRouter as the adapters call it, with its default LRU of
// matchers. Build time (per community, as each first question pays it), heap and p50/p99
// answer time are reported as ratios against one community of the largest size, measured in
// the same run (never as absolute limits).
//
// Every matcher is built once, but at most MATCHER_CACHE_SIZE are kept, as in a deployment:
// keeping all 200 (about 1.7 GB of heap) made every later build pay for the collector walking
// that heap, and the suite ran for 25 minutes on the 2-core machine, measuring the collector
// more than the builds.
import { DEFAULT_MATCHER_SETTINGS } from '../src/match/settings.js';
import { DEFAULT_POLICY_SETTINGS } from '../src/service/policy-settings.js';
import { mergeSettings } from '../src/settings/merge.js';
import type { KnowledgeBase, Query } from '../src/domain.js';
import { CommunityRouter, MATCHER_CACHE_SIZE, type CommunityPlan } from '../src/service/community-router.js';
import { generatedBase } from './matcher.js';
import { fmt, percentile, type BenchSuite } from './suite.js';

const COMMUNITIES = 200;
const MIN_ENTRIES = 50;
const MAX_ENTRIES = 500;
/** Questions asked of each community whose matcher is kept. */
const ASKS_PER_COMMUNITY = 10;
/** Skewed traffic: this many asks, nine in ten from the HOT busiest communities... */
const SKEWED_ASKS = 500;
const HOT = 20;
/** ...and one in COLD_EVERY from anywhere in the 200, which may have to be built again. */
const COLD_EVERY = 10;

const sizeOf = (i: number) => Math.round(MIN_ENTRIES + (i * (MAX_ENTRIES - MIN_ENTRIES)) / (COMMUNITIES - 1));
const idOf = (i: number) => `T${String(i).padStart(6, '0')}`;

function plan(key: string, path: string): CommunityPlan {
  return {
    key,
    name: key,
    knowledgePath: path,
    policy: mergeSettings(DEFAULT_POLICY_SETTINGS, { rateLimitCount: 1_000_000 }),
    matcher: { ...DEFAULT_MATCHER_SETTINGS },
  };
}

function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Asks taken from the entries' own alternates, cut short: what members type. */
function questionsOf(kb: KnowledgeBase, n: number): string[] {
  return Array.from({ length: n }, (_, i) => kb.entries[(i * 7) % kb.entries.length]!.alternates[i % 5]!.split(' ').slice(0, 4).join(' '));
}

function query(communityId: string, text: string, n: number): Query {
  return { text, platform: 'bench', communityId, channelId: `C${n % 50}`, asker: { id: `U${n}` }, via: 'command' };
}

async function timeAsk(router: CommunityRouter, communityId: string, text: string, n: number): Promise<number> {
  const t = performance.now();
  await router.ask(query(communityId, text, n));
  return performance.now() - t;
}

async function timeAsks(router: CommunityRouter, asks: readonly { communityId: string; text: string }[]): Promise<number[]> {
  const times: number[] = [];
  for (const [n, a] of asks.entries()) times.push(await timeAsk(router, a.communityId, a.text, n));
  return times;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export const communitiesSuite: BenchSuite = {
  name: 'communities',
  async run(log) {
    const p99 = (xs: number[]) => percentile(xs, 0.99);
    const gcNote = globalThis.gc ? '' : ' (approximate: run node with --expose-gc for exact heap)';

    // Baseline: one community of the largest size, alone in its router.
    const single = generatedBase(MAX_ENTRIES, 7, 5000);
    const heap0 = heapMb();
    const one = new CommunityRouter({ communities: [plan('default', 'single')], knowledge: () => single, separate: true });
    let t = performance.now();
    one.for('T0SINGLE').warm();
    const oneBuild = performance.now() - t;
    const heapOne = heapMb() - heap0;
    const oneQuestions = questionsOf(single, MATCHER_CACHE_SIZE * ASKS_PER_COMMUNITY);
    await timeAsks(
      one,
      oneQuestions.slice(0, 200).map((text) => ({ communityId: 'T0SINGLE', text })),
    ); // warm-up
    const oneTimes = await timeAsks(
      one,
      oneQuestions.map((text) => ({ communityId: 'T0SINGLE', text })),
    );
    // Each part is printed when measured: the suite takes minutes (200 matcher builds).
    log(`Baseline: 1 community of ${MAX_ENTRIES} entries`);
    log(
      `  matcher build ${fmt(oneBuild)}  heap +${heapOne.toFixed(1)} MB  answer p50 ${fmt(percentile(oneTimes, 0.5))}  p99 ${fmt(p99(oneTimes))} (${oneTimes.length} asks)`,
    );

    // 200 communities, each its own knowledge of 50 to 500 entries.
    t = performance.now();
    const bases = Array.from({ length: COMMUNITIES }, (_, i) => generatedBase(sizeOf(i), 1000 + i, 5000));
    const generateMs = performance.now() - t;
    const entries = sum(bases.map((kb) => kb.entries.length));
    const plans = [plan('default', 'gen:0'), ...bases.map((_, i) => plan(idOf(i), `gen:${i}`))];
    const byPath = new Map(bases.map((kb, i) => [`gen:${i}`, kb]));
    const heapBases = heapMb();
    t = performance.now();
    const router = new CommunityRouter({ communities: plans, knowledge: (p) => byPath.get(p)!, separate: true });
    const startMs = performance.now() - t;
    log(
      `${COMMUNITIES} communities of ${MIN_ENTRIES}-${MAX_ENTRIES} entries (${entries} in all; generated in ${fmt(generateMs)}, not counted)`,
    );
    log(`  router start ${fmt(startMs)} (no matcher built yet)`);

    // Every community's first question builds its matcher: the cost each pays on first use.
    // Small and large communities alternate, so the collector's load is spread evenly.
    const order = Array.from({ length: COMMUNITIES }, (_, k) => (k % 2 === 0 ? k / 2 : COMMUNITIES - 1 - (k - 1) / 2));
    const firstMs = new Array<number>(COMMUNITIES);
    for (const [k, i] of order.entries()) {
      firstMs[i] = await timeAsk(router, idOf(i), questionsOf(bases[i]!, 1)[0]!, k);
      if ((k + 1) % 50 === 0 && k + 1 < COMMUNITIES) log(`    ${k + 1} of ${COMMUNITIES} built...`);
    }
    const mean = sum(firstMs) / COMMUNITIES;
    const bySize = (lo: number, hi: number) => firstMs.filter((_, i) => sizeOf(i) >= lo && sizeOf(i) < hi);
    const bucket = (lo: number, hi: number) => {
      const p50 = percentile(bySize(lo, hi), 0.5);
      return `${lo}-${Math.min(hi, MAX_ENTRIES + 1) - 1} entries ${fmt(p50)} (${(p50 / oneBuild).toFixed(2)}x)`;
    };
    log(
      `  first question of each (builds its matcher): total ${(sum(firstMs) / 1000).toFixed(1)} s; per community mean ${fmt(mean)} = ${(mean / oneBuild).toFixed(2)}x the baseline's build, p50 ${fmt(percentile(firstMs, 0.5))}, p99 ${fmt(p99(firstMs))}`,
    );
    // Not monotonic in size: the classifier's training budget drops its costliest features on
    // the largest bases, so a 500-entry base can build faster than a 400-entry one.
    log(
      `    p50 by size, against the baseline's build: ${[bucket(50, 150), bucket(150, 300), bucket(300, 450), bucket(450, MAX_ENTRIES + 1)].join('; ')}`,
    );
    const heapKept = heapMb() - heapBases;
    const kept = router.matcherStats().kept;
    log(
      `  heap with the default LRU (${kept} of ${COMMUNITIES} matchers kept): +${heapKept.toFixed(1)} MB, ${(heapKept / kept).toFixed(1)} MB a matcher; the baseline's one ${heapOne.toFixed(1)} MB${gcNote}`,
    );

    // Answer time across communities whose matchers are built: the last MATCHER_CACHE_SIZE built.
    const warm = order.slice(-MATCHER_CACHE_SIZE);
    const asks = Array.from({ length: warm.length * ASKS_PER_COMMUNITY }, (_, n) => {
      const i = warm[(n * 37) % warm.length]!;
      return { communityId: idOf(i), text: questionsOf(bases[i]!, ASKS_PER_COMMUNITY)[Math.floor(n / warm.length)]! };
    });
    const builtBefore = router.matcherStats().built;
    const warmTimes = await timeAsks(router, asks);
    log(
      `  answer across the ${warm.length} kept communities: p50 ${fmt(percentile(warmTimes, 0.5))}  p99 ${fmt(p99(warmTimes))} = ${(p99(warmTimes) / p99(oneTimes)).toFixed(2)}x the baseline's p99 (${warmTimes.length} asks, ${router.matcherStats().built - builtBefore} rebuilds)`,
    );

    // Skewed traffic, as in real deployments: most questions from a few busy communities, the
    // rest from anywhere, where a community let go by the LRU is built again.
    const skewed = Array.from({ length: SKEWED_ASKS }, (_, n) => {
      const i = n % COLD_EVERY === COLD_EVERY - 1 ? (Math.floor(n / COLD_EVERY) * 37) % COMMUNITIES : (n * 13) % HOT;
      return { communityId: idOf(i), text: questionsOf(bases[i]!, ASKS_PER_COMMUNITY)[n % ASKS_PER_COMMUNITY]! };
    });
    const before = router.matcherStats().built;
    const skewedTimes = await timeAsks(router, skewed);
    const rebuilds = router.matcherStats().built - before;
    log(
      `  skewed traffic (${SKEWED_ASKS} asks, ${COLD_EVERY - 1} in ${COLD_EVERY} from ${HOT} busy communities, the rest from all ${COMMUNITIES}): ${rebuilds} rebuilds; answer p50 ${fmt(percentile(skewedTimes, 0.5))}  p99 ${fmt(p99(skewedTimes))} = ${(p99(skewedTimes) / p99(oneTimes)).toFixed(1)}x the baseline's (p99 includes rebuilds)`,
    );
    void one;
    void router;
  },
};

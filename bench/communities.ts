// Many communities from one deployment: 200 communities of 50 to 500 generated entries each,
// answered through the CommunityRouter as the adapters call it. Build time, heap and p99
// answer time are reported as ratios against one community of the largest size, measured in
// the same run (never as absolute limits).
import { defaultSettings } from '../src/config.js';
import type { KnowledgeBase, Query } from '../src/domain.js';
import { CommunityRouter, MATCHER_CACHE_SIZE, type CommunityPlan } from '../src/service/community-router.js';
import { generatedBase } from './matcher.js';
import { fmt, percentile, type BenchSuite } from './suite.js';

const COMMUNITIES = 200;
const MIN_ENTRIES = 50;
const MAX_ENTRIES = 500;
/** Questions asked of each community once its matcher is built. */
const ASKS_PER_COMMUNITY = 10;
/** With the default LRU: this many asks, four in five from the HOT busiest communities. */
const SKEWED_ASKS = 1000;
const HOT = 20;

const sizeOf = (i: number) => Math.round(MIN_ENTRIES + (i * (MAX_ENTRIES - MIN_ENTRIES)) / (COMMUNITIES - 1));
const idOf = (i: number) => `T${String(i).padStart(6, '0')}`;

function plan(key: string, path: string): CommunityPlan {
  return { key, name: key, knowledgePath: path, policy: { ...defaultSettings.policy, rateLimitCount: 1_000_000 }, matcher: { ...defaultSettings.matcher } };
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

async function timeAsks(router: CommunityRouter, asks: readonly { communityId: string; text: string }[]): Promise<number[]> {
  const times: number[] = [];
  let n = 0;
  for (const a of asks) {
    const t = performance.now();
    await router.ask(query(a.communityId, a.text, n++));
    times.push(performance.now() - t);
  }
  return times;
}

export const communitiesSuite: BenchSuite = {
  name: 'communities',
  async run(log) {
    // Baseline: one community of the largest size, alone in its router.
    const single = generatedBase(MAX_ENTRIES, 7, 5000);
    const heap0 = heapMb();
    const one = new CommunityRouter({ communities: [plan('default', 'single')], knowledge: () => single, separate: true });
    let t = performance.now();
    one.for('T0SINGLE').warm();
    const oneBuild = performance.now() - t;
    const heapOne = heapMb() - heap0;
    const oneQuestions = questionsOf(single, COMMUNITIES * ASKS_PER_COMMUNITY);
    await timeAsks(one, oneQuestions.slice(0, 200).map((text) => ({ communityId: 'T0SINGLE', text }))); // warm-up
    const oneTimes = await timeAsks(one, oneQuestions.map((text) => ({ communityId: 'T0SINGLE', text })));

    const p99 = (xs: number[]) => percentile(xs, 0.99);
    const gcNote = globalThis.gc ? '' : ' (approximate: run node with --expose-gc for exact heap)';
    // Each part is printed when measured: the whole suite takes minutes (200 matcher builds).
    log(`Baseline: 1 community of ${MAX_ENTRIES} entries`);
    log(`  matcher build ${fmt(oneBuild)}  heap +${heapOne.toFixed(1)} MB  answer p50 ${fmt(percentile(oneTimes, 0.5))}  p99 ${fmt(p99(oneTimes))} (${oneTimes.length} asks)`);

    // 200 communities, each its own knowledge of 50 to 500 entries.
    t = performance.now();
    const bases = Array.from({ length: COMMUNITIES }, (_, i) => generatedBase(sizeOf(i), 1000 + i, 5000));
    const generateMs = performance.now() - t;
    const entries = bases.reduce((sum, kb) => sum + kb.entries.length, 0);
    const plans = [plan('default', 'gen:0'), ...bases.map((_, i) => plan(idOf(i), `gen:${i}`))];
    const byPath = new Map(bases.map((kb, i) => [`gen:${i}`, kb]));
    const heapBases = heapMb();
    t = performance.now();
    const all = new CommunityRouter({ communities: plans, knowledge: (p) => byPath.get(p)!, separate: true, matcherCacheSize: COMMUNITIES });
    const startMs = performance.now() - t;
    // Every community's first question builds its matcher: the cost spread over first use.
    const firstAsks = bases.map((kb, i) => ({ communityId: idOf(i), text: questionsOf(kb, 1)[0]! }));
    const firstTimes = await timeAsks(all, firstAsks);
    const buildAll = firstTimes.reduce((a, b) => a + b, 0);
    const heapAll = heapMb() - heapBases;
    const asks = Array.from({ length: COMMUNITIES * ASKS_PER_COMMUNITY }, (_, n) => {
      const i = (n * 37) % COMMUNITIES;
      return { communityId: idOf(i), text: questionsOf(bases[i]!, ASKS_PER_COMMUNITY)[Math.floor(n / COMMUNITIES)]! };
    });
    const allTimes = await timeAsks(all, asks);

    log(`${COMMUNITIES} communities of ${MIN_ENTRIES}-${MAX_ENTRIES} entries (${entries} in all; generated in ${fmt(generateMs)}, not counted)`);
    log(`  router start ${fmt(startMs)} (no matcher built yet)`);
    log(`  first question of each (builds its matcher): total ${fmt(buildAll)} = ${(buildAll / oneBuild).toFixed(1)}x one ${MAX_ENTRIES}-entry build; p99 ${fmt(p99(firstTimes))}`);
    log(`  all ${COMMUNITIES} matchers kept: heap +${heapAll.toFixed(1)} MB = ${(heapAll / heapOne).toFixed(1)}x the baseline's${gcNote}`);
    log(`  answer p50 ${fmt(percentile(allTimes, 0.5))}  p99 ${fmt(p99(allTimes))} = ${(p99(allTimes) / p99(oneTimes)).toFixed(2)}x the baseline's p99 (${allTimes.length} asks across communities)`);

    // The default LRU (MATCHER_CACHE_SIZE): memory held to the matchers in use, at the price
    // of rebuilding one when traffic comes back to a community that was let go. Traffic is
    // skewed as in real deployments: most questions come from a few busy communities.
    const heapBefore = heapMb();
    const bounded = new CommunityRouter({ communities: plans, knowledge: (p) => byPath.get(p)!, separate: true });
    const skewed = Array.from({ length: SKEWED_ASKS }, (_, n) => {
      const i = n % 5 === 4 ? (Math.floor(n / 5) * 37) % COMMUNITIES : (n * 13) % HOT;
      return { communityId: idOf(i), text: questionsOf(bases[i]!, ASKS_PER_COMMUNITY)[n % ASKS_PER_COMMUNITY]! };
    });
    const boundedTimes = await timeAsks(bounded, skewed);
    const heapBounded = heapMb() - heapBefore;

    log(`  with the default LRU of ${MATCHER_CACHE_SIZE} matchers: heap +${heapBounded.toFixed(1)} MB = ${(heapBounded / heapAll).toFixed(2)}x all kept; ${bounded.matcherStats().built} builds for ${skewed.length} asks (4 in 5 from ${HOT} busy communities, the rest spread over all); answer p50 ${fmt(percentile(boundedTimes, 0.5))}  p99 ${fmt(p99(boundedTimes))} = ${(p99(boundedTimes) / p99(oneTimes)).toFixed(1)}x the baseline's (p99 includes rebuilds)`);
    void one;
    void all;
    void bounded;
  },
};

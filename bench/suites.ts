import type { BenchSuite } from './suite.js';
import { matcherSuite, processSuite } from './matcher.js';
import { discordSuite } from './discord.js';
import { slackSuite } from './slack.js';
import { replicasSuite } from './replicas.js';
import { communitiesSuite } from './communities.js';

/** Every suite `npm run bench` runs, in order. */
export const suites: BenchSuite[] = [matcherSuite, processSuite, discordSuite, slackSuite, replicasSuite, communitiesSuite];

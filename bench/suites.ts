import type { BenchSuite } from './suite.js';
import { slackSuite } from './slack.js';

/** Every suite `npm run bench` runs, in order. */
export const suites: BenchSuite[] = [slackSuite];

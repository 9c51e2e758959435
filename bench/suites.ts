import type { BenchSuite } from './suite.js';

/** Every suite `npm run bench` runs, in order. */
export const suites: BenchSuite[] = [];

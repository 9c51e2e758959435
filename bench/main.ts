// `npm run bench [-- --only NAME]`: the development benchmarks. They drive the fakes of test/,
// so they are built apart from dist/ (tsconfig.bench.json, into dist-bench/) and are no command
// of the published CLI; the CLI never imports them.
import { parseArgs } from 'node:util';
import { suites } from './suites.js';

const names = suites.map((s) => s.name).join(', ');
let only: string | undefined;
try {
  only = parseArgs({ options: { only: { type: 'string' } } }).values.only;
} catch (error) {
  console.error(`npm run bench: ${(error as Error).message}; usage: npm run bench [-- --only NAME], NAME one of ${names}`);
  process.exit(2);
}
const chosen = only === undefined ? suites : suites.filter((s) => s.name === only);
if (chosen.length === 0) {
  console.error(`npm run bench: no suite named "${only}"; choose one of ${names}`);
  process.exit(2);
}
for (const suite of chosen) {
  console.log(`\n== ${suite.name}`);
  await suite.run((line) => console.log(line));
}

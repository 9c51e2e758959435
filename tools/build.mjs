// `npm run build` (and prepare): a clean dist/ emitted by tsc without type-checking (under
// `npm ci --omit=dev` the @types packages are absent; `npm run typecheck` is the type check),
// with the package's bins executable, since npx and the image run them directly.
// `node tools/build.mjs --bench`: the benchmarks with the test fakes they drive, into
// dist-bench/ (tsconfig.bench.json), so dist/ never holds test code.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const bench = process.argv.includes('--bench');
rmSync(bench ? 'dist-bench' : 'dist', { recursive: true, force: true });
const project = bench ? 'tsconfig.bench.json' : 'tsconfig.build.json';
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', project, '--noCheck'], { stdio: 'inherit' });
if (!bench) {
  const { bin } = JSON.parse(readFileSync('package.json', 'utf8'));
  for (const file of [...Object.values(bin), 'dist/bin/healthcheck.js']) chmodSync(file, 0o755);
}

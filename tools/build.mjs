// `npm run build` (and prepare): a clean dist/ emitted by tsc without type-checking (under
// `npm ci --omit=dev` the @types packages are absent; `npm run typecheck` is the type check),
// with the package's bins executable, since npx and the image run them directly.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--noCheck'], { stdio: 'inherit' });
const { bin } = JSON.parse(readFileSync('package.json', 'utf8'));
for (const file of [...Object.values(bin), 'dist/bin/healthcheck.js']) chmodSync(file, 0o755);

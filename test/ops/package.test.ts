// What an operator installs: the package ships what runs and nothing else, and the build tool
// that `prepare` needs is there in a production install (`npm ci --omit=dev`).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'dist/bin/faqbot.js');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  license: string;
};

function packedFiles(): string[] {
  // --ignore-scripts: the build already ran (npm test builds first); packing must not rebuild.
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  const [report] = JSON.parse(out) as [{ files: { path: string }[] }];
  return report.files.map((f) => f.path);
}

describe('the published package', () => {
  const files = packedFiles();

  it('ships the bot, its knowledge, schema, model and a LICENSE', () => {
    for (const f of [
      'dist/bin/faqbot.js',
      'dist/src/config.js',
      'dist/cli/run-cli.js',
      'dist/adapters/slack/app.js',
      'knowledge/almalinux.yaml',
      'schema/knowledge.schema.json',
      'models/use-lite-static.bin',
      'adapters/slack/manifest.yaml',
      'LICENSE',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(pkg.license).toBe('MIT');
  });

  it('leaves out the tests, their fakes, the benchmarks and source maps', () => {
    expect(
      files.filter((f) => f.startsWith('dist/test/') || f.startsWith('dist/bench/') || f.startsWith('test/') || f.startsWith('bench/')),
    ).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it('builds no test or benchmark code into dist/ (the benchmarks build into dist-bench/)', () => {
    expect(existsSync(join(root, 'dist/src/index.js'))).toBe(true);
    expect(existsSync(join(root, 'dist/test'))).toBe(false);
    expect(existsSync(join(root, 'dist/bench'))).toBe(false);
  });

  it('keeps the build tool prepare runs among the production dependencies', () => {
    // `npm ci --omit=dev` from a clone runs `prepare` (the build); without tsc it exits 127.
    expect(pkg.dependencies.typescript).toBeDefined();
    expect(pkg.devDependencies.typescript).toBeUndefined();
  });

  it('builds its bins executable, as npx and the container run them', () => {
    for (const f of ['dist/bin/faqbot.js', 'dist/bin/healthcheck.js']) expect(statSync(join(root, f)).mode & 0o111, f).not.toBe(0);
  });

  it("answers --version with package.json's version", () => {
    if (!existsSync(bin)) throw new Error('dist/bin/faqbot.js is missing: run `npm run build` first (npm test does)');
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toBe(`faqbot ${pkg.version}`);
  });
});

// Which Node versions the bot runs on: engines names exactly the majors CI tests (20, 22 and
// 24; the insights store uses node:sqlite on 24, see test/insights/drivers.test.ts). On 24 it
// starts at 24.15, where node:sqlite became a release candidate: earlier 24.x print an
// ExperimentalWarning when it loads, a line on stderr that is not one of the bot's JSON logs.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('Node versions', () => {
  it('engines names exactly the majors CI tests: 20, 22 and 24', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('^20.12.0 || ^22.0.0 || ^24.15.0');
    const ci = readFileSync(join(root, '.ci/run'), 'utf8');
    expect(ci).toContain('node@22');
    expect(ci).toContain('node@24');
  });
});

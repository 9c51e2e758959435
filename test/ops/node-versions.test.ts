// Which Node versions the bot runs on: engines says what CI tests, and on Node 24 (where
// better-sqlite3 12.x aborts the process) the bot refuses to start with insights on, saying why.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSIGHTS_NODE_MAJORS, insightsRuntimeProblem } from '../../src/insights/runtime.js';

const root = resolve(import.meta.dirname, '../..');

describe('Node versions', () => {
  it('engines names exactly the majors the insights store runs on, and CI tests', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('^20.12.0 || ^22.0.0');
    expect(INSIGHTS_NODE_MAJORS).toEqual([20, 22]);
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toContain('node@22');
  });

  it.each(['20.12.0', '22.23.3'])('runs on Node %s', (v) => {
    expect(insightsRuntimeProblem(v)).toBeUndefined();
  });

  it.each(['24.21.0', '25.0.0'])('on Node %s says why not and what to do', (v) => {
    expect(insightsRuntimeProblem(v)).toMatch(new RegExp(`^Node ${v.replaceAll('.', '\\.')} is not supported with insights on: better-sqlite3 12\\.x.*run Node 20 or 22, or set insights\\.enabled: false`));
  });
});

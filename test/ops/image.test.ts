// The container image as the Dockerfile describes it (no Docker engine runs here: .ci/run runs
// .ci/image-steps.sh itself and starts the result). These checks keep the Dockerfile, the
// steps script and the package pointing at the same files.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsRoutes, startOpsServer, type OpsServer } from '../../src/ops/server.js';
import { Metrics } from '../../src/ops/metrics.js';

const root = resolve(import.meta.dirname, '../..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const healthcheck = join(root, 'dist/bin/healthcheck.js');

function runHealthcheck(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [healthcheck], {
      env: { PATH: process.env.PATH ?? '', ...env },
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.once('exit', (code) => done({ code, stderr }));
  });
}

describe('the container image', () => {
  it('builds in one stage and runs as a non-root user in another, through .ci/image-steps.sh', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^RUN sh \/src\/\.ci\/image-steps\.sh build \/src \/app$/m);
    expect(dockerfile).toMatch(/^RUN sh .*image-steps\.sh runtime \/app$/m);
    const users = [...dockerfile.matchAll(/^USER (\S+)$/gm)].map((m) => m[1]);
    expect(users).toEqual(['node']);
    expect(dockerfile).toMatch(/^VOLUME \["\/app\/knowledge", "\/app\/data"\]$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/bin\/faqbot\.js", "start"\]$/m);
  });

  it('checks health with a script the package ships', () => {
    const cmd = /^HEALTHCHECK .* CMD \["node", "([^"]+)"\]$/m.exec(dockerfile)?.[1];
    expect(cmd).toBe('dist/bin/healthcheck.js');
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
    ) as [{ files: { path: string }[] }];
    expect(packed[0].files.map((f) => f.path)).toContain(cmd);
  });

  it('has a compose file running the bot with both volumes and the ops port', () => {
    const compose = parse(readFileSync(join(root, 'compose.yaml'), 'utf8')) as {
      services: Record<string, { volumes: string[]; ports: string[]; init: boolean }>;
    };
    const bot = compose.services.faqbot!;
    expect(bot.volumes.map((v) => v.split(':')[1])).toEqual(['/app/knowledge', '/app/data']);
    expect(bot.ports).toEqual(['3000:3000']);
    expect(bot.init).toBe(true);
  });

  describe('the health check', () => {
    let server: OpsServer;
    beforeAll(async () => {
      if (!existsSync(healthcheck)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
      const source = { metrics: new Metrics(), readiness: () => ({ ready: true, reasons: [], platforms: {} }) };
      server = await startOpsServer(0, opsRoutes(source));
    });
    afterAll(() => server?.close());

    it('passes when /healthz answers on FAQBOT_HTTP_PORT', async () => {
      expect(await runHealthcheck({ FAQBOT_HTTP_PORT: String(server.port) })).toEqual({ code: 0, stderr: '' });
    });

    it('fails, saying where it looked, when nothing answers', async () => {
      const closed = await startOpsServer(0, []);
      await closed.close();
      const result = await runHealthcheck({ PORT: String(closed.port) });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`http://127.0.0.1:${closed.port}/healthz`);
    });
  });
});

// Issue 10's acceptance, run as an operator runs the bot: the built `faqbot start` as its own
// process (from this checkout, or from the production install .ci/run makes in a fresh clone
// with FAQBOT_E2E_ROOT), in Slack HTTP mode against the local fake Slack.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { httpDriver } from '../fakes/slack/driver.js';
import { BOT_TOKEN, FakeSlack } from '../fakes/slack/fake-slack.js';
import { appMention, eventCallback, slashCommand } from '../fakes/slack/payloads.js';
import { KNOWLEDGE, SIGNING_SECRET, USERS } from '../slack/harness.js';
import { metricValue, parsePrometheus } from './prometheus.js';

const root = resolve(process.env.FAQBOT_E2E_ROOT ?? resolve(import.meta.dirname, '../..'));
const bin = join(root, 'dist/bin/faqbot.js');

type Line = Record<string, unknown> & { msg?: string };

/** The bot's stderr, parsed line by line as it arrives; a line that is not JSON fails the test. */
class Output {
  readonly raw: string[] = [];
  readonly lines: Line[] = [];
  private waiters: (() => void)[] = [];
  private buffered = '';

  constructor(stream: NodeJS.ReadableStream) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      this.buffered += chunk;
      const parts = this.buffered.split('\n');
      this.buffered = parts.pop() ?? '';
      for (const p of parts) {
        if (p === '') continue;
        this.raw.push(p);
        this.lines.push(JSON.parse(p) as Line);
      }
      for (const w of this.waiters.splice(0)) w();
    });
  }

  async waitFor(match: (l: Line) => boolean, what: string): Promise<Line> {
    for (;;) {
      const found = this.lines.find(match);
      if (found) return found;
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no log line ${what}; got:\n${this.raw.join('\n')}`)), 20_000);
        this.waiters.push(() => {
          clearTimeout(timer);
          done();
        });
      });
    }
  }
}

async function get(port: number, path: string) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, text: await res.text() };
}

describe('faqbot start, as an operator runs it', () => {
  let child: ChildProcess | undefined;
  let fake: FakeSlack | undefined;
  let cwd: string | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await fake?.close();
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  it('serves health, readiness and metrics, logs JSON without secrets, and exits 0 on SIGTERM', async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` first (npm test does)`);
    fake = await FakeSlack.start(USERS);
    cwd = await mkdtemp(join(tmpdir(), 'faqbot-acceptance-'));
    // Slack is slow to accept the token: the bot is up, but not ready.
    const releaseAuth = fake.hold('auth.test');
    child = spawn(process.execPath, [bin, 'start'], {
      cwd,
      // Only what the bot needs: no inherited FAQBOT_* or tokens from the developer's shell.
      env: {
        PATH: process.env.PATH ?? '',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        FAQBOT_HTTP_PORT: '0',
        FAQBOT_KNOWLEDGE: KNOWLEDGE,
        FAQBOT_DB: join(cwd, 'faqbot.db'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child!.once('exit', (code, signal) => done({ code, signal })),
    );
    const err = new Output(child.stderr!);
    const out = new Output(child.stdout!);

    const opsLine = await err.waitFor(
      (l) => typeof l.msg === 'string' && l.msg.startsWith('ops: '),
      'saying where the ops endpoints listen',
    );
    const opsPort = opsLine.port as number;
    await fake.waitForCall('auth.test');
    expect(await get(opsPort, '/healthz')).toEqual({ status: 200, text: '{"status":"ok"}\n' });
    const notReady = await get(opsPort, '/readyz');
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.text)).toMatchObject({ status: 'not ready', reasons: ['slack: connecting'] });

    releaseAuth();
    const started = await err.waitFor((l) => l.msg === 'faqbot started', 'faqbot started');
    expect(started).toMatchObject({ level: 'info', platforms: ['slack'], knowledge: { files: 1 }, http: { port: opsPort } });
    const slackPort = (await err.waitFor((l) => typeof l.msg === 'string' && l.msg.startsWith('slack: listening'), 'slack: listening'))
      .port as number;
    expect(await get(opsPort, '/readyz')).toMatchObject({ status: 200 });

    const slack = httpDriver(`http://127.0.0.1:${slackPort}/slack/events`, SIGNING_SECRET);
    for (const text of ['migrate', 'reset forum', 'xyzzy quantum flux']) {
      expect(
        (await slack.command(slashCommand({ text, userId: `U${text.length}`, channelId: 'CACC', responseUrl: fake.responseUrl() }))).status,
      ).toBe(200);
    }
    // A Slack error that echoes the secrets back: the log line about it must not.
    fake.fail('chat.postMessage', `token_revoked ${BOT_TOKEN} ${SIGNING_SECRET}`);
    await slack.event(
      eventCallback(
        appMention({ text: '<@UBOT> how do I migrate from centos?', userId: 'UMENTION', channelId: 'CACC2', ts: '1700000300.000001' }),
      ),
    );
    await err.waitFor((l) => typeof l.msg === 'string' && l.msg.includes('token_revoked'), 'about the refused post');

    const samples = parsePrometheus((await get(opsPort, '/metrics')).text);
    const slackAsks = samples
      .filter((s) => s.name === 'faqbot_asks_total' && s.labels.platform === 'slack')
      .reduce((n, s) => n + s.value, 0);
    expect(slackAsks).toBe(4);
    expect(metricValue(samples, 'faqbot_asks_total', { platform: 'slack', decision: 'answer' })).toBeGreaterThanOrEqual(1);

    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    const stopped = await err.waitFor((l) => l.msg === 'faqbot stopped', 'faqbot stopped');
    expect(stopped).toMatchObject({ reason: 'SIGTERM', platformsClosed: ['slack'], answersAbandoned: 0 });

    expect(out.raw).toEqual([]);
    for (const line of err.lines)
      expect(line).toMatchObject({ level: expect.any(String), time: expect.any(String), msg: expect.any(String) });
    const all = err.raw.join('\n');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
    expect(all).toContain('[redacted]');
  });
});

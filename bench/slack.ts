// The Slack adapter over HTTP, end to end: 1,000 signed `/faq` requests to the bot started
// exactly as `npm start` starts it (`faqbot start` in its own process, HTTP mode, PORT=0),
// against a minimal local Slack (auth.test and response_url). Ack latency is compared with a
// bare node:http server, also in its own process, that checks the same signature and acks
// the same requests, measured in the same run. With 20 in flight, a request that finds more
// than a few answers ahead of it is acknowledged at once and answered at its response_url, so
// "answer reaches Slack" is then timed to the post's arrival.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../src/knowledge/load.js';
import { fmt, percentile, type BenchSuite } from './suite.js';

const REQUESTS = 1000;
const WARMUP = 100;
/** Requests in flight at once in the burst phase, as when a busy workspace asks together. */
const BURST = 20;
const SECRET = 'bench-signing-secret';
const BOT_TOKEN = 'xoxb-bench';
/** The built CLI next to this file (dist/bench/slack.js → dist/bin/faqbot.js). */
const CLI = fileURLToPath(new URL('../bin/faqbot.js', import.meta.url));

export const slackSuite: BenchSuite = {
  name: 'slack',
  async run(log) {
    const knowledgeDir = resolve(process.cwd(), 'knowledge');
    const questions = loadKnowledge(knowledgeDir, process.cwd()).knowledge.entries.map((e) => e.question);
    if (questions.length === 0) {
      log('no knowledge in ./knowledge; run the bench from the project folder');
      return;
    }
    if (!existsSync(CLI)) {
      log(`the built CLI is missing (${CLI}); run \`npm run bench\`, which builds first`);
      return;
    }
    const slack = await startFakeSlack();
    const cwd = await mkdtemp(join(tmpdir(), 'faqbot-bench-slack-'));
    const children: ChildProcess[] = [];
    const agent = new Agent({ keepAlive: true, maxSockets: BURST });
    try {
      const bot = await spawnAndWait(
        process.execPath,
        [CLI, 'start'],
        cwd,
        {
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: slack.apiUrl,
          PORT: '0',
          FAQBOT_KNOWLEDGE: knowledgeDir,
          FAQBOT_DB: join(cwd, 'bench.db'),
        },
        /listening for Slack requests on port (\d+)/,
        children,
      );
      const baseline = await spawnAndWait(
        process.execPath,
        ['--input-type=module', '-e', BASELINE_SOURCE],
        cwd,
        { BENCH_SECRET: SECRET },
        /^port (\d+)/m,
        children,
      );
      const botUrl = `http://127.0.0.1:${bot}/slack/events`;
      const baselineUrl = `http://127.0.0.1:${baseline}/slack/events`;
      let n = 0;
      const send = async (url: string, waitForAnswer: boolean) => {
        const i = ++n;
        const responseUrl = `${slack.base}/response/${i}`;
        // A fresh member each time, so the per-member rate limit measures nothing here.
        const body = new URLSearchParams({
          token: 't',
          team_id: 'T0BENCH',
          channel_id: 'C0BENCH',
          user_id: `U${i}`,
          user_name: `u${i}`,
          command: '/faq',
          text: questions[i % questions.length]!,
          response_url: responseUrl,
          trigger_id: `tr${i}`,
          api_app_id: 'A0BENCH',
        }).toString();
        const t0 = performance.now();
        const res = await post(url, body, agent);
        const ack = performance.now() - t0;
        if (res.status !== 200) throw new Error(`bench: ${url} answered ${res.status}`);
        // A private answer arrives with the ack; anything else is posted to response_url later.
        const answer = !waitForAnswer ? 0 : res.body ? ack : (await slack.answerOf(String(i))) - t0;
        return { ack, answer, onAck: res.body !== '' };
      };
      for (let i = 0; i < WARMUP; i++) {
        await send(botUrl, true);
        await send(baselineUrl, false);
      }
      const botAcks: number[] = [];
      const answers: number[] = [];
      const baseAcks: number[] = [];
      // Interleaved, so both see the same machine conditions.
      for (let i = 0; i < REQUESTS; i++) {
        const r = await send(botUrl, true);
        botAcks.push(r.ack);
        answers.push(r.answer);
        baseAcks.push((await send(baselineUrl, false)).ack);
      }
      const row = (label: string, s: number[]) =>
        `  ${label.padEnd(34)} ${fmt(percentile(s, 0.5)).padStart(9)} ${fmt(percentile(s, 0.99)).padStart(9)}`;
      log(`${REQUESTS} signed /faq requests over HTTP, one at a time, keep-alive (after ${WARMUP} warm-up)`);
      log(`  ${''.padEnd(34)} ${'p50'.padStart(9)} ${'p99'.padStart(9)}`);
      log(row('baseline ack (node:http + HMAC)', baseAcks));
      log(row('faqbot ack (Bolt HTTPReceiver)', botAcks));
      log(row('answer reaches Slack', answers));
      const burst = async (url: string, waitForAnswer: boolean, count = REQUESTS) => {
        const acks: number[] = [];
        const answered: number[] = [];
        let onAck = 0;
        let next = 0;
        await Promise.all(
          Array.from({ length: BURST }, async () => {
            while (next < count) {
              next++;
              const r = await send(url, waitForAnswer);
              acks.push(r.ack);
              answered.push(r.answer);
              if (r.onAck) onAck++;
            }
          }),
        );
        return { acks, answered, onAck };
      };
      // A warm-up of its own: a burst takes paths (an ack at once, a post to response_url) that
      // requests one at a time do not, and the figures are of a bot that has run a while.
      await burst(baselineUrl, false, WARMUP);
      await burst(botUrl, true, WARMUP);
      const burstBase = await burst(baselineUrl, false);
      const burstBot = await burst(botUrl, true);
      const ratio = percentile(botAcks, 0.99) / Math.max(percentile(baseAcks, 0.99), 1e-6);
      const ratio50 = percentile(botAcks, 0.5) / Math.max(percentile(baseAcks, 0.5), 1e-6);
      log(
        `  ack vs baseline: ${ratio50.toFixed(1)}× at p50, ${ratio.toFixed(1)}× at p99; aim p99 ack < 20 ms: ${percentile(botAcks, 0.99) < 20 ? 'met' : 'NOT met'}`,
      );
      log(`${REQUESTS} more, ${BURST} in flight at once (after ${WARMUP} warm-up)`);
      log(row('baseline ack (node:http + HMAC)', burstBase.acks));
      log(row('faqbot ack (Bolt HTTPReceiver)', burstBot.acks));
      log(row('answer reaches Slack', burstBot.answered));
      log(
        `  ${burstBot.onAck} of ${REQUESTS} answers rode on their ack; ${REQUESTS - burstBot.onAck} were acknowledged at once and posted to response_url`,
      );
      const burstRatio = percentile(burstBot.acks, 0.99) / Math.max(percentile(burstBase.acks, 0.99), 1e-6);
      log(
        `  ack vs baseline: ${burstRatio.toFixed(1)}× at p99; aim p99 ack < 20 ms: ${percentile(burstBot.acks, 0.99) < 20 ? 'met' : 'NOT met'}`,
      );
    } finally {
      agent.destroy();
      await Promise.all(children.map(stopChild));
      await close(slack.server);
      await rm(cwd, { recursive: true, force: true });
    }
  },
};

/** Just enough Slack: auth.test for start-up, and response_url posts timed on arrival. */
async function startFakeSlack() {
  const waiters = new Map<string, (at: number) => void>();
  const arrived = new Map<string, number>();
  const server = createServer((req, res) => {
    void readAll(req).then(() => {
      const at = performance.now();
      const url = req.url ?? '';
      if (url.startsWith('/response/')) {
        const id = url.slice('/response/'.length);
        const w = waiters.get(id);
        if (w) {
          waiters.delete(id);
          w(at);
        } else arrived.set(id, at);
        return json(res, { ok: true });
      }
      if (url.startsWith('/api/auth.test')) return json(res, { ok: true, team_id: 'T0BENCH', user_id: 'UBOT', bot_id: 'BBOT' });
      json(res, { ok: true });
    });
  });
  const port = await listen(server);
  const base = `http://127.0.0.1:${port}`;
  return {
    server,
    base,
    apiUrl: `${base}/api/`,
    answerOf(id: string): Promise<number> {
      const at = arrived.get(id);
      if (at !== undefined) {
        arrived.delete(id);
        return Promise.resolve(at);
      }
      return new Promise((done) => waiters.set(id, done));
    },
  };
}

/** The least a Slack HTTP endpoint must do: read the body, check the signature and age, ack. */
const BASELINE_SOURCE = `
import { createServer } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
const secret = process.env.BENCH_SECRET;
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const ts = String(req.headers['x-slack-request-timestamp'] ?? '');
    const given = Buffer.from(String(req.headers['x-slack-signature'] ?? ''));
    const expected = Buffer.from('v0=' + createHmac('sha256', secret).update('v0:' + ts + ':' + Buffer.concat(chunks).toString('utf8')).digest('hex'));
    const fresh = Math.abs(Date.now() / 1000 - Number(ts)) < 300;
    res.writeHead(fresh && given.length === expected.length && timingSafeEqual(given, expected) ? 200 : 401);
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write('port ' + server.address().port + '\\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** Starts a process and resolves with the number its output announces (a port). */
function spawnAndWait(
  cmd: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  announce: RegExp,
  children: ChildProcess[],
): Promise<number> {
  const child = spawn(cmd, args, { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench: ${args.join(' ').slice(0, 40)} did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = announce.exec(output);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench: ${args.join(' ').slice(0, 40)} exited (${code}):\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

function post(url: string, body: string, agent: Agent): Promise<{ status: number; body: string }> {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return new Promise((done, fail) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': signature,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function listen(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

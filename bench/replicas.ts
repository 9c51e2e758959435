// Two replicas on one Redis against one: 1,000 signed Slack `/faq` requests and 1,000 signed
// Discord HTTP interactions, 20 in flight, spread over the replicas; every request must get
// exactly one answer. Then Slack events each delivered to both replicas (the second as Slack's
// retry) must be answered once. Each replica is its own process (bench/replica-main.ts); the
// single replica is measured in the same run. Needs Redis on 127.0.0.1:6379 (else skipped).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../src/knowledge/load.js';
import { fmt, percentile, type BenchSuite } from './suite.js';

const REQUESTS = 1000;
const IN_FLIGHT = 20;
const DUPLICATED_EVENTS = 200;
/** An answer posted to response_url later than this after its ack counts as lost. */
const ANSWER_WAIT_MS = 10_000;
const SECRET = 'bench-signing-secret';
const REDIS_URL = 'redis://127.0.0.1:6379';
const MAIN = fileURLToPath(new URL('./replica-main.js', import.meta.url));

interface Replica {
  slack: number;
  http: number;
}

export const replicasSuite: BenchSuite = {
  name: 'replicas',
  async run(log) {
    if (!(await reachable(6379))) {
      log('skipped: no Redis on 127.0.0.1:6379 (start redis-server to measure replicas sharing state)');
      return;
    }
    const knowledgeDir = resolve(process.cwd(), 'knowledge');
    const questions = loadKnowledge(knowledgeDir, process.cwd()).knowledge.entries.map((e) => e.question);
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const publicHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
    const slack = await fakeSlack();
    const cwd = await mkdtemp(join(tmpdir(), 'faqbot-bench-replicas-'));
    const children: ChildProcess[] = [];
    const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    const prefix = `faqbot_bench_${process.pid}_${Date.now()}:`;
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      DISCORD_TOKEN: 'bench-token',
      DISCORD_PUBLIC_KEY: publicHex,
      FAQBOT_DISCORD_INTERACTIONS: 'http',
      FAQBOT_DISCORD_GATEWAY: 'off',
      FAQBOT_KNOWLEDGE: knowledgeDir,
      FAQBOT_REDIS_URL: REDIS_URL,
      FAQBOT_REDIS_PREFIX: prefix,
    };
    try {
      const start = (name: string) => spawnReplica(cwd, { ...env, FAQBOT_DB: join(cwd, `${name}.db`) }, children);
      const single = [await start('single')];
      const pair = [await start('a'), await start('b')];
      let n = 0;
      const slackAsk = async (r: Replica) => {
        const i = ++n;
        const body = new URLSearchParams({
          token: 't',
          team_id: 'T0BENCH',
          channel_id: 'C0BENCH',
          user_id: `U${i}`,
          user_name: `u${i}`,
          command: '/faq',
          text: questions[i % questions.length]!,
          response_url: `${slack.base}/response/${i}`,
          trigger_id: `tr${i}`,
          api_app_id: 'A0BENCH',
        }).toString();
        const t0 = performance.now();
        const res = await postSlack(`http://127.0.0.1:${r.slack}/slack/events`, body, 'application/x-www-form-urlencoded', agent);
        const ms = performance.now() - t0;
        if (res.status !== 200) return { answered: false, ms };
        // The answer rides on the ack, or (a request behind a queue of answers) follows at response_url.
        const onAck = res.body.includes('"blocks"');
        if (!onAck) await slack.responseTo(String(i), ANSWER_WAIT_MS);
        return { answered: slack.responsesTo(String(i)) === (onAck ? 0 : 1), ms };
      };
      const discordAsk = async (r: Replica) => {
        const i = ++n;
        const payload = {
          id: String(10n ** 17n + BigInt(i)),
          token: `tok${i}`,
          application_id: '1',
          type: 2,
          version: 1,
          locale: 'en-US',
          guild_id: '2',
          channel_id: '3',
          channel: { id: '3', type: 0, guild_id: '2' },
          app_permissions: '8',
          entitlements: [],
          authorizing_integration_owners: {},
          context: 0,
          member: {
            user: { id: String(10n ** 16n + BigInt(i)), username: `m${i}`, discriminator: '0', avatar: null },
            roles: [],
            permissions: '0',
            joined_at: new Date(0).toISOString(),
            flags: 0,
          },
          data: { id: '4', name: 'faq', type: 1, options: [{ name: 'query', type: 3, value: questions[i % questions.length]! }] },
        };
        const body = JSON.stringify(payload);
        const ts = String(Math.floor(Date.now() / 1000));
        const signature = sign(null, Buffer.from(ts + body), privateKey).toString('hex');
        const t0 = performance.now();
        const res = await post(
          `http://127.0.0.1:${r.http}/discord/interactions`,
          body,
          { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': ts },
          agent,
        );
        return { answered: res.status === 200 && (JSON.parse(res.body) as { type?: number }).type === 4, ms: performance.now() - t0 };
      };
      const measure = async (replicas: Replica[], ask: (r: Replica) => Promise<{ answered: boolean; ms: number }>) => {
        const times: number[] = [];
        let answered = 0;
        let next = 0;
        await Promise.all(
          Array.from({ length: IN_FLIGHT }, async () => {
            while (next < REQUESTS) {
              const r = replicas[next++ % replicas.length]!;
              const outcome = await ask(r);
              if (outcome.answered) answered++;
              times.push(outcome.ms);
            }
          }),
        );
        return { times, answered };
      };
      // Warm both set-ups (matcher, JIT, connections) before measuring.
      for (const r of [...single, ...pair])
        for (let i = 0; i < 50; i++) {
          await slackAsk(r);
          await discordAsk(r);
        }
      const rows: [string, Awaited<ReturnType<typeof measure>>][] = [];
      rows.push(['Slack /faq ack, one replica', await measure(single, slackAsk)]);
      rows.push(['Slack /faq ack, two replicas', await measure(pair, slackAsk)]);
      rows.push(['Discord HTTP /faq, one replica', await measure(single, discordAsk)]);
      rows.push(['Discord HTTP /faq, two replicas', await measure(pair, discordAsk)]);
      log(`${REQUESTS} signed requests each, ${IN_FLIGHT} in flight, replicas in their own processes sharing Redis`);
      log(`  ${''.padEnd(34)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${'answered'.padStart(9)}`);
      for (const [label, r] of rows) {
        log(
          `  ${label.padEnd(34)} ${fmt(percentile(r.times, 0.5)).padStart(9)} ${fmt(percentile(r.times, 0.99)).padStart(9)} ${`${r.answered}/${REQUESTS}`.padStart(9)}`,
        );
      }
      // Each event to A and, at the same moment, its retry to B: the shared claim lets one answer.
      const events = Array.from({ length: DUPLICATED_EVENTS }, (_, i) => ({ channel: `CDUP${i}`, id: `EvBench${process.pid}x${i}` }));
      let nextEvent = 0;
      await Promise.all(
        Array.from({ length: IN_FLIGHT / 2 }, async () => {
          while (nextEvent < events.length) {
            const i = nextEvent++;
            const e = events[i]!;
            await duplicate(e, i);
          }
        }),
      );
      async function duplicate(e: { channel: string; id: string }, i: number) {
        const body = JSON.stringify({
          token: 't',
          team_id: 'T0BENCH',
          api_app_id: 'A0BENCH',
          type: 'event_callback',
          event_id: e.id,
          event_time: Math.floor(Date.now() / 1000),
          event: {
            type: 'app_mention',
            user: `UE${i}`,
            text: `<@UBOT> ${questions[i % questions.length]}`,
            ts: `1700000000.${String(i).padStart(6, '0')}`,
            channel: e.channel,
            event_ts: '1',
          },
        });
        await Promise.all(
          pair.map((r, k) =>
            postSlack(
              `http://127.0.0.1:${r.slack}/slack/events`,
              body,
              'application/json',
              agent,
              k === 0 ? {} : { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
            ),
          ),
        );
      }
      await slack.settle();
      const posts = events.map((e) => slack.postsTo(e.channel));
      log(
        `${DUPLICATED_EVENTS} mention events, each sent to both replicas at once: answered once ${posts.filter((p) => p === 1).length}, twice ${posts.filter((p) => p > 1).length}, never ${posts.filter((p) => p === 0).length}`,
      );
      const fallbacks = outputs.join('').match(/state: redis at .* is unreachable/g)?.length ?? 0;
      log(`  replicas that fell back to local state during the run (Redis slower than 1.5 s): ${fallbacks}`);
    } finally {
      agent.destroy();
      await Promise.all(children.map(stop));
      slack.server.closeAllConnections();
      await new Promise<void>((done) => slack.server.close(() => done()));
      await rm(cwd, { recursive: true, force: true });
      await clearPrefix(prefix);
    }
  },
};

function reachable(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = connect({ host: '127.0.0.1', port });
    s.setTimeout(1000, () => {
      s.destroy();
      done(false);
    });
    s.once('connect', () => {
      s.destroy();
      done(true);
    });
    s.once('error', () => done(false));
  });
}

async function clearPrefix(prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

/** auth.test for start-up, chat.postMessage counted per channel, response_url posts counted per id. */
async function fakeSlack() {
  const posts = new Map<string, number>();
  const responses = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  let lastPost = performance.now();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      const body = Buffer.concat(chunks).toString('utf8');
      let out: unknown = { ok: true };
      if (url.startsWith('/response/')) {
        const id = url.slice('/response/'.length);
        responses.set(id, (responses.get(id) ?? 0) + 1);
        waiters.get(id)?.();
      } else if (url.startsWith('/api/auth.test')) out = { ok: true, team_id: 'T0BENCH', user_id: 'UBOT', bot_id: 'BBOT' };
      else if (url.startsWith('/api/chat.postMessage')) {
        const channel = String(new URLSearchParams(body).get('channel') ?? (JSON.parse(body || '{}') as { channel?: string }).channel);
        posts.set(channel, (posts.get(channel) ?? 0) + 1);
        lastPost = performance.now();
        out = { ok: true, channel, ts: '1.1' };
      } else if (url.startsWith('/api/users.info')) out = { ok: true, user: { id: 'U', is_admin: false, is_owner: false } };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    base,
    apiUrl: `${base}/api/`,
    postsTo: (channel: string) => posts.get(channel) ?? 0,
    responsesTo: (id: string) => responses.get(id) ?? 0,
    /** Resolves once response_url `id` got a post, or after `waitMs`. */
    async responseTo(id: string, waitMs: number): Promise<void> {
      if (responses.has(id)) return;
      await new Promise<void>((done) => {
        const timer = setTimeout(done, waitMs);
        waiters.set(id, () => {
          clearTimeout(timer);
          done();
        });
      });
      waiters.delete(id);
    },
    /** Posts follow acks: wait until none has arrived for a second. */
    async settle() {
      while (performance.now() - lastPost < 1000) await new Promise((r) => setTimeout(r, 200));
    },
  };
}

/** What the replicas wrote (warnings only, unless BENCH_DEBUG), to count fall-backs. */
const outputs: string[] = [];

function spawnReplica(cwd: string, env: Record<string, string>, children: ChildProcess[]): Promise<Replica> {
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...(process.env.BENCH_DEBUG ? { BENCH_DEBUG: '1' } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`bench: a replica did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      outputs.push(chunk.toString('utf8'));
      if (process.env.BENCH_DEBUG) process.stderr.write(chunk);
      const m = /replica (\d+) (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        done({ slack: Number(m[1]), http: Number(m[2]) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`bench: a replica exited (${code}):\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
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

function postSlack(url: string, body: string, contentType: string, agent: Agent, extra: Record<string, string> = {}) {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return post(
    url,
    body,
    { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature, ...extra },
    agent,
  );
}

function post(url: string, body: string, headers: Record<string, string>, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
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

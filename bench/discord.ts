// Discord end to end: /faq interactions dispatched through the fake Discord's gateway to the
// real discord.js client, timed until the interaction callback reaches the fake's REST API.
// The fake runs in a worker thread (Discord is another machine); the bot runs here exactly as
// `npm start` wires it. The baseline is the bare `service.ask` on the same questions in the
// same run, so the figures show what the adapter, discord.js and the wire add to answering.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { discordAdapter } from '../adapters/discord/index.js';
import { startBot } from '../bin/start.js';
import { silentLogger } from '../src/log.js';
import type { DriverItem, DriverReply, DriverRequest } from '../test/fakes/discord/bench-driver.js';
import { fmt, percentile, type BenchSuite } from './suite.js';

const COUNT = 1000;
const WARM_UP = 200;

class Driver {
  private readonly worker: Worker;
  private pending: ((reply: DriverReply) => void) | undefined;
  private constructor(
    readonly apiUrl: string,
    worker: Worker,
  ) {
    this.worker = worker;
    worker.on('message', (reply: DriverReply) => this.pending?.(reply));
  }

  static async start(): Promise<Driver> {
    const worker = new Worker(new URL('../test/fakes/discord/bench-driver.js', import.meta.url), {
      workerData: { role: 'discord-bench-driver' },
    });
    const ready = await new Promise<DriverReply>((done, fail) => {
      worker.once('message', done);
      worker.once('error', fail);
    });
    if (ready.type !== 'ready') throw new Error('discord bench: the fake Discord did not start');
    return new Driver(ready.apiUrl, worker);
  }

  request(msg: DriverRequest): Promise<DriverReply> {
    return new Promise((done) => {
      this.pending = done;
      this.worker.postMessage(msg);
    });
  }

  async run(mode: 'sequential' | 'burst', items: DriverItem[]): Promise<{ latencies: number[]; elapsedMs: number }> {
    const reply = await this.request({ type: 'run', mode, items });
    if (reply.type !== 'result') throw new Error('discord bench: unexpected reply from the driver');
    return reply;
  }

  async stop(): Promise<void> {
    await this.request({ type: 'stop' });
    await this.worker.terminate();
  }
}

export const discordSuite: BenchSuite = {
  name: 'discord',
  async run(log) {
    const knowledgeDir = existsSync(resolve('knowledge')) ? resolve('knowledge') : resolve('test/fixtures/discord/knowledge');
    const driver = await Driver.start();
    const cwd = await mkdtemp(join(tmpdir(), 'faqbot-bench-discord-'));
    await writeFile(join(cwd, 'faqbot.config.yaml'), 'watchKnowledge: false\n');
    const io = {
      out() {},
      err() {},
      stdin: new PassThrough(),
      cwd,
      env: {
        DISCORD_TOKEN: 'bench-token',
        DISCORD_API_URL: driver.apiUrl,
        FAQBOT_KNOWLEDGE: knowledgeDir,
        FAQBOT_DB: join(cwd, 'bench.db'),
      },
    };
    const bot = await startBot(io, { adapters: [discordAdapter], log: silentLogger });
    try {
      const entries = bot.service.knowledgeFor(undefined).entries;
      // Many members asking each entry's phrasings, as in a real server: one member's rate
      // limit is not what is measured.
      const items = (n: number, tag: string): DriverItem[] =>
        Array.from({ length: n }, (_, i) => {
          const e = entries[i % entries.length]!;
          const phrasings = [e.question, ...e.alternates];
          return { text: phrasings[Math.floor(i / entries.length) % phrasings.length]!, userId: `${tag}${String(i).padStart(6, '0')}` };
        });
      const questions = items(COUNT, '1');
      const bare: number[] = [];
      for (const item of questions) {
        const t = performance.now();
        await bot.service.ask({ text: item.text, platform: 'bench', channelId: 'bench', asker: { id: item.userId }, via: 'command' });
        bare.push(performance.now() - t);
      }
      await driver.run('sequential', items(WARM_UP, '2'));
      const sequential = await driver.run('sequential', items(COUNT, '3'));
      const burst = await driver.run('burst', items(COUNT, '4'));

      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const bareP50 = percentile(bare, 0.5);
      const bareP99 = percentile(bare, 0.99);
      const row = (name: string, xs: number[], note = '') =>
        log(`${name.padEnd(40)} ${fmt(percentile(xs, 0.5)).padStart(10)} ${fmt(percentile(xs, 0.99)).padStart(10)}${note}`);
      const times = (x: number, base: number) => `${(x / base).toFixed(1)}×`;
      log(`knowledge: ${entries.length} entries; ${COUNT} /faq interactions per run, after ${WARM_UP} to warm up`);
      log(`${'measure'.padEnd(40)} ${'p50'.padStart(10)} ${'p99'.padStart(10)}`);
      row('bare service.ask (baseline)', bare);
      row(
        'dispatch→callback, one at a time',
        sequential.latencies,
        `   ${times(percentile(sequential.latencies, 0.5), bareP50)} / ${times(percentile(sequential.latencies, 0.99), bareP99)} the baseline`,
      );
      row('dispatch→callback, 1,000 at once', burst.latencies, '   (includes waiting in line)');
      log(
        `throughput: ${(COUNT / (burst.elapsedMs / 1000)).toFixed(0)} interactions/s in a burst, ` +
          `${(COUNT / (sequential.elapsedMs / 1000)).toFixed(0)}/s one at a time; bare service.ask ${(COUNT / (sum(bare) / 1000)).toFixed(0)}/s`,
      );
    } finally {
      await bot.stop();
      await driver.stop();
      await rm(cwd, { recursive: true, force: true });
    }
  },
};

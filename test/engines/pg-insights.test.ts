// Insights in PostgreSQL: the same schema as SQLite, the same report for the same traffic,
// privacy kept, `faqbot insights` reads it, and an outage loses nothing and stops no answer.
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../cli/command.js';
import { insightsCommand } from '../../cli/commands/insights.js';
import { runCli } from '../../cli/run-cli.js';
import type { Query } from '../../src/domain.js';
import { PG_MIGRATIONS } from '../../src/insights/pg-schema.js';
import { PgInsightsStore } from '../../src/insights/pg-store.js';
import { MIGRATIONS, migrate } from '../../src/insights/schema.js';
import { openSqlite } from '../../src/insights/sqlite.js';
import { InsightsStore } from '../../src/insights/store.js';
import type { AskRecorder, InsightsReader } from '../../src/service/recorder.js';
import { AnswerService } from '../../src/service/answer-service.js';
import { captureLog, fixtureKnowledge, here, tempDir } from '../insights/helpers.js';
import { cuttableProxy, freshDatabase, pgReachable } from './engines.js';

const withPg = await pgReachable();
let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;
const stores: PgInsightsStore[] = [];
beforeAll(async () => {
  if (withPg) db = await freshDatabase();
});
afterAll(async () => {
  for (const s of stores) await s.close();
  await db?.drop();
});

function pgStore(url: string, extra: Partial<ConstructorParameters<typeof PgInsightsStore>[0]> = {}) {
  const log = captureLog();
  const store = new PgInsightsStore({
    url,
    where: 'test',
    log,
    retentionDays: 90,
    storeQueryText: true,
    knowledge: fixtureKnowledge,
    retryMs: 50,
    ...extra,
  });
  stores.push(store);
  return { store, log };
}

function query(text: string, asker = 'U123456', at?: number): Query {
  return {
    text,
    platform: 'slack',
    communityId: 'T1',
    channelId: 'C1',
    asker: { id: asker, isModerator: true },
    via: 'command',
    ...(at ? { at } : {}),
  };
}

/** The same traffic for either store: answered, unanswered, a pick linked to its ask, votes. */
async function traffic(store: AskRecorder & InsightsReader, now: number) {
  let n = 0;
  const service = new AnswerService({
    knowledge: fixtureKnowledge(),
    recorder: store,
    insights: store,
    now: () => now,
    newId: () => `ask-${++n}`,
    policy: { rateLimitCount: 1000 },
  });
  for (let i = 0; i < 3; i++) await service.ask(query('how do I reset my password', `U${i}`));
  await service.ask(query('is there a dark mode'));
  await service.ask(query('Is there a dark mode?', 'U7'));
  const asked = await service.ask(query('my backup wont download <@U999>'));
  await service.choose({ ...query(''), channelId: 'elsewhere' }, 'export-data', { fromAskId: asked.askId });
  service.feedback({ askId: 'ask-1', entryId: 'reset-password', helpful: false, by: { id: 'U2' }, platform: 'slack' });
  service.feedback({ askId: 'ask-1', entryId: 'reset-password', helpful: true, by: { id: 'U2' }, platform: 'slack' });
  return service;
}

describe.skipIf(!withPg)('insights in PostgreSQL', () => {
  it('has the same migrations, tables and columns as the SQLite file', async () => {
    expect(PG_MIGRATIONS).toHaveLength(MIGRATIONS.length);
    const { store } = pgStore(db!.url);
    expect(await store.start()).toBe(true);
    const lite = openSqlite(':memory:', { timeoutMs: 0 });
    migrate(lite);
    const client = new pg.Client({ connectionString: db!.url });
    await client.connect();
    for (const table of ['meta', 'asks', 'picks', 'feedback']) {
      const liteCols = (lite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      const pgCols = (
        await client.query<{ column_name: string }>(
          'SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position',
          [table],
        )
      ).rows.map((r) => r.column_name);
      expect(pgCols, table).toEqual(liteCols);
    }
    await client.end();
    lite.close();
  });

  it('gives the same report as SQLite for the same traffic, hashing askers and stripping ids', async () => {
    const now = Date.now();
    const { store } = pgStore(db!.url);
    await store.start();
    await traffic(store, now);
    await store.flushed();
    const lite = InsightsStore.open({
      path: join(tempDir(), 'faqbot.db'),
      log: captureLog(),
      retentionDays: 90,
      storeQueryText: true,
      knowledge: fixtureKnowledge,
    });
    await traffic(lite, now);
    const fromPg = await store.report(0);
    const fromLite = lite.report(0);
    lite.close();
    expect({ ...fromPg, until: 0 }).toEqual({ ...fromLite, until: 0 });
    expect(fromPg.totals).toMatchObject({ asks: 6, picks: 1 });
    const client = new pg.Client({ connectionString: db!.url });
    await client.connect();
    const rows = (await client.query<{ asker_hash: string; query_text: string }>('SELECT asker_hash, query_text FROM asks')).rows;
    await client.end();
    expect(rows.map((r) => r.asker_hash).join(' ')).not.toMatch(/U\d/);
    expect(rows.map((r) => r.query_text)).toContain('my backup wont download @someone');
    // /faq-stats reads the same store.
    const stats = await (await traffic(store, now)).stats({ asker: { id: 'M', isModerator: true } });
    expect(stats.kind === 'stats' && stats.summary?.asks).toBeGreaterThan(0);
  });

  it('`faqbot insights` reads PostgreSQL when FAQBOT_DATABASE_URL is set', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      stdin: new PassThrough(),
      cwd: tempDir(),
      env: { FAQBOT_DATABASE_URL: db!.url },
    };
    const code = await runCli(['insights', '--json', '--knowledge', join(here, 'kb.yaml')], [insightsCommand], io);
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n')).totals.asks).toBeGreaterThanOrEqual(6);
  });

  it('PostgreSQL down: answers go on, records are kept, said once, and written when it returns', async () => {
    const proxy = await cuttableProxy(5432);
    const url = db!.url.replace(':5432/', `:${proxy.port}/`);
    const first = pgStore(url);
    expect(await first.store.start()).toBe(true);
    await proxy.cut();
    let n = 0;
    const service = new AnswerService({
      knowledge: fixtureKnowledge(),
      recorder: first.store,
      insights: first.store,
      newId: () => `outage-${++n}`,
      policy: { rateLimitCount: 1000 },
    });
    for (let i = 0; i < 5; i++) expect((await service.ask(query('how do I export my data', `V${i}`))).kind).toBe('answer');
    await first.store.flushed();
    expect(first.store.pending).toBe(5);
    await service.ask(query('how do I export my data', 'V9'));
    await first.store.flushed();
    expect(first.log.warnings.filter((w) => w.includes('unreachable'))).toHaveLength(1);
    expect(first.log.warnings.join('\n')).not.toContain('postgres@');
    const stats = await service.stats({ asker: { id: 'M', isModerator: true } });
    expect(stats.kind === 'stats' && stats.message).toMatch(/could not be read just now/);
    await proxy.restore();
    await expect.poll(() => first.store.pending, { timeout: 10_000 }).toBe(0);
    expect(first.log.infos.join('\n')).toMatch(/answers again/);
    const client = new pg.Client({ connectionString: db!.url });
    await client.connect();
    const count = (await client.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM asks WHERE ask_id LIKE 'outage-%'")).rows[0]!.n;
    await client.end();
    expect(count).toBe(6);
    await proxy.close();
  });

  it('starts with PostgreSQL unreachable, and writes once it answers', async () => {
    const proxy = await cuttableProxy(5432);
    const url = db!.url.replace(':5432/', `:${proxy.port}/`);
    await proxy.cut();
    const { store, log } = pgStore(url);
    expect(await store.start()).toBe(false);
    expect(log.warnings).toHaveLength(1);
    store.recordAsk({
      askId: 'late-1',
      at: Date.now(),
      platform: 'slack',
      channelId: 'C1',
      askerId: 'U1',
      via: 'command',
      text: 'x',
      decision: 'none',
      score: 0,
    });
    await proxy.restore();
    await expect.poll(() => store.pending, { timeout: 10_000 }).toBe(0);
    await proxy.close();
  });
});

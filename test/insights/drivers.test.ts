// The insights store runs on Node 20, 22 and 24 with the same SQLite file: better-sqlite3
// below Node 24, the built-in node:sqlite from 24 (where better-sqlite3 12.x aborts the
// process, so it must never even be loaded there). A file one driver wrote, the other reads
// and keeps writing to.
import { copyFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openForReading, readRows } from '../../src/insights/read.js';
import { InsightsStore } from '../../src/insights/store.js';
import { driverFor, driverLoadError, openSqlite, type SqliteDriver } from '../../src/insights/sqlite.js';
import { captureLog, fixtureKnowledge, here, tempDir } from './helpers.js';

const DAY = 86_400_000;
/** The fixture's records are from the day before this. */
const FIXTURE_NOW = Date.UTC(2026, 11, 1);
// Written by the store with better-sqlite3 12.x on Node 20, by `record` below:
// FAQBOT_WRITE_FIXTURE=1 npx vitest run test/insights/drivers.test.ts (on Node 20).
const FIXTURE = join(here, 'better-sqlite3-v3.sqlite');

const major = Number(process.versions.node.split('.')[0]);
const require = createRequire(import.meta.url);
/** The drivers that work in this process: better-sqlite3 must not be tried on Node 24. */
const usable: SqliteDriver[] = [...(major < 24 ? ['better-sqlite3' as const] : []), ...(hasNodeSqlite() ? ['node:sqlite' as const] : [])];

function hasNodeSqlite(): boolean {
  try {
    require('node:sqlite');
    return true;
  } catch {
    return false;
  }
}

const open: InsightsStore[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function storeAt(path: string, driver: SqliteDriver | undefined, now = FIXTURE_NOW) {
  const store = InsightsStore.open({
    path,
    log: captureLog(),
    retentionDays: 90,
    storeQueryText: true,
    salt: 'fixture-salt',
    knowledge: fixtureKnowledge,
    now: () => now,
    ...(driver ? { driver } : {}),
  });
  open.push(store);
  return store;
}

/** One day's traffic: an answer with two votes, a question nobody could answer twice, a pick. */
function record(store: InsightsStore, at: number, tag: string): void {
  store.recordAsk({
    askId: `${tag}-a1`,
    at,
    platform: 'slack',
    channelId: 'C1',
    askerId: 'U1',
    via: 'command',
    text: 'how do I reset my password',
    decision: 'answer',
    entryId: 'reset-password',
    score: 0.9,
  });
  store.recordFeedback({ askId: `${tag}-a1`, entryId: 'reset-password', helpful: true, by: { id: 'U1' }, platform: 'slack', at: at + 1 });
  store.recordFeedback({ askId: `${tag}-a1`, entryId: 'reset-password', helpful: false, by: { id: 'U2' }, platform: 'slack', at: at + 2 });
  for (const [i, asker] of ['U3', 'U4'].entries()) {
    store.recordAsk({
      askId: `${tag}-n${i}`,
      at: at + 3 + i,
      platform: 'discord',
      communityId: 'G1',
      channelId: 'C2',
      askerId: asker,
      via: 'mention',
      text: 'is there a dark mode',
      decision: 'none',
      score: 0,
    });
  }
  store.recordAsk({
    askId: `${tag}-s1`,
    at: at + 10,
    platform: 'slack',
    channelId: 'C1',
    askerId: 'U5',
    via: 'command',
    text: 'get my stuff out',
    decision: 'suggest',
    score: 0.4,
  });
  store.recordPick({
    askId: `${tag}-p1`,
    at: at + 20,
    platform: 'slack',
    channelId: 'C1',
    askerId: 'U5',
    via: 'command',
    text: '',
    entryId: 'export-data',
  });
}

describe('which SQLite driver the insights store uses', () => {
  it.each([
    ['20.12.0', 'better-sqlite3'],
    ['22.23.3', 'better-sqlite3'],
    ['24.0.0', 'node:sqlite'],
    ['24.21.0', 'node:sqlite'],
    ['25.1.0', 'node:sqlite'],
  ])('Node %s: %s', (version, driver) => {
    expect(driverFor(version)).toBe(driver);
  });

  it('opening a store loads only the driver for this Node (never better-sqlite3 on Node 24)', () => {
    const store = storeAt(join(tempDir(), 'faqbot.db'), undefined);
    expect(store.available).toBe(true);
    const loaded = Object.keys(require.cache).some((file) => /[\\/]better-sqlite3[\\/]/.test(file));
    expect(loaded).toBe(driverFor() === 'better-sqlite3');
  });
});

describe.each(usable)('transactions on %s', (driver) => {
  function table() {
    const db = openSqlite(join(tempDir(), 't.db'), { timeoutMs: 0 }, driver);
    db.exec('CREATE TABLE t (v TEXT)');
    const add = (v: string) => db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
    const values = () => (db.prepare('SELECT v FROM t ORDER BY rowid').all() as { v: string }[]).map((r) => r.v);
    return { db, add, values };
  }

  it('a failing transaction leaves nothing behind, and the connection takes the next one', () => {
    const { db, add, values } = table();
    expect(() =>
      db.transaction(() => {
        add('a');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    db.transaction(() => add('b'));
    expect(values()).toEqual(['b']);
    db.close();
  });

  it('a nested transaction (a prune inside a flush of kept records) undoes only itself when it fails', () => {
    const { db, add, values } = table();
    db.transaction(() => {
      add('outer');
      expect(() =>
        db.transaction(() => {
          add('inner');
          throw new Error('inner failed');
        }),
      ).toThrow('inner failed');
      db.transaction(() => add('inner again'));
    });
    expect(values()).toEqual(['outer', 'inner again']);
    db.close();
  });
});

describe('a driver that cannot load', () => {
  // Node's own message for an addon built for another Node, as better-sqlite3 throws it at the first open.
  const wrongBuild = Object.assign(
    new Error(`The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'
was compiled against a different Node.js version using
NODE_MODULE_VERSION 137. This version of Node.js requires
NODE_MODULE_VERSION 115. Please try re-compiling or re-installing
the module (for instance, using \`npm rebuild\` or \`npm install\`).`),
    { code: 'ERR_DLOPEN_FAILED' },
  );

  it.each([
    [
      'better-sqlite3',
      wrongBuild,
      /^the SQLite driver better-sqlite3 cannot be loaded on Node 20\.20\.2 \(its addon was built for another Node\.js version\); run `npm ci` again with the Node\.js version that runs the bot, or set insights\.enabled: false$/,
    ],
    [
      'better-sqlite3',
      new Error('Could not locate the bindings file. Tried:\n → /app/node_modules/better-sqlite3/build/better_sqlite3.node'),
      /\(its addon was never built, as after npm ci --ignore-scripts\); run `npm ci` again/,
    ],
    [
      'node:sqlite',
      new Error('No such built-in module: node:sqlite'),
      /node:sqlite cannot be loaded on Node 20\.20\.2 \(No such built-in module: node:sqlite\); use an official Node\.js build/,
    ],
  ] as const)('%s: one line on why and what to do', (driver, error, said) => {
    const { message } = driverLoadError(driver, error, '20.20.2');
    expect(message).toMatch(said);
    expect(message).not.toContain('\n');
  });
});

describe('the same file on every driver', () => {
  it.skipIf(process.env.FAQBOT_WRITE_FIXTURE !== '1' || major !== 20)('writes the fixture with better-sqlite3 on Node 20', () => {
    const store = storeAt(FIXTURE, 'better-sqlite3');
    record(store, FIXTURE_NOW - DAY, 'old');
    store.close();
    open.pop();
    expect(existsSync(`${FIXTURE}-wal`)).toBe(false);
  });

  it('a file better-sqlite3 wrote on Node 20 is read and written on, on this Node', () => {
    const path = join(tempDir(), 'faqbot.db');
    copyFileSync(FIXTURE, path);
    const reader = openForReading(path);
    const before = readRows(reader, 0);
    reader.close();
    expect(before.asks).toContainEqual({ text: 'is there a dark mode', redacted: false, decision: 'none', count: 2 });
    expect(before.picks).toEqual([{ text: 'get my stuff out', redacted: false, via: 'command', entryId: 'export-data', count: 1 }]);
    expect(before.feedback).toEqual([
      { entryId: 'reset-password', helpful: false, count: 1 },
      { entryId: 'reset-password', helpful: true, count: 1 },
    ]);

    const store = storeAt(path, undefined);
    record(store, FIXTURE_NOW, 'new');
    const report = store.report(0);
    expect(report.unanswered).toEqual([expect.objectContaining({ text: 'is there a dark mode', count: 4 })]);
    expect(store.summary(0)).toMatchObject({ asks: 8, answered: 2, unanswered: 4, helpful: 2, notHelpful: 2 });
  });

  it.skipIf(usable.length < 2)('better-sqlite3 and node:sqlite read what the other wrote, with the same report', () => {
    const reports = (['better-sqlite3', 'node:sqlite'] as const).map((writer) => {
      const reader = writer === 'better-sqlite3' ? 'node:sqlite' : 'better-sqlite3';
      const path = join(tempDir(), 'faqbot.db');
      const first = storeAt(path, writer);
      record(first, FIXTURE_NOW - DAY, 'w');
      first.close();
      open.pop();
      const second = storeAt(path, reader);
      record(second, FIXTURE_NOW, 'r');
      const report = second.report(0);
      second.close();
      open.pop();
      const db = openSqlite(path, { readonly: true, timeoutMs: 0 }, writer);
      const rows = readRows(db, 0);
      db.close();
      return { report, rows };
    });
    expect(reports[1]).toEqual(reports[0]);
    expect(reports[0]!.report.unanswered).toEqual([expect.objectContaining({ text: 'is there a dark mode', count: 4 })]);
  });
});

import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Query } from '../../src/domain.js';
import { MIGRATIONS, SCHEMA_VERSION, userVersion } from '../../src/insights/schema.js';
import { openSqlite } from '../../src/insights/sqlite.js';
import { InsightsStore, type InsightsStoreOptions } from '../../src/insights/store.js';
import { adviceFor, troubleOf } from '../../src/insights/advice.js';
import { AnswerService } from '../../src/service/answer-service.js';
import { captureLog, fixtureKnowledge, tempDir } from './helpers.js';

const DAY = 86_400_000;
const open: InsightsStore[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** A connection of the test's own, with the driver the store uses on this Node. */
function sqlite(path: string, options: { readonly?: boolean } = {}) {
  return openSqlite(path, { timeoutMs: 0, ...options });
}

function openStore(path: string, extra: Partial<InsightsStoreOptions> = {}) {
  const log = captureLog();
  const store = InsightsStore.open({ path, log, retentionDays: 90, storeQueryText: true, ...extra });
  open.push(store);
  return { store, log };
}

/** Makes a file read-only even for root (chattr +i); undefined when the file system cannot. */
function makeReadOnly(path: string): (() => void) | undefined {
  if (process.getuid?.() !== 0) {
    chmodSync(path, 0o444);
    chmodSync(dirname(path), 0o555);
    return () => {
      chmodSync(dirname(path), 0o755);
      chmodSync(path, 0o644);
    };
  }
  if (spawnSync('chattr', ['+i', path]).status !== 0) return undefined;
  return () => {
    spawnSync('chattr', ['-i', path]);
  };
}

/** Waits for what the store does on its own timer, without asserting a time. */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function serviceWith(store: InsightsStore, now: () => number) {
  let n = 0;
  return new AnswerService({ knowledge: fixtureKnowledge(), recorder: store, insights: store, now, newId: () => `ask-${++n}-${now()}` });
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

describe('insights store', () => {
  it('creates the database and its folder on first start, and keeps the data across a restart', async () => {
    const path = join(tempDir(), 'nested', 'data', 'faqbot.db');
    const now = Date.now();
    const first = openStore(path);
    expect(first.store.available).toBe(true);
    const service = serviceWith(first.store, () => now);
    expect((await service.ask(query('how do I reset my password'))).kind).toBe('answer');
    await service.ask(query('is there a dark mode'));
    first.store.close();
    open.pop();

    const second = openStore(path);
    const summary = second.store.summary(now - 7 * DAY);
    expect(summary.asks).toBe(2);
    expect(summary.answered).toBe(1);
    expect(summary.unanswered).toBe(1);
    expect(summary.topUnanswered).toEqual([{ text: 'is there a dark mode', count: 1 }]);
    const check = sqlite(path, { readonly: true });
    expect(check.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    check.close();
  });

  it('keeps the asker only as a salted hash, stable across restarts, never the raw id', async () => {
    const dir = tempDir();
    const path = join(dir, 'faqbot.db');
    const now = Date.now();
    const a = openStore(path);
    await serviceWith(a.store, () => now).ask(query('how do I export my data', 'U9876543210'));
    a.store.close();
    open.pop();
    const b = openStore(path);
    await serviceWith(b.store, () => now + 1).ask(query('how do I export my data', 'U9876543210'));
    b.store.close();
    open.pop();

    const db = sqlite(path, { readonly: true });
    const hashes = db.prepare('SELECT DISTINCT asker_hash FROM asks').all() as { asker_hash: string }[];
    db.close();
    expect(hashes).toHaveLength(1);
    expect(hashes[0]!.asker_hash).not.toContain('U9876543210');
    const bytes = [path, `${path}-wal`]
      .filter(existsSync)
      .map((p) => readFileSync(p).toString('latin1'))
      .join('');
    expect(bytes).not.toContain('U9876543210');
  });

  it('uses the configured salt instead of a generated one', async () => {
    const dir = tempDir();
    const hashFor = (salt: string, file: string) => {
      const { store } = openStore(join(dir, file), { salt });
      store.recordAsk({
        askId: 'a1',
        at: Date.now(),
        platform: 'slack',
        channelId: 'C1',
        askerId: 'U1',
        via: 'command',
        text: 'x',
        decision: 'none',
        score: 0,
      });
      store.close();
      open.pop();
      const db = sqlite(join(dir, file), { readonly: true });
      const row = db.prepare('SELECT asker_hash FROM asks').get() as { asker_hash: string };
      db.close();
      return row.asker_hash;
    };
    expect(hashFor('pepper', 'a.db')).toBe(hashFor('pepper', 'b.db'));
    expect(hashFor('pepper', 'c.db')).not.toBe(hashFor('salt', 'd.db'));
  });

  it('keeps only a redacted form of the question when storeQueryText is false', async () => {
    const path = join(tempDir(), 'faqbot.db');
    const { store } = openStore(path, { storeQueryText: false });
    await serviceWith(store, () => Date.now()).ask(query('My order 12345678 from jane@example.org never shipped <@U777>'));
    const db = sqlite(path, { readonly: true });
    const row = db.prepare('SELECT query_text, redacted FROM asks').get() as { query_text: string; redacted: number };
    db.close();
    expect(row.redacted).toBe(1);
    expect(row.query_text).not.toMatch(/12345678|jane|example|U777/);
    expect(row.query_text).toContain('ship');
  });

  it('strips platform mention ids from stored text', async () => {
    const path = join(tempDir(), 'faqbot.db');
    const { store } = openStore(path);
    await serviceWith(store, () => Date.now()).ask(query('<@U0424242> asks how to export data'));
    const db = sqlite(path, { readonly: true });
    const row = db.prepare('SELECT query_text FROM asks').get() as { query_text: string };
    db.close();
    expect(row.query_text).toBe('@someone asks how to export data');
  });

  it('prunes records older than the retention period when it opens', async () => {
    const path = join(tempDir(), 'faqbot.db');
    const start = Date.UTC(2026, 0, 1);
    const first = openStore(path, { retentionDays: 30, now: () => start });
    const service = serviceWith(first.store, () => start);
    await service.ask(query('old question about dark mode', 'U1', start));
    service.feedback({ askId: 'x', entryId: 'export-data', helpful: false, by: { id: 'U1' }, platform: 'slack' });
    await service.ask(query('newer question about themes', 'U2', start + 20 * DAY));
    first.store.close();
    open.pop();

    const later = start + 40 * DAY;
    const second = openStore(path, { retentionDays: 30, now: () => later });
    const summary = second.store.summary(0);
    expect(summary.asks).toBe(1);
    expect(summary.topUnanswered.map((u) => u.text)).toEqual(['newer question about themes']);
    expect(summary.notHelpful).toBe(0);
  });

  it('links feedback to its ask and counts one vote per person per answer', async () => {
    const path = join(tempDir(), 'faqbot.db');
    const { store } = openStore(path);
    const service = serviceWith(store, () => Date.now());
    const reply = await service.ask(query('how do I delete my account'));
    expect(reply.kind).toBe('answer');
    const vote = (helpful: boolean, by: string) =>
      service.feedback({ askId: reply.askId, entryId: 'delete-account', helpful, by: { id: by }, platform: 'slack' });
    vote(true, 'U1');
    vote(false, 'U1'); // changed their mind
    vote(false, 'U2');
    const summary = store.summary(0);
    expect([summary.helpful, summary.notHelpful]).toEqual([0, 2]);
    const db = sqlite(path, { readonly: true });
    const linked = db.prepare('SELECT COUNT(*) AS n FROM feedback f JOIN asks a ON a.ask_id = f.ask_id').get() as { n: number };
    db.close();
    expect(linked.n).toBe(2);
  });

  it('a corrupt database file does not stop answers: one warning, then answers as usual', async () => {
    const path = join(tempDir(), 'faqbot.db');
    writeFileSync(path, 'this is not a database, just some text that happens to be here. '.repeat(200));
    const { store, log } = openStore(path);
    expect(store.available).toBe(false);
    const service = serviceWith(store, () => Date.now());
    for (let i = 0; i < 5; i++) expect((await service.ask(query('how do I reset my password', `U${i}`))).kind).toBe('answer');
    const chosen = await service.choose(query('pw reset'), 'reset-password');
    expect(chosen.kind).toBe('answer');
    service.feedback({ askId: chosen.askId, entryId: 'reset-password', helpful: true, by: { id: 'U1' }, platform: 'slack' });
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toContain(path);
    const stats = await service.stats({ asker: { id: 'M1', isModerator: true } });
    expect(stats.kind === 'stats' && stats.message).toMatch(/could not be read/);
  });

  it('a locked database does not stop answers, and what was asked meanwhile is written once it is free', async () => {
    const path = join(tempDir(), 'faqbot.db');
    const { store, log } = openStore(path, { busyTimeoutMs: 5 });
    const service = serviceWith(store, () => Date.now());
    const other = sqlite(path);
    other.exec('BEGIN EXCLUSIVE');
    for (let i = 0; i < 5; i++) expect((await service.ask(query('how do I export my data', `U${i}`))).kind).toBe('answer');
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatch(
      /is locked by another program; new records wait in memory \(up to 1000 for up to 60 s\).*a backup, an open sqlite3 shell/,
    );
    other.exec('ROLLBACK');
    other.close();
    await until(() => store.summary(0).asks === 5);
    expect(log.infos).toContainEqual(expect.stringMatching(/is free again after \d+\.\d s; 5 records kept meanwhile were written$/));
    await service.ask(query('how do I export my data', 'U9'));
    expect(store.summary(0).asks).toBe(6);
  });

  it('keeps records through a lock for a bounded while: older ones are dropped and counted', async () => {
    const path = join(tempDir(), 'faqbot.db');
    let clock = Date.now();
    const { store, log } = openStore(path, { busyTimeoutMs: 5, now: () => clock });
    const service = serviceWith(store, () => clock);
    const other = sqlite(path);
    other.exec('BEGIN EXCLUSIVE');
    for (let i = 0; i < 3; i++) await service.ask(query('how do I export my data', `U${i}`));
    clock += 61_000;
    await service.ask(query('how do I export my data', 'U8'));
    other.exec('ROLLBACK');
    other.close();
    store.close(); // writes what still waits
    expect(log.infos).toContainEqual(expect.stringMatching(/1 record kept meanwhile was written; 3 older ones were dropped$/));
    const reopened = openStore(path).store;
    expect(reopened.summary(0).asks).toBe(1);
  });

  it('a read-only database gets advice about permissions, not about moving the file aside', async (ctx) => {
    const path = join(tempDir(), 'faqbot.db');
    openStore(path).store.close();
    const undo = makeReadOnly(path);
    if (!undo) return ctx.skip(); // a file system that cannot make a file read-only for root
    try {
      const { store, log } = openStore(path);
      const service = serviceWith(store, () => Date.now());
      expect((await service.ask(query('how do I export my data'))).kind).toBe('answer');
      expect(log.warnings).toHaveLength(1);
      expect(log.warnings[0]).toMatch(/read-only for the bot; give the user the bot runs as write access to both, or point FAQBOT_DB/);
      expect(log.warnings[0]).not.toMatch(/move (it|the file) aside/i);
      store.close();
    } finally {
      undo();
    }
  });

  it.each([
    ['SQLITE_READONLY', /read-only for the bot; give the user the bot runs as write access/],
    ['SQLITE_FULL', /disk holding .* is full; free some space/],
    ['SQLITE_CORRUPT', /damaged .*move it aside/],
    ['SQLITE_BUSY', /another program holds a lock/],
  ])('advice for %s fits its cause', (code, advice) => {
    expect(adviceFor(troubleOf({ code }), 'data/faqbot.db')).toMatch(advice);
  });

  it('upgrades a database from the first schema version, keeping its records', async () => {
    const path = join(tempDir(), 'faqbot.db');
    const old = sqlite(path);
    old.exec(MIGRATIONS[0]!);
    old.exec('PRAGMA user_version = 1');
    old
      .prepare(
        `INSERT INTO asks (ask_id, at, platform, channel_id, asker_hash, via, query_text, redacted, decision, score)
      VALUES ('old-1', ?, 'slack', 'C1', 'h', 'command', 'kept from before the upgrade', 0, 'none', 0)`,
      )
      .run(Date.now());
    old.close();
    const { store } = openStore(path);
    expect(store.summary(0).topUnanswered).toEqual([{ text: 'kept from before the upgrade', count: 1 }]);
    store.close();
    open.pop();
    const db = sqlite(path, { readonly: true });
    expect(userVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses, with one warning, a database written by a newer faqbot', async () => {
    const path = join(tempDir(), 'faqbot.db');
    const db = sqlite(path);
    db.exec('PRAGMA user_version = 999');
    db.close();
    const { store, log } = openStore(path);
    expect(store.available).toBe(false);
    expect(log.warnings[0]).toMatch(/newer/);
  });
});

describe('picks are linked to the ask they answered', () => {
  function setup() {
    const path = join(tempDir(), 'faqbot.db');
    let clock = Date.now();
    const { store } = openStore(path);
    const service = serviceWith(store, () => clock);
    const links = () => {
      const db = sqlite(path, { readonly: true });
      const rows = db.prepare('SELECT query_text AS text, from_ask_id AS fromAskId, entry_id AS entryId FROM picks ORDER BY at').all();
      db.close();
      return rows;
    };
    return {
      store,
      service,
      links,
      tick: (ms: number) => {
        clock += ms;
      },
    };
  }
  const moderator = { id: 'M1', isModerator: true };

  it('"Answer with FAQ": the pick carries the member\'s message as a proposed alternate', async () => {
    const { store, service, links, tick } = setup();
    const menu = await service.ask({
      text: 'my backup wont download, what now?',
      platform: 'discord',
      channelId: 'C1',
      asker: moderator,
      via: 'message-menu',
    });
    tick(20_000);
    await service.choose({ text: '', platform: 'discord', channelId: 'C1', asker: moderator, via: 'message-menu' }, 'export-data');
    expect(links()).toEqual([{ text: 'my backup wont download, what now?', fromAskId: menu.askId, entryId: 'export-data' }]);
    expect(store.report(0).proposedAlternates).toEqual([
      { entryId: 'export-data', wordings: [{ text: 'my backup wont download, what now?', count: 1 }] },
    ]);
  });

  it('a suggestion click names its ask through fromAskId', async () => {
    const { service, links } = setup();
    const asked = await service.ask(query('is there a dark mode'));
    await service.choose({ ...query(''), channelId: 'elsewhere' }, 'export-data', { fromAskId: asked.askId });
    expect(links()).toEqual([{ text: 'is there a dark mode', fromAskId: asked.askId, entryId: 'export-data' }]);
  });

  it('a related button under an answer, or a click long after, brings no wording', async () => {
    const { service, links, tick } = setup();
    expect((await service.ask(query('how do I reset my password'))).kind).toBe('answer');
    await service.choose(query(''), 'export-data');
    await service.ask(query('is there a dark mode'));
    tick(60 * 60_000);
    await service.choose(query(''), 'export-data');
    expect(links()).toEqual([
      { text: '', fromAskId: null, entryId: 'export-data' },
      { text: '', fromAskId: null, entryId: 'export-data' },
    ]);
  });
});

describe('a running bot writes its records in batches', () => {
  /** Rows another program (a backup, `faqbot insights`) sees in the file right now. */
  function rowsSeenByOthers(path: string): number {
    const db = sqlite(path, { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM asks').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }

  it('writes a burst of asks together once the batch is due, after the answers', async () => {
    const path = join(tempDir(), 'faqbot.db');
    const { store } = openStore(path, { batchMs: 20 });
    const service = serviceWith(store, () => Date.now());
    const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => service.ask(query('how do I export my data', `U${i}`))));
    expect(replies.map((r) => r.kind)).toEqual(Array(10).fill('answer'));
    expect(rowsSeenByOthers(path)).toBe(0);
    await until(() => rowsSeenByOthers(path) === 10);
  });

  it('writes what waits before a read, a prune and on close, so nothing recorded is lost', async () => {
    const path = join(tempDir(), 'faqbot.db');
    const { store } = openStore(path, { batchMs: 60_000 });
    const service = serviceWith(store, () => Date.now());
    await service.ask(query('how do I export my data', 'U1'));
    expect(store.summary(0).asks).toBe(1);
    await service.ask(query('is there a dark mode', 'U2'));
    expect(store.prune()).toBe(0);
    expect(rowsSeenByOthers(path)).toBe(2);
    await service.ask(query('how do I reset my password', 'U3'));
    store.close();
    open.pop();
    expect(rowsSeenByOthers(path)).toBe(3);
  });

  it("keeps a batch that meets another program's lock and writes it once the lock goes", async () => {
    const path = join(tempDir(), 'faqbot.db');
    const { store, log } = openStore(path, { batchMs: 5, busyTimeoutMs: 5 });
    const service = serviceWith(store, () => Date.now());
    const other = sqlite(path);
    other.exec('BEGIN EXCLUSIVE');
    for (let i = 0; i < 4; i++) await service.ask(query('how do I export my data', `U${i}`));
    await until(() => log.warnings.length === 1);
    expect(log.warnings[0]).toMatch(/is locked by another program; new records wait in memory/);
    other.exec('ROLLBACK');
    other.close();
    await until(() => rowsSeenByOthers(path) === 4);
    expect(log.infos).toContainEqual(expect.stringMatching(/is free again after \d+\.\d s; 4 records kept meanwhile were written$/));
  });
});

// The insights store: one SQLite file (WAL, so several writers in one or more processes get
// along) recording asks, picks and feedback. The answer service calls it synchronously on
// every answer, so it must never throw into the service nor wait long: a running bot has the
// records of a few milliseconds written together (`batchMs`), one commit after the answers
// instead of one inside each, and every failure is caught and warned about once, with advice
// that fits its cause. While another program holds the database locked, records wait in
// memory (a bounded while) and are written once it is free; other failures (read-only, full,
// damaged) leave the ask unrecorded.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Feedback, InsightsSummary } from '../domain.js';
import { describeError } from '../log.js';
import type { AskRecord, AskRecorder, HandoffRecord, InsightsReader, PickRecord } from '../service/recorder.js';
import { buildReport, toSummary, type InsightsReport } from './aggregate.js';
import { hashPerson, LINK_WINDOW_MS, storedText } from './privacy.js';
import { readRows } from './read.js';
import { migrate } from './schema.js';
import type { CommonStoreOptions } from './store-options.js';
import { adviceFor, troubleOf } from './advice.js';
import { openSqlite, type SqlDatabase, type SqliteDriver } from './sqlite.js';

export interface InsightsStoreOptions extends CommonStoreOptions {
  /** The SQLite file; its folder is created when missing. */
  path: string;
  /** How long a write may wait for another process's lock before it is kept for later. */
  busyTimeoutMs?: number;
  /** The SQLite driver; by default the one for this Node (see sqlite.ts). */
  driver?: SqliteDriver;
  /**
   * Keep records this long and write them together, off the path of the answers that made
   * them (reads, prune and close write them first). Absent or 0: each record as it comes.
   */
  batchMs?: number;
}

const DAY_MS = 86_400_000;
/** How long a write waits for another process's lock before it is kept for later. */
const BUSY_TIMEOUT_MS = 200;
/** How long writes are skipped after one failed (for a cause other than a lock). */
const RETRY_AFTER_MS = 10_000;
/** While the database is locked, at most this many records wait in memory... */
export const PENDING_MAX_RECORDS = 1000;
/** ...for at most this long; older ones are dropped (and counted in the log). */
export const PENDING_MAX_AGE_MS = 60_000;
/** How often waiting records try the database again. */
const PENDING_RETRY_MS = 1000;

type Statements = ReturnType<typeof prepare>;

interface PendingWrite {
  readonly at: number;
  readonly run: (s: Statements) => void;
}

interface LinkedAsk {
  ask_id: string;
  query_text: string;
  redacted: number;
}

export class InsightsStore implements AskRecorder, InsightsReader {
  private db: SqlDatabase | undefined;
  private statements: Statements | undefined;
  private salt = '';
  private failing = false;
  private retryAt = 0;
  private pruneTimer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  /** Records waiting for a lock held by another program to go. */
  private pending: PendingWrite[] = [];
  private busySince: number | undefined;
  private droppedWhileBusy = 0;
  private pendingTimer: NodeJS.Timeout | undefined;
  /** Records kept for the next batch (`batchMs`), written together in one transaction. */
  private queued: Array<(s: Statements) => void> = [];
  private flushing: NodeJS.Timeout | undefined;

  private constructor(private readonly options: InsightsStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Opens (creating and migrating) the database. Never throws: a database that cannot be
   * opened gives a store that records nothing, after one warning.
   */
  static open(options: InsightsStoreOptions): InsightsStore {
    const store = new InsightsStore(options);
    try {
      mkdirSync(dirname(options.path), { recursive: true });
      const db = openSqlite(options.path, { timeoutMs: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS }, options.driver);
      try {
        db.exec('PRAGMA journal_mode = WAL');
        // NORMAL is durable across application crashes in WAL mode and keeps writes cheap.
        db.exec('PRAGMA synchronous = NORMAL');
        migrate(db);
        store.salt = options.salt ?? storedSalt(db);
        store.statements = prepare(db);
        store.db = db;
      } catch (error) {
        db.close();
        throw error;
      }
    } catch (error) {
      const trouble = troubleOf(error);
      const advice = trouble === 'other' ? '' : ` ${capitalise(adviceFor(trouble, options.path))}.`;
      options.log.warn(
        `insights: cannot use ${options.path} (${describeError(error)}); the bot keeps answering without recording insights.${advice}`,
      );
      store.failing = true;
      return store;
    }
    store.prune();
    store.pruneTimer = setInterval(() => store.prune(), DAY_MS);
    store.pruneTimer.unref();
    return store;
  }

  /** False when the database could not be opened; the store then records nothing. */
  get available(): boolean {
    return this.db !== undefined;
  }

  recordAsk(r: AskRecord): void {
    this.write((s) => {
      const { text, redacted } = this.textOf(r.text);
      s.ask.run({
        ask_id: r.askId,
        at: r.at,
        platform: r.platform,
        community_id: r.communityId ?? null,
        channel_id: r.channelId,
        asker_hash: hashPerson(this.salt, r.platform, r.askerId, r.communityId),
        via: r.via,
        query_text: text,
        redacted: redacted ? 1 : 0,
        decision: r.decision,
        entry_id: r.entryId ?? null,
        score: Number.isFinite(r.score) ? r.score : 0,
      });
    });
  }

  /**
   * Records a pick, linked to the ask it came from: the one the adapter names, or else (when
   * the click carried no text) the same person's latest undecided ask in that channel, whose
   * wording is what the pick answered.
   */
  recordPick(r: PickRecord): void {
    this.write((s) => {
      const askerHash = hashPerson(this.salt, r.platform, r.askerId, r.communityId);
      const own = r.text.trim() !== '';
      let from = r.fromAskId ? (s.askById.get(r.fromAskId) as LinkedAsk | undefined) : undefined;
      if (!from && !own) {
        from = s.recentUndecided.get({
          platform: r.platform,
          channel_id: r.channelId,
          asker_hash: askerHash,
          since: r.at - LINK_WINDOW_MS,
          until: r.at,
        }) as LinkedAsk | undefined;
      }
      const { text, redacted } = own ? this.textOf(r.text) : { text: from?.query_text ?? '', redacted: from?.redacted === 1 };
      s.pick.run({
        ask_id: r.askId,
        at: r.at,
        platform: r.platform,
        community_id: r.communityId ?? null,
        channel_id: r.channelId,
        asker_hash: askerHash,
        via: r.via,
        query_text: text,
        redacted: redacted ? 1 : 0,
        entry_id: r.entryId,
        from_ask_id: from?.ask_id ?? r.fromAskId ?? null,
      });
    });
  }

  recordFeedback(f: Feedback & { readonly at: number }): void {
    this.write((s) => {
      s.feedback.run({
        ask_id: f.askId,
        at: f.at,
        platform: f.platform,
        community_id: f.communityId ?? null,
        entry_id: f.entryId,
        helpful: f.helpful ? 1 : 0,
        by_hash: hashPerson(this.salt, f.platform, f.by.id, f.communityId),
      });
    });
  }

  recordHandoff(r: HandoffRecord): void {
    this.write((s) => {
      s.handoff.run({
        ask_id: r.askId,
        at: r.at,
        platform: r.platform,
        community_id: r.communityId ?? null,
        channel_id: r.channelId,
        asker_hash: hashPerson(this.salt, r.platform, r.askerId),
        entry_id: r.entryId ?? null,
      });
    });
  }

  /** The moderator figures since `sinceMs`. Throws when the database is unavailable (the service says so). */
  summary(sinceMs: number, communityId?: string): InsightsSummary {
    return toSummary(this.report(sinceMs, 10, communityId));
  }

  /** `communityId`: that community's records alone; absent: every record. */
  report(sinceMs: number, limit = 10, communityId?: string): InsightsReport {
    if (!this.db) throw new Error('the insights store is not available');
    this.flushQueued();
    const knowledge = this.options.knowledge?.(communityId);
    return buildReport(readRows(this.db, sinceMs, communityId), {
      since: sinceMs,
      until: this.now(),
      limit,
      ...(knowledge ? { knowledge } : {}),
    });
  }

  /** Deletes records older than the retention period; returns how many rows went. */
  prune(): number {
    let removed = 0;
    this.flushQueued();
    this.writeNow((s) => {
      const cutoff = this.now() - this.options.retentionDays * DAY_MS;
      this.db!.transaction(() => {
        removed += Number(s.pruneAsks.run(cutoff).changes);
        removed += Number(s.prunePicks.run(cutoff).changes);
        removed += Number(s.pruneFeedback.run(cutoff).changes);
        removed += Number(s.pruneHandoffs.run(cutoff).changes);
      });
    });
    return removed;
  }

  close(): void {
    this.flushQueued();
    if (this.pendingTimer) clearInterval(this.pendingTimer);
    this.pendingTimer = undefined;
    // One last try for records waiting on a lock; what still cannot be written is counted.
    if (this.pending.length > 0 && !this.flushPending()) {
      this.options.log.warn(
        `insights: ${this.pending.length} record${this.pending.length === 1 ? '' : 's'} waiting for the lock on ${this.options.path} could not be written before stopping`,
      );
    }
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    this.pruneTimer = undefined;
    const db = this.db;
    this.db = undefined;
    this.statements = undefined;
    try {
      db?.close();
    } catch (error) {
      this.options.log.warn(`insights: closing ${this.options.path} failed (${describeError(error)})`);
    }
  }

  private textOf(raw: string): { text: string; redacted: boolean } {
    return storedText(raw, this.options.storeQueryText);
  }

  /** Runs one write now, or keeps it for the batch when batching. */
  private write(run: (s: Statements) => void): void {
    if (!this.statements) return;
    const batchMs = this.options.batchMs ?? 0;
    if (batchMs <= 0) return this.writeNow(run);
    this.queued.push(run);
    this.flushing ??= setTimeout(() => this.flushQueued(), batchMs);
  }

  /** Writes the kept records in one transaction: one commit instead of one per record. */
  private flushQueued(): void {
    if (this.flushing) clearTimeout(this.flushing);
    this.flushing = undefined;
    const batch = this.queued;
    if (batch.length === 0) return;
    this.queued = [];
    const s = this.statements;
    if (!s || !this.db) return;
    if (batch.length === 1 || this.pending.length > 0 || this.now() < this.retryAt) {
      for (const run of batch) this.writeNow(run);
      return;
    }
    try {
      this.db.transaction(() => {
        for (const run of batch) run(s);
      });
      this.recovered();
    } catch (error) {
      if (troubleOf(error) === 'busy') {
        for (const run of batch) this.keep(run);
        return;
      }
      // Not a lock: each record takes the usual path, which warns once, counts the failure and
      // pauses writing for a while, exactly as when the records came one at a time.
      for (const run of batch) this.writeNow(run);
    }
  }

  private recovered(): void {
    if (this.failing) {
      this.failing = false;
      this.options.log.info(`insights: writing to ${this.options.path} works again`);
    }
  }

  /**
   * Runs one write. A lock held by another program keeps the write (and those after it, in
   * order) waiting in memory until the lock goes; any other failure is warned about once, and
   * writes are skipped for a while, since a database that failed would otherwise hold every
   * answer for the busy timeout.
   */
  private writeNow(run: (s: Statements) => void): void {
    const s = this.statements;
    if (!s) return;
    if (this.pending.length > 0) return this.keep(run);
    if (this.now() < this.retryAt) return;
    try {
      run(s);
      this.recovered();
    } catch (error) {
      if (troubleOf(error) === 'busy') {
        this.keep(run);
        return;
      }
      this.options.onWriteError?.();
      this.retryAt = this.now() + RETRY_AFTER_MS;
      if (!this.failing) {
        this.failing = true;
        this.options.log.warn(
          `insights: could not record to ${this.options.path} (${describeError(error)}); the bot keeps answering, and this is reported once until writing works again. ${capitalise(adviceFor(troubleOf(error), this.options.path))}.`,
        );
      }
    }
  }

  private keep(run: (s: Statements) => void): void {
    const at = this.now();
    if (this.busySince === undefined) {
      this.busySince = at;
      this.options.log.warn(
        `insights: ${this.options.path} is locked by another program; new records wait in memory (up to ${PENDING_MAX_RECORDS} for up to ${PENDING_MAX_AGE_MS / 1000} s) and are written once it is free. If it lasts, ${adviceFor('busy', this.options.path)}.`,
      );
      this.pendingTimer = setInterval(() => this.flushPending(), PENDING_RETRY_MS);
      this.pendingTimer.unref();
    }
    this.pending.push({ at, run });
    this.dropStale();
  }

  private dropStale(): void {
    const oldest = this.now() - PENDING_MAX_AGE_MS;
    let drop = 0;
    while (drop < this.pending.length && this.pending[drop]!.at < oldest) drop += 1;
    drop = Math.max(drop, this.pending.length - PENDING_MAX_RECORDS);
    if (drop > 0) {
      this.pending.splice(0, drop);
      this.droppedWhileBusy += drop;
    }
  }

  /** Tries the waiting records in one transaction; true when none is left waiting. */
  private flushPending(): boolean {
    const s = this.statements;
    if (!s || !this.db || this.pending.length === 0) return true;
    // A try while the lock is still held should not hold the answers for the full busy timeout.
    this.db.exec('PRAGMA busy_timeout = 5');
    try {
      const batch = this.pending;
      this.db.transaction(() => {
        for (const p of batch) p.run(s);
      });
      const seconds = ((this.now() - (this.busySince ?? this.now())) / 1000).toFixed(1);
      const dropped =
        this.droppedWhileBusy > 0 ? `; ${this.droppedWhileBusy} older one${this.droppedWhileBusy === 1 ? ' was' : 's were'} dropped` : '';
      this.options.log.info(
        `insights: ${this.options.path} is free again after ${seconds} s; ${batch.length} record${batch.length === 1 ? '' : 's'} kept meanwhile ${batch.length === 1 ? 'was' : 'were'} written${dropped}`,
      );
      this.endBusy();
      return true;
    } catch (error) {
      if (troubleOf(error) === 'busy') {
        this.dropStale();
        return false;
      }
      // The lock went but something else is wrong now: say so once, as any failed write.
      this.options.log.warn(
        `insights: ${this.pending.length} records kept during a lock on ${this.options.path} could not be written (${describeError(error)}). ${capitalise(adviceFor(troubleOf(error), this.options.path))}.`,
      );
      this.endBusy();
      return true;
    } finally {
      this.db?.exec(`PRAGMA busy_timeout = ${this.options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
    }
  }

  private endBusy(): void {
    this.pending = [];
    this.busySince = undefined;
    this.droppedWhileBusy = 0;
    if (this.pendingTimer) clearInterval(this.pendingTimer);
    this.pendingTimer = undefined;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function prepare(db: SqlDatabase) {
  return {
    ask: db.prepare(`INSERT OR IGNORE INTO asks (ask_id, at, platform, community_id, channel_id, asker_hash, via, query_text, redacted, decision, entry_id, score)
      VALUES (@ask_id, @at, @platform, @community_id, @channel_id, @asker_hash, @via, @query_text, @redacted, @decision, @entry_id, @score)`),
    pick: db.prepare(`INSERT OR IGNORE INTO picks (ask_id, at, platform, community_id, channel_id, asker_hash, via, query_text, redacted, entry_id, from_ask_id)
      VALUES (@ask_id, @at, @platform, @community_id, @channel_id, @asker_hash, @via, @query_text, @redacted, @entry_id, @from_ask_id)`),
    askById: db.prepare('SELECT ask_id, query_text, redacted FROM asks WHERE ask_id = ?'),
    // Suggestions and "no answer" lists are what people pick from; "Answer with FAQ" lists its
    // candidates whatever the decision. An answer's related buttons are not a new wording.
    recentUndecided: db.prepare(`SELECT ask_id, query_text, redacted FROM asks
      WHERE at BETWEEN @since AND @until AND platform = @platform AND channel_id = @channel_id AND asker_hash = @asker_hash
        AND (decision IN ('suggest', 'none') OR via = 'message-menu')
      ORDER BY at DESC LIMIT 1`),
    feedback: db.prepare(`INSERT INTO feedback (ask_id, at, platform, community_id, entry_id, helpful, by_hash)
      VALUES (@ask_id, @at, @platform, @community_id, @entry_id, @helpful, @by_hash)
      ON CONFLICT (ask_id, by_hash) DO UPDATE SET helpful = excluded.helpful, at = excluded.at`),
    pruneAsks: db.prepare('DELETE FROM asks WHERE at < ?'),
    prunePicks: db.prepare('DELETE FROM picks WHERE at < ?'),
    pruneFeedback: db.prepare('DELETE FROM feedback WHERE at < ?'),
    // One hand-off per ask: a second press (another replica, a double click) adds nothing.
    handoff: db.prepare(`INSERT OR IGNORE INTO handoffs (ask_id, at, platform, community_id, channel_id, asker_hash, entry_id)
      VALUES (@ask_id, @at, @platform, @community_id, @channel_id, @asker_hash, @entry_id)`),
    pruneHandoffs: db.prepare('DELETE FROM handoffs WHERE at < ?'),
  };
}

function storedSalt(db: SqlDatabase): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'salt'").get() as { value: string } | undefined;
  if (row) return row.value;
  const salt = randomBytes(32).toString('hex');
  // OR IGNORE + re-read: two processes starting at once end up with the same salt.
  db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?)").run(salt);
  return (db.prepare("SELECT value FROM meta WHERE key = 'salt'").get() as { value: string }).value;
}

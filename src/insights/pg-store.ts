// The insights store in PostgreSQL, for replicas that share one record of what was asked.
// The service never waits on it: records join a queue, written in order in the background.
// PostgreSQL unreachable: the queue keeps them (up to a bound), the log says so once, and they
// are written when it answers again. Same schema, migrations and privacy rules as SQLite.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Feedback, InsightsSummary } from '../domain.js';
import { describeError } from '../log.js';
import type { AskRecord, AskRecorder, HandoffRecord, InsightsReader, PickRecord } from '../service/recorder.js';
import { buildReport, toSummary, type InsightsReport } from './aggregate.js';
import { pgMigrate } from './pg-schema.js';
import type { CommonStoreOptions } from './store-options.js';
import { readPgRows } from './pg-read.js';
import { hashPerson, LINK_WINDOW_MS, storedText } from './privacy.js';

export interface PgInsightsStoreOptions extends CommonStoreOptions {
  /** postgres://… (may hold a password: only its host is ever logged). */
  url: string;
  /** What the log shows for the database. */
  where: string;
  /** Records kept while PostgreSQL is unreachable; beyond it the oldest go (and the log says so). */
  maxBuffered?: number;
  /** How soon a failed write is tried again. */
  retryMs?: number;
}

export interface InsightsHealth {
  readonly engine: 'sqlite' | 'postgres';
  /** False while records cannot be written (they wait in memory with PostgreSQL, are skipped with SQLite). */
  readonly writing: boolean;
  readonly pending: number;
}

type Pending =
  | { readonly kind: 'ask'; readonly r: AskRecord }
  | { readonly kind: 'pick'; readonly r: PickRecord }
  | { readonly kind: 'feedback'; readonly r: Feedback & { readonly at: number } }
  | { readonly kind: 'handoff'; readonly r: HandoffRecord };

const DAY_MS = 86_400_000;
/** Written in one transaction: enough to keep up with a busy server, small enough to retry. */
const BATCH = 200;

export class PgInsightsStore implements AskRecorder, InsightsReader {
  private readonly pool: pg.Pool;
  private readonly queue: Pending[] = [];
  private salt: string | undefined;
  private migrated = false;
  private writing: Promise<void> | undefined;
  private failing = false;
  private dropped = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly now: () => number;

  constructor(private readonly options: PgInsightsStoreOptions) {
    this.now = options.now ?? Date.now;
    this.pool = new pg.Pool({ connectionString: options.url, max: 4, connectionTimeoutMillis: 2000, idleTimeoutMillis: 10_000 });
    // An idle connection dropped by the server must not end the process; the next write notices.
    this.pool.on('error', () => undefined);
    this.pruneTimer = setInterval(() => void this.prune().catch(() => undefined), DAY_MS);
    this.pruneTimer.unref();
  }

  /** Connects and migrates now, so start-up says at once whether PostgreSQL answers. Never throws. */
  async start(): Promise<boolean> {
    try {
      await this.ensureReady();
      this.options.log.info(`insights: recording to PostgreSQL at ${this.options.where}`);
      await this.prune();
      return true;
    } catch (error) {
      this.reportFailure(error);
      this.scheduleRetry();
      return false;
    }
  }

  get available(): boolean {
    return this.migrated && !this.failing;
  }

  /** For readiness checks: whether records are being written, and how many wait. */
  health(): InsightsHealth {
    return { engine: 'postgres', writing: this.available, pending: this.queue.length };
  }

  /** Records waiting to be written (while PostgreSQL is unreachable, or in flight). */
  get pending(): number {
    return this.queue.length;
  }

  recordAsk(r: AskRecord): void {
    this.enqueue({ kind: 'ask', r });
  }

  recordPick(r: PickRecord): void {
    this.enqueue({ kind: 'pick', r });
  }

  recordHandoff(r: HandoffRecord): void {
    this.enqueue({ kind: 'handoff', r });
  }

  recordFeedback(r: Feedback & { readonly at: number }): void {
    this.enqueue({ kind: 'feedback', r });
  }

  async summary(sinceMs: number, communityId?: string): Promise<InsightsSummary> {
    return toSummary(await this.report(sinceMs, 10, communityId));
  }

  /** `communityId`: that community's records alone; absent: every record. */
  async report(sinceMs: number, limit = 10, communityId?: string): Promise<InsightsReport> {
    await this.ensureReady();
    const knowledge = this.options.knowledge?.(communityId);
    return buildReport(await readPgRows(this.pool, sinceMs, communityId), {
      since: sinceMs,
      until: this.now(),
      limit,
      ...(knowledge ? { knowledge } : {}),
    });
  }

  /** Waits until everything recorded so far is written, or the write failed (then it stays queued). */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }

  async prune(): Promise<number> {
    await this.ensureReady();
    const cutoff = this.now() - this.options.retentionDays * DAY_MS;
    let removed = 0;
    for (const table of ['asks', 'picks', 'feedback', 'handoffs'])
      removed += (await this.pool.query(`DELETE FROM ${table} WHERE at < $1`, [cutoff])).rowCount ?? 0;
    return removed;
  }

  /** Writes what is queued (a last try), then closes the connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    if (this.queue.length > 0 && !this.writing) this.kick();
    await this.flushed();
    if (this.queue.length > 0) {
      this.options.log.warn(
        `insights: ${this.queue.length} record(s) could not be written to PostgreSQL at ${this.options.where} before stopping`,
      );
    }
    await this.pool.end().catch(() => undefined);
  }

  private enqueue(p: Pending): void {
    if (this.closed) return;
    this.queue.push(p);
    const max = this.options.maxBuffered ?? 10_000;
    if (this.queue.length > max) {
      this.queue.splice(0, this.queue.length - max);
      if (this.dropped++ === 0) {
        this.options.log.warn(
          `insights: more than ${max} records waiting for PostgreSQL at ${this.options.where}; the oldest are dropped until it answers`,
        );
      }
    }
    if (!this.writing && !this.retryTimer) this.kick();
  }

  private kick(): void {
    this.writing = this.drain().finally(() => {
      this.writing = undefined;
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, BATCH);
      try {
        await this.ensureReady();
        const client = await this.pool.connect();
        try {
          await client.query('BEGIN');
          for (const p of batch) await this.write(client, p);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      } catch (error) {
        this.options.onWriteError?.();
        this.reportFailure(error);
        this.scheduleRetry();
        return;
      }
      this.queue.splice(0, batch.length);
      if (this.failing) {
        this.failing = false;
        this.dropped = 0;
        this.options.log.info(`insights: PostgreSQL at ${this.options.where} answers again; the records kept meanwhile are written`);
      }
    }
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.queue.length > 0 && !this.writing) this.kick();
    }, this.options.retryMs ?? 5_000);
    this.retryTimer.unref();
  }

  private reportFailure(error: unknown): void {
    if (this.failing) return;
    this.failing = true;
    this.options.log.warn(
      `insights: PostgreSQL at ${this.options.where} is unreachable (${describeError(error)}); the bot keeps answering and keeps the records in memory until it answers again`,
    );
  }

  private async ensureReady(): Promise<void> {
    if (this.migrated && this.salt !== undefined) return;
    const client = await this.pool.connect();
    try {
      if (!this.migrated) {
        await pgMigrate(client);
        this.migrated = true;
      }
      this.salt = this.options.salt ?? (await storedSalt(client));
    } finally {
      client.release();
    }
  }

  private textOf(raw: string): { text: string; redacted: number } {
    const { text, redacted } = storedText(raw, this.options.storeQueryText);
    return { text, redacted: redacted ? 1 : 0 };
  }

  /** Hashing waits for the write: the salt may only be known once PostgreSQL answers. */
  private async write(client: pg.PoolClient, p: Pending): Promise<void> {
    const salt = this.salt!;
    if (p.kind === 'ask') {
      const { r } = p;
      const { text, redacted } = this.textOf(r.text);
      await client.query(
        `INSERT INTO asks (ask_id, at, platform, community_id, channel_id, asker_hash, via, query_text, redacted, decision, entry_id, score)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`,
        [
          r.askId,
          r.at,
          r.platform,
          r.communityId ?? null,
          r.channelId,
          hashPerson(salt, r.platform, r.askerId, r.communityId),
          r.via,
          text,
          redacted,
          r.decision,
          r.entryId ?? null,
          Number.isFinite(r.score) ? r.score : 0,
        ],
      );
    } else if (p.kind === 'pick') {
      const { r } = p;
      const askerHash = hashPerson(salt, r.platform, r.askerId, r.communityId);
      const own = r.text.trim() !== '';
      type Linked = { ask_id: string; query_text: string; redacted: number };
      let from = r.fromAskId
        ? (await client.query<Linked>('SELECT ask_id, query_text, redacted FROM asks WHERE ask_id = $1', [r.fromAskId])).rows[0]
        : undefined;
      if (!from && !own) {
        from = (
          await client.query<Linked>(
            `SELECT ask_id, query_text, redacted FROM asks
          WHERE at BETWEEN $1 AND $2 AND platform = $3 AND channel_id = $4 AND asker_hash = $5
            AND (decision IN ('suggest', 'none') OR via = 'message-menu')
          ORDER BY at DESC LIMIT 1`,
            [r.at - LINK_WINDOW_MS, r.at, r.platform, r.channelId, askerHash],
          )
        ).rows[0];
      }
      const { text, redacted } = own ? this.textOf(r.text) : { text: from?.query_text ?? '', redacted: Number(from?.redacted ?? 0) };
      await client.query(
        `INSERT INTO picks (ask_id, at, platform, community_id, channel_id, asker_hash, via, query_text, redacted, entry_id, from_ask_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
        [
          r.askId,
          r.at,
          r.platform,
          r.communityId ?? null,
          r.channelId,
          askerHash,
          r.via,
          text,
          redacted,
          r.entryId,
          from?.ask_id ?? r.fromAskId ?? null,
        ],
      );
    } else if (p.kind === 'handoff') {
      const { r } = p;
      await client.query(
        `INSERT INTO handoffs (ask_id, at, platform, community_id, channel_id, asker_hash, entry_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [r.askId, r.at, r.platform, r.communityId ?? null, r.channelId, hashPerson(salt, r.platform, r.askerId), r.entryId ?? null],
      );
    } else {
      const { r } = p;
      await client.query(
        `INSERT INTO feedback (ask_id, at, platform, community_id, entry_id, helpful, by_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (ask_id, by_hash) DO UPDATE SET helpful = EXCLUDED.helpful, at = EXCLUDED.at`,
        [
          r.askId,
          r.at,
          r.platform,
          r.communityId ?? null,
          r.entryId,
          r.helpful ? 1 : 0,
          hashPerson(salt, r.platform, r.by.id, r.communityId),
        ],
      );
    }
  }
}

async function storedSalt(client: pg.PoolClient): Promise<string> {
  // ON CONFLICT + re-read: replicas starting at once end up with the same salt.
  await client.query("INSERT INTO meta (key, value) VALUES ('salt', $1) ON CONFLICT (key) DO NOTHING", [randomBytes(32).toString('hex')]);
  return (await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'salt'")).rows[0]!.value;
}

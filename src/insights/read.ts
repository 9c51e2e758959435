// Reads recorded rows back for aggregation, and opens a database for reading only (the
// `insights` command must not create or migrate a file the bot owns).
import { existsSync } from 'node:fs';
import { FaqbotError } from '../errors.js';
import type { AskRow, FeedbackRow, InsightsRows, PickRow } from './aggregate.js';
import { HANDOFFS_SINCE, SCHEMA_VERSION, userVersion } from './schema.js';
import { openSqlite, type SqlDatabase } from './sqlite.js';

/** Identical records come back as one row with a count; the aggregation weighs them. */
export function readRows(db: SqlDatabase, sinceMs: number, communityId?: string): InsightsRows {
  // One community's rows, or all: the same statements either way (NULL matches everything). A
  // file from before communities (read-only here, so not migrated) has only the default's rows.
  const withCommunities =
    db.prepare("SELECT 1 AS present FROM pragma_table_info('feedback') WHERE name = 'community_id'").get() !== undefined;
  const c = communityId ?? null;
  const scope = withCommunities ? '(? IS NULL OR community_id = ?)' : '(? IS NULL OR ? IS NULL)';
  // (asks and picks always had the column; feedback gained it with communities, schema 4.)
  // Only unanswered questions are read with their text; the rest are counted per entry.
  const decided = db
    .prepare(
      `SELECT '' AS text, 0 AS redacted, decision, entry_id AS entryId, COUNT(*) AS count
      FROM asks WHERE at >= ? AND ${scope} AND decision != 'none' GROUP BY decision, entry_id`,
    )
    .all(sinceMs, c, c) as { text: string; redacted: number; decision: string; entryId: string | null; count: number }[];
  const unanswered = db
    .prepare(
      `SELECT query_text AS text, redacted, decision, NULL AS entryId, COUNT(*) AS count
      FROM asks WHERE at >= ? AND ${scope} AND decision = 'none' GROUP BY query_text, redacted`,
    )
    .all(sinceMs, c, c) as { text: string; redacted: number; decision: string; entryId: string | null; count: number }[];
  const asks = [...decided, ...unanswered];
  const picks = db
    .prepare(
      `SELECT query_text AS text, redacted, via, entry_id AS entryId, COUNT(*) AS count
      FROM picks WHERE at >= ? AND ${scope} GROUP BY query_text, redacted, via, entry_id`,
    )
    .all(sinceMs, c, c) as { text: string; redacted: number; via: string; entryId: string; count: number }[];
  const feedback = db
    .prepare(
      `SELECT entry_id AS entryId, helpful, COUNT(*) AS count
      FROM feedback WHERE at >= ? AND ${scope} GROUP BY entry_id, helpful ORDER BY entry_id`,
    )
    .all(sinceMs, c, c) as { entryId: string; helpful: number; count: number }[];
  // `faqbot insights` reads a file without migrating it: one from before hand-offs has none.
  const handoffs =
    userVersion(db) < HANDOFFS_SINCE
      ? []
      : (db
          .prepare(
            `SELECT entry_id AS entryId, COUNT(*) AS count
      FROM handoffs WHERE at >= ? AND (? IS NULL OR community_id = ?) GROUP BY entry_id`,
          )
          .all(sinceMs, c, c) as { entryId: string | null; count: number }[]);
  return {
    handoffs: handoffs.map((h) => ({ count: h.count, ...(h.entryId ? { entryId: h.entryId } : {}) })),
    asks: asks.map((a): AskRow => ({
      text: a.text,
      redacted: a.redacted === 1,
      decision: a.decision,
      count: a.count,
      ...(a.entryId ? { entryId: a.entryId } : {}),
    })),
    picks: picks.map((p): PickRow => ({ text: p.text, redacted: p.redacted === 1, via: p.via, entryId: p.entryId, count: p.count })),
    feedback: feedback.map((f): FeedbackRow => ({ entryId: f.entryId, helpful: f.helpful === 1, count: f.count })),
  };
}

/** Opens an existing insights database read-only; clear errors for a missing, foreign or newer file. */
export function openForReading(path: string): SqlDatabase {
  if (!existsSync(path)) {
    throw new FaqbotError(
      'not-found',
      `${path}: no insights database yet; it is created when the bot starts with settings.insights.enabled (pass --db PATH for another file)`,
    );
  }
  let db: SqlDatabase | undefined;
  try {
    db = openSqlite(path, { readonly: true, timeoutMs: 2000 });
    const version = userVersion(db);
    if (version === 0) throw new Error('it has no faqbot tables (was it written by faqbot?)');
    if (version > SCHEMA_VERSION)
      throw new Error(`it was written by a newer faqbot (schema ${version}, this one knows ${SCHEMA_VERSION}); upgrade faqbot`);
    return db;
  } catch (error) {
    db?.close();
    throw new FaqbotError(
      'not-found',
      `${path}: cannot read the insights database: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

// Reads recorded rows back from PostgreSQL for aggregation: the same groups as readRows does
// in SQLite (src/insights/read.ts), so both engines give the same report.
import type { Pool, PoolClient } from 'pg';
import type { AskRow, FeedbackRow, InsightsRows, PickRow } from './aggregate.js';

type Queryable = Pick<Pool | PoolClient, 'query'>;

export async function readPgRows(db: Queryable, sinceMs: number, communityId?: string): Promise<InsightsRows> {
  // One community's rows, or all (NULL matches everything).
  const c = communityId ?? null;
  const decided = await db.query<{ text: string; redacted: number; decision: string; entryid: string | null; count: number }>(
    `SELECT '' AS text, 0 AS redacted, decision, entry_id AS entryid, COUNT(*)::int AS count
       FROM asks WHERE at >= $1 AND ($2::text IS NULL OR community_id = $2) AND decision != 'none' GROUP BY decision, entry_id`,
    [sinceMs, c],
  );
  const unanswered = await db.query<{ text: string; redacted: number; decision: string; entryid: string | null; count: number }>(
    `SELECT query_text AS text, redacted, decision, NULL AS entryid, COUNT(*)::int AS count
       FROM asks WHERE at >= $1 AND ($2::text IS NULL OR community_id = $2) AND decision = 'none' GROUP BY query_text, redacted, decision`,
    [sinceMs, c],
  );
  const picks = await db.query<{ text: string; redacted: number; via: string; entryid: string; count: number }>(
    `SELECT query_text AS text, redacted, via, entry_id AS entryid, COUNT(*)::int AS count
       FROM picks WHERE at >= $1 AND ($2::text IS NULL OR community_id = $2) GROUP BY query_text, redacted, via, entry_id`,
    [sinceMs, c],
  );
  const feedback = await db.query<{ entryid: string; helpful: number; count: number }>(
    `SELECT entry_id AS entryid, helpful, COUNT(*)::int AS count
       FROM feedback WHERE at >= $1 AND ($2::text IS NULL OR community_id = $2) GROUP BY entry_id, helpful ORDER BY entry_id COLLATE "C"`,
    [sinceMs, c],
  );
  const handoffs = await db.query<{ entryid: string | null; count: number }>(
    `SELECT entry_id AS entryid, COUNT(*)::int AS count FROM handoffs WHERE at >= $1 AND ($2::text IS NULL OR community_id = $2) GROUP BY entry_id`,
    [sinceMs, c],
  );
  return {
    handoffs: handoffs.rows.map((h) => ({ count: h.count, ...(h.entryid ? { entryId: h.entryid } : {}) })),
    asks: [...decided.rows, ...unanswered.rows].map((a): AskRow => ({
      text: a.text,
      redacted: Number(a.redacted) === 1,
      decision: a.decision,
      count: a.count,
      ...(a.entryid ? { entryId: a.entryid } : {}),
    })),
    picks: picks.rows.map((p): PickRow => ({
      text: p.text,
      redacted: Number(p.redacted) === 1,
      via: p.via,
      entryId: p.entryid,
      count: p.count,
    })),
    feedback: feedback.rows.map((f): FeedbackRow => ({ entryId: f.entryid, helpful: Number(f.helpful) === 1, count: f.count })),
  };
}

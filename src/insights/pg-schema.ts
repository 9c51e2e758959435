// The insights schema in PostgreSQL: the same tables, columns and indexes as the SQLite file
// (src/insights/schema.ts), migration for migration, in PostgreSQL's types (epoch ms need
// BIGINT, scores DOUBLE PRECISION). Version N here is version N there; add to both at once.
import type { PoolClient } from 'pg';

export const PG_MIGRATIONS: readonly string[] = [
  // 1: asks, picks, feedback, and a small key/value table for the generated salt.
  `
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE asks (
    ask_id       TEXT PRIMARY KEY,
    at           BIGINT NOT NULL,
    platform     TEXT NOT NULL,
    community_id TEXT,
    channel_id   TEXT NOT NULL,
    asker_hash   TEXT NOT NULL,
    via          TEXT NOT NULL,
    query_text   TEXT NOT NULL,
    redacted     SMALLINT NOT NULL,
    decision     TEXT NOT NULL,
    entry_id     TEXT,
    score        DOUBLE PRECISION NOT NULL
  );
  CREATE INDEX asks_at ON asks (at);
  CREATE TABLE picks (
    ask_id       TEXT PRIMARY KEY,
    at           BIGINT NOT NULL,
    platform     TEXT NOT NULL,
    community_id TEXT,
    channel_id   TEXT NOT NULL,
    asker_hash   TEXT NOT NULL,
    via          TEXT NOT NULL,
    query_text   TEXT NOT NULL,
    redacted     SMALLINT NOT NULL,
    entry_id     TEXT NOT NULL
  );
  CREATE INDEX picks_at ON picks (at);
  CREATE TABLE feedback (
    id        BIGSERIAL PRIMARY KEY,
    ask_id    TEXT NOT NULL,
    at        BIGINT NOT NULL,
    platform  TEXT NOT NULL,
    entry_id  TEXT NOT NULL,
    helpful   SMALLINT NOT NULL,
    by_hash   TEXT NOT NULL,
    UNIQUE (ask_id, by_hash)
  );
  CREATE INDEX feedback_at ON feedback (at);
  `,
  // 2: as in SQLite: count answered asks from an index, find unanswered ones without the answered.
  `
  CREATE INDEX asks_at_decision ON asks (at, decision, entry_id);
  DROP INDEX asks_at;
  CREATE INDEX asks_unanswered ON asks (at) WHERE decision = 'none';
  `,
  // 3: a pick remembers the ask it came from.
  `
  ALTER TABLE picks ADD COLUMN from_ask_id TEXT;
  `,
  // 4: as SQLite's migration 4: feedback says whose community it is; per-community indexes.
  `
  ALTER TABLE feedback ADD COLUMN community_id TEXT;
  CREATE INDEX asks_community_at ON asks (community_id, at);
  CREATE INDEX picks_community_at ON picks (community_id, at);
  CREATE INDEX feedback_community_at ON feedback (community_id, at);
  `,
  // 5: hand-offs to a human, one per ask.
  `
  CREATE TABLE handoffs (
    ask_id       TEXT PRIMARY KEY,
    at           BIGINT NOT NULL,
    platform     TEXT NOT NULL,
    community_id TEXT,
    channel_id   TEXT NOT NULL,
    asker_hash   TEXT NOT NULL,
    entry_id     TEXT
  );
  CREATE INDEX handoffs_at ON handoffs (at);
  `,
  // 6: installations of an app distributed by OAuth, one per workspace or organisation.
  `
  CREATE TABLE installations (
    platform   TEXT NOT NULL,
    key        TEXT NOT NULL,
    data       TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (platform, key)
  );
  `,
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

/** The version table lives outside the migrations so it can say how many have run. */
const VERSION_TABLE = 'faqbot_schema_version';

/** The schema version of the database, 0 when faqbot has never written to it. */
export async function pgSchemaVersion(client: Pick<PoolClient, 'query'>): Promise<number> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('${VERSION_TABLE}') AS t`);
  if (!exists.rows[0]?.t) return 0;
  const row = await client.query<{ version: number }>(`SELECT version FROM ${VERSION_TABLE}`);
  return row.rows[0]?.version ?? 0;
}

/**
 * Brings the database up to PG_SCHEMA_VERSION in one transaction, under an advisory lock so
 * replicas starting together migrate once; refuses a database written by a newer faqbot.
 */
export async function pgMigrate(client: PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('faqbot insights migrations'))");
    await client.query(`CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version INTEGER NOT NULL)`);
    const current = await pgSchemaVersion(client);
    if (current > PG_SCHEMA_VERSION) {
      throw new Error(
        `the database has schema version ${current}, newer than this faqbot knows (${PG_SCHEMA_VERSION}); upgrade faqbot or point FAQBOT_DATABASE_URL at another database`,
      );
    }
    for (let v = current; v < PG_SCHEMA_VERSION; v++) await client.query(PG_MIGRATIONS[v]!);
    await client.query(`DELETE FROM ${VERSION_TABLE}`);
    await client.query(`INSERT INTO ${VERSION_TABLE} (version) VALUES ($1)`, [PG_SCHEMA_VERSION]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

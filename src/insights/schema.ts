// Versioned migrations for the insights database. `PRAGMA user_version` holds how many have
// run; each runs once, in a transaction, in order. Never edit a shipped migration: add one.
import type { SqlDatabase } from './sqlite.js';

export const MIGRATIONS: readonly string[] = [
  // 1: asks, picks, feedback, and a small key/value table for the generated salt.
  `
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE asks (
    ask_id       TEXT PRIMARY KEY,
    at           INTEGER NOT NULL,
    platform     TEXT NOT NULL,
    community_id TEXT,
    channel_id   TEXT NOT NULL,
    asker_hash   TEXT NOT NULL,
    via          TEXT NOT NULL,
    query_text   TEXT NOT NULL,
    redacted     INTEGER NOT NULL,
    decision     TEXT NOT NULL,
    entry_id     TEXT,
    score        REAL NOT NULL
  );
  CREATE INDEX asks_at ON asks (at);
  CREATE TABLE picks (
    ask_id       TEXT PRIMARY KEY,
    at           INTEGER NOT NULL,
    platform     TEXT NOT NULL,
    community_id TEXT,
    channel_id   TEXT NOT NULL,
    asker_hash   TEXT NOT NULL,
    via          TEXT NOT NULL,
    query_text   TEXT NOT NULL,
    redacted     INTEGER NOT NULL,
    entry_id     TEXT NOT NULL
  );
  CREATE INDEX picks_at ON picks (at);
  CREATE TABLE feedback (
    id        INTEGER PRIMARY KEY,
    ask_id    TEXT NOT NULL,
    at        INTEGER NOT NULL,
    platform  TEXT NOT NULL,
    entry_id  TEXT NOT NULL,
    helpful   INTEGER NOT NULL,
    by_hash   TEXT NOT NULL,
    -- One verdict per person per answer: a second click changes the vote, not the count.
    UNIQUE (ask_id, by_hash)
  );
  CREATE INDEX feedback_at ON feedback (at);
  `,
  // 2: summaries read a week of asks: count answered ones from an index alone, and find
  // unanswered ones without scanning the answered.
  `
  CREATE INDEX asks_at_decision ON asks (at, decision, entry_id);
  DROP INDEX asks_at;
  CREATE INDEX asks_unanswered ON asks (at) WHERE decision = 'none';
  `,
  // 3: a pick remembers the ask it came from (its wording, when the click carried none).
  `
  ALTER TABLE picks ADD COLUMN from_ask_id TEXT;
  `,
  // 4: one deployment serves several communities: feedback says whose it is, and a
  // community's summary reads its own rows from an index.
  `
  ALTER TABLE feedback ADD COLUMN community_id TEXT;
  CREATE INDEX asks_community_at ON asks (community_id, at);
  CREATE INDEX picks_community_at ON picks (community_id, at);
  CREATE INDEX feedback_community_at ON feedback (community_id, at);
  `,
  // 5: hand-offs to a human ("Ask a human"): one per ask, with the entry it was about, if any.
  `
  CREATE TABLE handoffs (
    ask_id       TEXT PRIMARY KEY,
    at           INTEGER NOT NULL,
    platform     TEXT NOT NULL,
    community_id TEXT,
    channel_id   TEXT NOT NULL,
    asker_hash   TEXT NOT NULL,
    entry_id     TEXT
  );
  CREATE INDEX handoffs_at ON handoffs (at);
  `,
  // 6: a Slack app distributed by OAuth keeps one installation per workspace or organisation
  // (its bot token). Opaque to the core: the adapter that wrote a record reads it. Never pruned.
  `
  CREATE TABLE installations (
    platform   TEXT NOT NULL,
    key        TEXT NOT NULL,
    data       TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (platform, key)
  );
  `,
];

/** The first schema version with the handoffs table; older files read as having none. */
export const HANDOFFS_SINCE = 5;

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database up to SCHEMA_VERSION; refuses a database written by a newer faqbot. */
export function migrate(db: SqlDatabase): void {
  const current = userVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `the database has schema version ${current}, newer than this faqbot knows (${SCHEMA_VERSION}); upgrade faqbot or point settings.insights.path at another file`,
    );
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.exec(`PRAGMA user_version = ${v + 1}`);
    });
  }
}

/** How many migrations the file has had (0 for a file faqbot never wrote). */
export function userVersion(db: SqlDatabase): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number | bigint }).user_version);
}

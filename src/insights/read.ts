// Reads recorded rows back for aggregation, and opens a database for reading only (the
// `insights` command must not create or migrate a file the bot owns).
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { FaqbotError } from '../errors.js';
import type { AskRow, FeedbackRow, InsightsRows, PickRow } from './aggregate.js';
import { SCHEMA_VERSION } from './schema.js';

export function readRows(db: Database.Database, sinceMs: number): InsightsRows {
  const asks = db.prepare('SELECT at, query_text AS text, redacted, decision, entry_id AS entryId FROM asks WHERE at >= ? ORDER BY at')
    .all(sinceMs) as { at: number; text: string; redacted: number; decision: string; entryId: string | null }[];
  const picks = db.prepare('SELECT at, query_text AS text, redacted, via, entry_id AS entryId FROM picks WHERE at >= ? ORDER BY at')
    .all(sinceMs) as { at: number; text: string; redacted: number; via: string; entryId: string }[];
  const feedback = db.prepare('SELECT at, entry_id AS entryId, helpful FROM feedback WHERE at >= ? ORDER BY at')
    .all(sinceMs) as { at: number; entryId: string; helpful: number }[];
  return {
    asks: asks.map((a): AskRow => ({ at: a.at, text: a.text, redacted: a.redacted === 1, decision: a.decision, ...(a.entryId ? { entryId: a.entryId } : {}) })),
    picks: picks.map((p): PickRow => ({ at: p.at, text: p.text, redacted: p.redacted === 1, via: p.via, entryId: p.entryId })),
    feedback: feedback.map((f): FeedbackRow => ({ at: f.at, entryId: f.entryId, helpful: f.helpful === 1 })),
  };
}

/** Opens an existing insights database read-only; clear errors for a missing, foreign or newer file. */
export function openForReading(path: string): Database.Database {
  if (!existsSync(path)) {
    throw new FaqbotError('not-found', `${path}: no insights database yet; it is created when the bot starts with settings.insights.enabled (pass --db PATH for another file)`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 2000 });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) throw new Error('it has no faqbot tables (was it written by faqbot?)');
    if (version > SCHEMA_VERSION) throw new Error(`it was written by a newer faqbot (schema ${version}, this one knows ${SCHEMA_VERSION}); upgrade faqbot`);
    return db;
  } catch (error) {
    db?.close();
    throw new FaqbotError('not-found', `${path}: cannot read the insights database: ${error instanceof Error ? error.message : String(error)}`);
  }
}

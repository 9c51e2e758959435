// What every insights store is told, whichever engine keeps the records (SQLite or PostgreSQL).
import type { KnowledgeBase } from '../domain.js';
import type { Logger } from '../log.js';

export interface CommonStoreOptions {
  log: Logger;
  /** From `secrets.insightsSalt`; when absent a random salt is generated once and kept in the database. */
  salt?: string;
  retentionDays: number;
  storeQueryText: boolean;
  /** The current knowledge base (of a community, when given), to name entries in summaries. */
  knowledge?: (communityId?: string) => KnowledgeBase | undefined;
  now?: () => number;
  /** Told of every write that failed (the metrics count them; the log says so once). */
  onWriteError?: () => void;
}

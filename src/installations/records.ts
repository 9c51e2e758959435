// Where a platform app distributed to many workspaces keeps one record per installation (for
// Slack: the workspace's or organisation's bot token). Kept in the insights database, SQLite
// or PostgreSQL. The core never reads inside a record: the adapter that wrote it reads it, so
// the core stays platform-neutral. Records hold secrets: nothing here logs their contents.

export interface InstallationRecords {
  /** The database as the log shows it (a file path, or PostgreSQL's host and database; never a password). */
  readonly where: string;
  /** Creates or replaces the record of `key` (e.g. a workspace id) for `platform`. */
  put(platform: string, key: string, data: string): Promise<void>;
  /** The record, or undefined when there is none. Throws when the database cannot be read. */
  get(platform: string, key: string): Promise<string | undefined>;
  /** Whether there was a record to delete. */
  delete(platform: string, key: string): Promise<boolean>;
  close(): Promise<void>;
}

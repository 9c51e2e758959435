// Installation records in the insights SQLite file (its own connection; WAL lets it share the
// file with the insights store). Migrated with the same migrations as the insights.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from '../insights/schema.js';
import { openSqlite, type SqlDatabase, type SqliteDriver } from '../insights/sqlite.js';
import type { InstallationRecords } from './records.js';

/** An install or uninstall is rare; waiting a while for the insights' write lock is fine. */
const BUSY_TIMEOUT_MS = 2000;

export class SqliteInstallationRecords implements InstallationRecords {
  private readonly statements: ReturnType<typeof prepare>;

  private constructor(
    private readonly db: SqlDatabase,
    readonly where: string,
    private readonly now: () => number,
  ) {
    this.statements = prepare(db);
  }

  /** Opens (creating and migrating) the file; throws what the driver says when it cannot. */
  static open(path: string, options: { driver?: SqliteDriver; now?: () => number } = {}): SqliteInstallationRecords {
    mkdirSync(dirname(path), { recursive: true });
    const db = openSqlite(path, { timeoutMs: BUSY_TIMEOUT_MS }, options.driver);
    try {
      db.exec('PRAGMA journal_mode = WAL');
      migrate(db);
      return new SqliteInstallationRecords(db, path, options.now ?? Date.now);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async put(platform: string, key: string, data: string): Promise<void> {
    this.statements.put.run({ platform, key, data, updated_at: this.now() });
  }

  async get(platform: string, key: string): Promise<string | undefined> {
    return (this.statements.get.get(platform, key) as { data: string } | undefined)?.data;
  }

  async delete(platform: string, key: string): Promise<boolean> {
    return Number(this.statements.delete.run(platform, key).changes) > 0;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function prepare(db: SqlDatabase) {
  return {
    put: db.prepare(`INSERT INTO installations (platform, key, data, updated_at) VALUES (@platform, @key, @data, @updated_at)
      ON CONFLICT (platform, key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`),
    get: db.prepare('SELECT data FROM installations WHERE platform = ? AND key = ?'),
    delete: db.prepare('DELETE FROM installations WHERE platform = ? AND key = ?'),
  };
}

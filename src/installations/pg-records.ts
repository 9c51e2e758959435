// Installation records in PostgreSQL, for replicas: an install handled by one is seen by all.
// Migrated with the insights' migrations (the same advisory lock), so either may start first.
import pg from 'pg';
import { pgMigrate } from '../insights/pg-schema.js';
import type { InstallationRecords } from './records.js';

export class PgInstallationRecords implements InstallationRecords {
  private constructor(
    private readonly pool: pg.Pool,
    readonly where: string,
    private readonly now: () => number,
  ) {}

  /** Connects and migrates now; throws when PostgreSQL does not answer (start-up says so). */
  static async open(url: string, where: string, options: { now?: () => number } = {}): Promise<PgInstallationRecords> {
    const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 2000, idleTimeoutMillis: 10_000 });
    // An idle connection dropped by the server must not end the process; the next query notices.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      try {
        await pgMigrate(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new PgInstallationRecords(pool, where, options.now ?? Date.now);
  }

  async put(platform: string, key: string, data: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO installations (platform, key, data, updated_at) VALUES ($1, $2, $3, $4)
      ON CONFLICT (platform, key) DO UPDATE SET data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
      [platform, key, data, this.now()],
    );
  }

  async get(platform: string, key: string): Promise<string | undefined> {
    return (await this.pool.query<{ data: string }>('SELECT data FROM installations WHERE platform = $1 AND key = $2', [platform, key]))
      .rows[0]?.data;
  }

  async delete(platform: string, key: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM installations WHERE platform = $1 AND key = $2', [platform, key])).rowCount ?? 0) > 0;
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}

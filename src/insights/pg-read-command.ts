// `faqbot insights` on PostgreSQL: reads without creating or migrating anything, with errors
// that say what to do (and never the password in the URL).
import pg from 'pg';
import { describeUrl } from '../engines/describe-url.js';
import { FaqbotError } from '../errors.js';
import { describeError } from '../log.js';
import type { InsightsRows } from './aggregate.js';
import { readPgRows } from './pg-read.js';
import { PG_SCHEMA_VERSION, pgSchemaVersion } from './pg-schema.js';

export async function readPgInsights(url: string, sinceMs: number, communityId?: string): Promise<InsightsRows> {
  const where = describeUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new FaqbotError(
      'not-found',
      `cannot reach PostgreSQL at ${where} (${describeError(error)}); check FAQBOT_DATABASE_URL and that the server runs`,
    );
  }
  try {
    const version = await pgSchemaVersion(client);
    if (version === 0)
      throw new FaqbotError(
        'not-found',
        `PostgreSQL at ${where} has no faqbot insights yet; they are created when the bot starts with FAQBOT_DATABASE_URL set`,
      );
    if (version > PG_SCHEMA_VERSION)
      throw new FaqbotError(
        'not-found',
        `PostgreSQL at ${where} was written by a newer faqbot (schema ${version}, this one knows ${PG_SCHEMA_VERSION}); upgrade faqbot`,
      );
    return await readPgRows(client, sinceMs, communityId);
  } catch (error) {
    if (error instanceof FaqbotError) throw error;
    throw new FaqbotError('not-found', `cannot read the insights in PostgreSQL at ${where}: ${describeError(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

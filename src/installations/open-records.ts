// Opens the installation records where the insights live: PostgreSQL when FAQBOT_DATABASE_URL
// is set, else the SQLite file (insights.path), whether or not insights are recorded. Unlike
// insights, installations cannot be done without: a database that cannot be opened stops
// start-up, with what to fix.
import { describeUrl } from '../engines/describe-url.js';
import { FaqbotError } from '../errors.js';
import { adviceFor, troubleOf } from '../insights/advice.js';
import { describeError } from '../log.js';
import type { InstallationRecords } from './records.js';

export interface RecordsPlace {
  /** postgres://… (FAQBOT_DATABASE_URL), when set. */
  readonly databaseUrl?: string;
  /** The SQLite file (insights.path, resolved), used when no database URL is set. */
  readonly sqlitePath: string;
}

export async function openInstallationRecords(place: RecordsPlace, why: string): Promise<InstallationRecords> {
  if (place.databaseUrl) {
    const where = describeUrl(place.databaseUrl);
    const { PgInstallationRecords } = await import('./pg-records.js');
    try {
      return await PgInstallationRecords.open(place.databaseUrl, where);
    } catch (error) {
      throw new FaqbotError(
        'config',
        `${why} keeps installations in PostgreSQL at ${where}, which did not answer (${describeError(error)}); start PostgreSQL or fix FAQBOT_DATABASE_URL`,
      );
    }
  }
  const { SqliteInstallationRecords } = await import('./sqlite-records.js');
  try {
    return SqliteInstallationRecords.open(place.sqlitePath);
  } catch (error) {
    throw new FaqbotError(
      'config',
      `${why} keeps installations in ${place.sqlitePath}, which cannot be used (${describeError(error)}); ${adviceFor(troubleOf(error), place.sqlitePath)}`,
    );
  }
}

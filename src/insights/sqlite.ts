// The insights store's SQLite driver seam: the one place that decides which driver opens the
// file. better-sqlite3 12.x (kept on 12.x) aborts the process on Node 24 (`Assertion failed:
// (env) != nullptr` in its statements' cleanup hooks), so from Node 24 on the built-in
// node:sqlite opens the same file instead; below 24 better-sqlite3 does, as before. Both are
// SQLite 3, so the file format is the same either way. Each driver is loaded only when a
// database is opened, so Node 24 never loads the better-sqlite3 addon.
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

export type SqliteDriver = 'better-sqlite3' | 'node:sqlite';

export type SqlValue = string | number | bigint | null | Uint8Array;
/** Positional values, or one object of named ones (`@name` in the SQL, the key without the @). */
export type SqlParams = SqlValue[] | [Readonly<Record<string, SqlValue>>];

/** What the store uses of a prepared statement; both drivers' statements have it. */
export interface SqlStatement {
  run(...params: SqlParams): { changes: number | bigint };
  get(...params: SqlParams): unknown;
  all(...params: SqlParams): unknown[];
}

export interface SqlDatabase {
  readonly driver: SqliteDriver;
  prepare(sql: string): SqlStatement;
  exec(sql: string): void;
  /** Runs `fn` in a transaction (a nested one is a savepoint); rolls it back when `fn` throws. */
  transaction(fn: () => void): void;
  close(): void;
}

export interface SqliteOpenOptions {
  /** Open an existing file for reading only (never creating it). */
  readonly?: boolean;
  /** How long a statement waits for another connection's lock. */
  timeoutMs: number;
}

/** The first Node major whose insights store runs on node:sqlite. */
const NODE_SQLITE_FROM_MAJOR = 24;

/** The driver for this Node: node:sqlite from Node 24, better-sqlite3 below. */
export function driverFor(nodeVersion: string = process.versions.node): SqliteDriver {
  return Number(nodeVersion.split('.')[0]) >= NODE_SQLITE_FROM_MAJOR ? 'node:sqlite' : 'better-sqlite3';
}

export function openSqlite(path: string, options: SqliteOpenOptions, driver: SqliteDriver = driverFor()): SqlDatabase {
  return driver === 'node:sqlite' ? openNodeSqlite(path, options) : openBetterSqlite(path, options);
}

const require = createRequire(import.meta.url);

/** Loads a driver module, or says plainly why the store cannot run here and what to do. */
function load<T>(driver: SqliteDriver): T {
  try {
    return require(driver) as T;
  } catch (error) {
    throw driverLoadError(driver, error);
  }
}

/**
 * One line on a driver that cannot load: better-sqlite3 loads its addon only when the first
 * database opens, and Node's own message for a wrong build spans five lines with a path.
 */
export function driverLoadError(driver: SqliteDriver, error: unknown, nodeVersion: string = process.versions.node): Error {
  const message = error instanceof Error ? error.message : String(error);
  const why = /NODE_MODULE_VERSION/.test(message)
    ? 'its addon was built for another Node.js version'
    : /bindings file/.test(message)
      ? 'its addon was never built, as after npm ci --ignore-scripts'
      : message.split('\n')[0]!;
  const fix =
    driver === 'node:sqlite'
      ? 'use an official Node.js build, which has node:sqlite'
      : 'run `npm ci` again with the Node.js version that runs the bot';
  return new Error(`the SQLite driver ${driver} cannot be loaded on Node ${nodeVersion} (${why}); ${fix}, or set insights.enabled: false`);
}

/** Whether an error from opening a better-sqlite3 database is its addon failing to load. */
function isAddonFailure(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === 'ERR_DLOPEN_FAILED' || /bindings file|NODE_MODULE_VERSION/.test(String(e?.message ?? ''));
}

function openBetterSqlite(path: string, options: SqliteOpenOptions): SqlDatabase {
  const Database = load<typeof BetterSqlite3>('better-sqlite3');
  let db: BetterSqlite3.Database;
  try {
    db = new Database(path, { timeout: options.timeoutMs, ...(options.readonly ? { readonly: true, fileMustExist: true } : {}) });
  } catch (error) {
    throw isAddonFailure(error) ? driverLoadError('better-sqlite3', error) : error;
  }
  return {
    driver: 'better-sqlite3',
    prepare: (sql) => db.prepare(sql),
    exec: (sql) => {
      db.exec(sql);
    },
    transaction: (fn) => {
      db.transaction(fn)();
    },
    close: () => {
      db.close();
    },
  };
}

/** The part of node:sqlite used here (the project's @types/node is Node 20's, which has none). */
interface NodeSqliteModule {
  DatabaseSync: new (
    path: string,
    options?: { readOnly?: boolean },
  ) => {
    readonly isTransaction: boolean;
    prepare(sql: string): SqlStatement;
    exec(sql: string): void;
    close(): void;
  };
}

function openNodeSqlite(path: string, options: SqliteOpenOptions): SqlDatabase {
  const { DatabaseSync } = load<NodeSqliteModule>('node:sqlite');
  // Read-only opens without SQLITE_OPEN_CREATE, so a missing file is an error, not a new one.
  const db = new DatabaseSync(path, options.readonly ? { readOnly: true } : {});
  try {
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(options.timeoutMs))}`);
  } catch (error) {
    db.close();
    throw error;
  }
  // node:sqlite has no transaction helper: BEGIN/COMMIT outside, savepoints inside, as
  // better-sqlite3's helper does (a prune kept during a lock runs inside the flush's transaction).
  let depth = 0;
  return {
    driver: 'node:sqlite',
    prepare: (sql) => db.prepare(sql),
    exec: (sql) => {
      db.exec(sql);
    },
    transaction: (fn) => {
      const savepoint = depth > 0 ? `faqbot_${depth}` : undefined;
      db.exec(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN');
      depth += 1;
      try {
        fn();
        db.exec(savepoint ? `RELEASE ${savepoint}` : 'COMMIT');
      } catch (error) {
        // Some errors (a full disk, say) have already ended the transaction in SQLite.
        if (db.isTransaction) db.exec(savepoint ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : 'ROLLBACK');
        throw error;
      } finally {
        depth -= 1;
      }
    },
    close: () => {
      db.close();
    },
  };
}

// node:sqlite reports SQLite's (extended) result code as a number in `errcode`; better-sqlite3
// gives its name in `code`. These are the names the advice tells apart.
const RESULT_CODES: Readonly<Record<number, string>> = {
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  8: 'SQLITE_READONLY',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  26: 'SQLITE_NOTADB',
  1032: 'SQLITE_READONLY_DBMOVED',
};

/** SQLite's result code name (SQLITE_BUSY, ...) from either driver's error, else the error's own code. */
export function sqliteCode(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; errcode?: unknown };
  if (typeof e.errcode === 'number') {
    return RESULT_CODES[e.errcode] ?? RESULT_CODES[e.errcode & 0xff] ?? `SQLITE_${e.errcode}`;
  }
  return String(e.code ?? '');
}

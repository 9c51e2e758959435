// What an operator should do about an insights database error, by its cause: a read-only file
// wants permissions, not a new file; a full disk wants space; only a damaged file wants moving
// aside. One sentence each, naming the file.
import { sqliteCode } from './sqlite.js';

export type StoreTrouble = 'busy' | 'moved' | 'read-only' | 'full' | 'damaged' | 'cannot-open' | 'disk' | 'other';

/** The cause from the SQLite driver's result code (or a Node fs code at open). */
export function troubleOf(error: unknown): StoreTrouble {
  const code = sqliteCode(error);
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'busy';
  if (code === 'SQLITE_READONLY_DBMOVED') return 'moved';
  if (/^SQLITE_READONLY/.test(code) || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'read-only';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'full';
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return 'damaged';
  if (/^SQLITE_CANTOPEN/.test(code)) return 'cannot-open';
  if (/^SQLITE_IOERR/.test(code) || code === 'EIO') return 'disk';
  return 'other';
}

export function adviceFor(trouble: StoreTrouble, path: string): string {
  switch (trouble) {
    case 'busy':
      return `another program holds a lock on ${path} (a backup, an open sqlite3 shell?); let it finish`;
    case 'moved':
      return `${path} was moved or deleted while the bot was running; put it back, or restart the bot to start a new one there`;
    case 'read-only':
      return `${path} or its folder is read-only for the bot; give the user the bot runs as write access to both, or point FAQBOT_DB (insights.path) at a writable place`;
    case 'full':
      return `the disk holding ${path} is full; free some space and recording resumes by itself`;
    case 'damaged':
      return `${path} is damaged or is not a faqbot database; stop the bot and move it aside (a new one is made at the next start), keeping the old file if you want to recover it`;
    case 'cannot-open':
      return `${path} cannot be opened; check that its folder exists and the bot may write there, or point FAQBOT_DB (insights.path) at another place`;
    case 'disk':
      return `the disk reported an error reading or writing ${path}; check the disk`;
    case 'other':
      return `check ${path}'s permissions and the disk`;
  }
}

// README "Backups": the one-liner for a container without the sqlite3 tool makes a usable copy
// of the insights database while it is open.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'faqbot-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the README backup command', () => {
  it('copies the database while another connection has it open', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const script = /docker compose exec faqbot node -e "([^"]+)"/.exec(readme)?.[1];
    expect(script).toBeDefined();
    const live = new Database(join(dir, 'faqbot.db'));
    live.pragma('journal_mode = WAL');
    live.exec("CREATE TABLE asks (q TEXT); INSERT INTO asks VALUES ('how do I migrate')");
    execFileSync(process.execPath, ['-e', script!.replaceAll('/app/data', dir)], { cwd: root });
    live.close();
    const copy = new Database(join(dir, 'backup.db'), { readonly: true });
    expect(copy.prepare('SELECT q FROM asks').all()).toEqual([{ q: 'how do I migrate' }]);
    copy.close();
  });
});

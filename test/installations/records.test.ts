// The installation store of Slack's OAuth distribution, in the insights database: the same
// behaviour on SQLite and on the real PostgreSQL (a database of its own for each test).
// Installations are stored, fetched and deleted by workspace or, for an org-wide install, by
// Enterprise Grid organisation; they outlive a restart; tokens never reach the log.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Installation } from '@slack/bolt';
import { SlackInstallations } from '../../adapters/slack/installations.js';
import { openInstallationRecords } from '../../src/installations/open-records.js';
import type { InstallationRecords } from '../../src/installations/records.js';
import { SCHEMA_VERSION, userVersion } from '../../src/insights/schema.js';
import { PG_SCHEMA_VERSION, pgSchemaVersion } from '../../src/insights/pg-schema.js';
import { openSqlite } from '../../src/insights/sqlite.js';
import { InsightsStore } from '../../src/insights/store.js';
import { FaqbotError } from '../../src/errors.js';
import { captureLog, tempDir } from '../insights/helpers.js';
import { closedPort, freshDatabase, pgReachable } from '../engines/engines.js';

const withPg = await pgReachable();

function workspaceInstall(teamId: string, token: string): Installation<'v2', false> {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: { id: 'UADMIN', token: undefined, scopes: undefined },
    bot: { token, scopes: ['chat:write', 'commands'], id: 'B1', userId: 'UBOT1' },
    isEnterpriseInstall: false,
    authVersion: 'v2',
    appId: 'A1',
    tokenType: 'bot',
  };
}

function orgInstall(enterpriseId: string, token: string): Installation<'v2', true> {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: 'Grid' },
    user: { id: 'UADMIN', token: undefined, scopes: undefined },
    bot: { token, scopes: ['chat:write'], id: 'B2', userId: 'UBOT2' },
    isEnterpriseInstall: true,
    authVersion: 'v2',
    appId: 'A1',
    tokenType: 'bot',
    enterpriseUrl: 'https://grid.enterprise.slack.example/',
  };
}

interface Engine {
  /** Opens the records as `faqbot start` does, on this test's own database. */
  open(): Promise<InstallationRecords>;
}

/** Each engine's own place per test: a fresh SQLite file, or a fresh PostgreSQL database. */
const engines: { name: string; skip: boolean; setUp(): Promise<Engine & { tearDown(): Promise<void>; columns(): Promise<string[]> }> }[] = [
  {
    name: 'SQLite',
    skip: false,
    async setUp() {
      const sqlitePath = join(tempDir(), 'data', 'faqbot.db');
      return {
        open: () => openInstallationRecords({ sqlitePath }, 'slack (OAuth installs)'),
        async tearDown() {},
        async columns() {
          const db = openSqlite(sqlitePath, { readonly: true, timeoutMs: 100 });
          try {
            expect(userVersion(db)).toBe(SCHEMA_VERSION);
            return (db.prepare('PRAGMA table_info(installations)').all() as { name: string }[]).map((c) => c.name);
          } finally {
            db.close();
          }
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: !withPg,
    async setUp() {
      const db = await freshDatabase();
      return {
        open: () => openInstallationRecords({ databaseUrl: db.url, sqlitePath: '/nonexistent/unused.db' }, 'slack (OAuth installs)'),
        tearDown: () => db.drop(),
        async columns() {
          const client = new pg.Client({ connectionString: db.url });
          await client.connect();
          try {
            expect(await pgSchemaVersion(client)).toBe(PG_SCHEMA_VERSION);
            return (
              await client.query<{ column_name: string }>(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'installations' ORDER BY ordinal_position",
              )
            ).rows.map((r) => r.column_name);
          } finally {
            await client.end();
          }
        },
      };
    },
  },
];

for (const engine of engines) {
  describe.skipIf(engine.skip)(`installations in ${engine.name}`, () => {
    let place: Awaited<ReturnType<(typeof engine)['setUp']>>;
    const opened: InstallationRecords[] = [];
    const open = async () => {
      const records = await place.open();
      opened.push(records);
      return records;
    };
    beforeEach(async () => {
      place = await engine.setUp();
    });
    afterEach(async () => {
      while (opened.length) await opened.pop()!.close();
      await place.tearDown();
    });

    it('keeps an installation per workspace: stored, fetched, replaced by a reinstall, deleted', async () => {
      const log = captureLog();
      const store = new SlackInstallations(await open(), log);
      await store.storeInstallation(workspaceInstall('T1', 'xoxb-one-aaaaaaaaaaaaaaaaaaaa'));
      await store.storeInstallation(workspaceInstall('T2', 'xoxb-two-bbbbbbbbbbbbbbbbbbbb'));
      expect((await store.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe(
        'xoxb-one-aaaaaaaaaaaaaaaaaaaa',
      );
      expect((await store.fetchInstallation({ teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false })).team?.name).toBe(
        'Team T2',
      );
      // A reinstall (new scopes, a new token) replaces the old one.
      await store.storeInstallation(workspaceInstall('T1', 'xoxb-one-again-cccccccccccccccc'));
      expect((await store.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe(
        'xoxb-one-again-cccccccccccccccc',
      );
      await store.deleteInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
      await expect(store.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(
        /no installation for workspace T1/,
      );
      expect((await store.fetchInstallation({ teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe(
        'xoxb-two-bbbbbbbbbbbbbbbbbbbb',
      );
      expect(await place.columns()).toEqual(['platform', 'key', 'data', 'updated_at']);
    });

    it('keeps an org-wide install under its organisation, answering every workspace of it', async () => {
      const store = new SlackInstallations(await open(), captureLog());
      await store.storeInstallation(orgInstall('E1', 'xoxb-grid-dddddddddddddddddddd'));
      // Requests of an org-wide install, and of a workspace of that organisation, find it.
      expect((await store.fetchInstallation({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true })).bot?.token).toBe(
        'xoxb-grid-dddddddddddddddddddd',
      );
      expect((await store.fetchInstallation({ teamId: 'T9', enterpriseId: 'E1', isEnterpriseInstall: false })).enterprise?.id).toBe('E1');
      // A workspace of the organisation installed on its own is answered with its own token.
      await store.storeInstallation(workspaceInstall('T9', 'xoxb-nine-eeeeeeeeeeeeeeeeeeee'));
      expect((await store.fetchInstallation({ teamId: 'T9', enterpriseId: 'E1', isEnterpriseInstall: false })).bot?.token).toBe(
        'xoxb-nine-eeeeeeeeeeeeeeeeeeee',
      );
      await store.deleteInstallation({ teamId: 'T9', enterpriseId: 'E1', isEnterpriseInstall: true });
      await expect(store.fetchInstallation({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true })).rejects.toThrow(
        /no installation for organisation E1/,
      );
      expect((await store.fetchInstallation({ teamId: 'T9', enterpriseId: 'E1', isEnterpriseInstall: false })).bot?.token).toBe(
        'xoxb-nine-eeeeeeeeeeeeeeeeeeee',
      );
    });

    it('outlives a restart', async () => {
      const first = await open();
      await new SlackInstallations(first, captureLog()).storeInstallation(workspaceInstall('T1', 'xoxb-kept-ffffffffffffffffffff'));
      await first.close();
      opened.splice(opened.indexOf(first), 1);
      const again = new SlackInstallations(await open(), captureLog());
      expect((await again.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe(
        'xoxb-kept-ffffffffffffffffffff',
      );
    });

    it('says once that a workspace has no installation, again after it was installed and removed; never a token', async () => {
      const log = captureLog();
      const store = new SlackInstallations(await open(), log);
      const query = { teamId: 'T7', enterpriseId: undefined, isEnterpriseInstall: false } as const;
      for (let i = 0; i < 3; i++) await expect(store.fetchInstallation(query)).rejects.toThrow();
      expect(log.warnings.filter((w) => w.includes('workspace T7 has no installation'))).toHaveLength(1);
      await store.storeInstallation(workspaceInstall('T7', 'xoxb-seven-gggggggggggggggggg'));
      expect(await store.remove('team:T7')).toBe(true);
      expect(await store.remove('team:T7')).toBe(false);
      await expect(store.fetchInstallation(query)).rejects.toThrow();
      expect(log.warnings.filter((w) => w.includes('workspace T7 has no installation'))).toHaveLength(2);
      expect(log.infos).toContain('slack: installed to workspace T7 (Team T7); its requests are answered with its own token');
      expect([...log.infos, ...log.warnings].join('\n')).not.toContain('xoxb-');
    });

    it('says once when a kept installation is damaged, and answers nothing with it', async () => {
      const log = captureLog();
      const records = await open();
      await records.put('slack', 'team:T8', '{"team":{"id":"T8"}');
      const store = new SlackInstallations(records, log);
      const query = { teamId: 'T8', enterpriseId: undefined, isEnterpriseInstall: false } as const;
      for (let i = 0; i < 2; i++) await expect(store.fetchInstallation(query)).rejects.toThrow(/damaged/);
      expect(log.warnings.filter((w) => w.includes('the installation of workspace T8 in') && w.includes('is damaged'))).toHaveLength(1);
    });
  });
}

describe('installations beside the insights', () => {
  it('share the SQLite file with the insights store, which keeps recording', async () => {
    const path = join(tempDir(), 'faqbot.db');
    const insights = InsightsStore.open({ path, log: captureLog(), retentionDays: 90, storeQueryText: true });
    const records = await openInstallationRecords({ sqlitePath: path }, 'slack (OAuth installs)');
    await records.put('slack', 'team:T1', '{"x":1}');
    insights.recordAsk({
      askId: 'a1',
      at: Date.now(),
      platform: 'slack',
      channelId: 'C1',
      askerId: 'U1',
      via: 'command',
      text: 'hi',
      decision: 'none',
      score: 0,
    });
    expect(insights.report(0).totals.asks).toBe(1);
    // Retention prunes records of what was asked, never installations.
    insights.prune();
    expect(await records.get('slack', 'team:T1')).toBe('{"x":1}');
    insights.close();
    await records.close();
  });

  it('a file that cannot be used stops start-up with the file and the fix', async () => {
    // A file where the database's folder should be.
    const blocker = join(tempDir(), 'data');
    writeFileSync(blocker, 'not a folder');
    const error = await openInstallationRecords({ sqlitePath: join(blocker, 'faqbot.db') }, 'slack (OAuth installs)').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FaqbotError);
    expect((error as Error).message).toMatch(
      /^slack \(OAuth installs\) keeps installations in .*data\/faqbot\.db, which cannot be used \(.+\); /,
    );
  });

  it.skipIf(!withPg)('PostgreSQL that does not answer stops start-up, naming where and what to do, without the password', async () => {
    const port = await closedPort();
    const error = await openInstallationRecords(
      { databaseUrl: `postgres://faqbot:hunter2@127.0.0.1:${port}/faqbot`, sqlitePath: 'unused' },
      'slack (OAuth installs)',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaqbotError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `keeps installations in PostgreSQL at postgres://127.0.0.1:${port}/faqbot, which did not answer .*; start PostgreSQL or fix FAQBOT_DATABASE_URL`,
      ),
    );
    expect((error as Error).message).not.toContain('hunter2');
  });
});

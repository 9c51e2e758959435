import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/insights/schema.js';
import { InsightsStore } from '../../src/insights/store.js';

const log = { info() {}, warn() {}, error() {} };
const ask = (askId: string, communityId: string | undefined, text: string) => ({
  askId,
  at: Date.now(),
  platform: 'slack',
  ...(communityId ? { communityId } : {}),
  channelId: 'C1',
  askerId: 'U1',
  via: 'command' as const,
  text,
  decision: 'none',
  score: 0,
});

describe('insights per community', () => {
  it('gives each community its own records, feedback and person hashes', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'faqbot-communities-')), 'faqbot.db');
    const store = InsightsStore.open({ path, log, retentionDays: 90, storeQueryText: true, salt: 'fixed' });
    store.recordAsk(ask('a1', 'T0BOATS', 'where is the boat hook'));
    store.recordAsk(ask('a2', 'T0TRAINS', 'where is the caboose'));
    store.recordFeedback({
      askId: 'a1',
      entryId: 'x',
      helpful: false,
      by: { id: 'U1' },
      platform: 'slack',
      communityId: 'T0BOATS',
      at: Date.now(),
    });
    expect(store.summary(0, 'T0BOATS').topUnanswered).toEqual([{ text: 'where is the boat hook', count: 1 }]);
    expect(store.summary(0, 'T0BOATS').notHelpful).toBe(1);
    expect(store.summary(0, 'T0TRAINS').topUnanswered).toEqual([{ text: 'where is the caboose', count: 1 }]);
    expect(store.summary(0, 'T0TRAINS').notHelpful).toBe(0);
    // Without a community: every record (the `insights` command's view of the whole deployment).
    expect(store.summary(0).unanswered).toBe(2);
    store.close();
    const db = new Database(path, { readonly: true });
    const hashes = db.prepare('SELECT community_id, asker_hash FROM asks ORDER BY community_id').all() as {
      community_id: string;
      asker_hash: string;
    }[];
    db.close();
    // The same member in two workspaces: no join across communities by person.
    expect(hashes).toHaveLength(2);
    expect(hashes[0]!.asker_hash).not.toBe(hashes[1]!.asker_hash);
  });

  it('upgrades a database of schema 3 to keep feedback per community', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'faqbot-communities-')), 'faqbot.db');
    const old = new Database(path);
    for (const m of MIGRATIONS.slice(0, 3)) old.exec(m);
    old.pragma('user_version = 3');
    old.close();
    const store = InsightsStore.open({ path, log, retentionDays: 90, storeQueryText: true });
    store.recordFeedback({
      askId: 'a1',
      entryId: 'x',
      helpful: true,
      by: { id: 'U1' },
      platform: 'discord',
      communityId: '111111111111111111',
      at: Date.now(),
    });
    expect(store.summary(0, '111111111111111111').helpful).toBe(1);
    expect(store.summary(0, '222222222222222222').helpful).toBe(0);
    store.close();
  });
});

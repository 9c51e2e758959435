import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../cli/command.js';
import { insightsCommand } from '../../cli/commands/insights.js';
import { runCli } from '../../cli/run-cli.js';
import { InsightsStore } from '../../src/insights/store.js';
import { AnswerService } from '../../src/service/answer-service.js';
import { captureLog, fixtureKnowledge, here, tempDir } from '../insights/helpers.js';

const DAY = 86_400_000;
let dir = '';
let db = '';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: new PassThrough(), cwd: dir, env: {} };
  const code = await runCli(['insights', '--db', db, '--knowledge', join(here, 'kb.yaml'), ...args], [insightsCommand], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'faqbot.db');
  const store = InsightsStore.open({ path: db, log: captureLog(), retentionDays: 90, storeQueryText: true });
  const now = Date.now();
  let n = 0;
  const service = new AnswerService({
    knowledge: fixtureKnowledge(),
    recorder: store,
    newId: () => `a${++n}`,
    policy: { rateLimitCount: 1000 },
  });
  const ask = async (text: string, at = now - 1000, asker = 'U1') =>
    await service.ask({ text, platform: 'discord', channelId: 'C1', asker: { id: asker }, via: 'command', at });
  for (let i = 0; i < 3; i++) await ask('how do I reset my password');
  await ask('how do I export my data');
  // The same missing topic, worded three ways, and a rarer one.
  await ask('Is there a dark mode?');
  await ask('dark mode');
  await ask('how to enable dark mode on mobile');
  await ask('can I change the language');
  await ask('an old question about dark mode', now - 30 * DAY); // outside the default 7 days
  // A moderator answered a newcomer's wording with an entry; a member clicked a suggestion.
  const pick = async (text: string, entry: string, via: 'message-menu' | 'command') =>
    await service.choose({ text, platform: 'discord', channelId: 'C1', asker: { id: 'M1', isModerator: true }, via, at: now - 500 }, entry);
  await pick('my backup wont download, what now?', 'export-data', 'message-menu');
  await pick('my backup wont download, what now?', 'export-data', 'message-menu');
  await pick('get a copy of everything I posted', 'export-data', 'command');
  await pick('How do I export my data?', 'export-data', 'command'); // already the question: not proposed
  const rated = await pick('lost access: password', 'reset-password', 'message-menu');
  service.feedback({ askId: rated.askId, entryId: 'reset-password', helpful: false, by: { id: 'U2' }, platform: 'discord' });
  service.feedback({ askId: rated.askId, entryId: 'reset-password', helpful: false, by: { id: 'U3' }, platform: 'discord' });
  service.feedback({ askId: 'a4', entryId: 'export-data', helpful: true, by: { id: 'U2' }, platform: 'discord' });
  // Members asked a human: twice after reset-password answers, once after "no answer".
  store.recordHandoff({ askId: 'a1', at: now - 400, platform: 'discord', channelId: 'C1', askerId: 'U1', entryId: 'reset-password' });
  store.recordHandoff({ askId: 'a2', at: now - 400, platform: 'discord', channelId: 'C1', askerId: 'U1', entryId: 'reset-password' });
  store.recordHandoff({ askId: 'a2', at: now - 300, platform: 'discord', channelId: 'C1', askerId: 'U1', entryId: 'reset-password' }); // the same ask: once
  store.recordHandoff({ askId: 'a8', at: now - 400, platform: 'discord', channelId: 'C1', askerId: 'U4' });
  store.close();
});

describe('faqbot insights', () => {
  it('counts hand-offs to a human, once per ask, listed by the entry the bot had offered', async () => {
    const { out } = await cli();
    expect(out).toMatch(/; 3 hand-offs to a human\./);
    const lines = out.split('Handed off to a human ("Ask a human"), by the entry the bot offered\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(lines[0]).toMatch(/^\s*2\s+reset-password\s+How do I reset my password\?/);
    expect(lines[1]).toMatch(/^\s*1\s+\(no answer\)/);
    const json = JSON.parse((await cli('--json')).out) as { totals: { handoffs: number } };
    expect(json.totals.handoffs).toBe(3);
  });

  it('prints top entries, grouped unanswered questions, "Not helpful" entries and proposed alternates', async () => {
    const { code, out } = await cli();
    expect(code).toBe(0);
    expect(out).toMatch(/8 questions: 4 answered/);
    const section = (title: string) => out.split(title)[1]!.split('\n\n')[0]!;
    const top = section('Most asked entries').trim().split('\n');
    // Picks count as asks of the entry they chose.
    expect(top[0]).toMatch(/^\s*5\s+export-data\s+How do I export my data\?/);
    expect(top[1]).toMatch(/^\s*4\s+reset-password\s+How do I reset my password\?/);
    const unanswered = section('Questions with no answer').trim().split('\n').slice(1);
    expect(unanswered[0]).toMatch(/^\s*3\s+/);
    expect(unanswered[0]).toContain('dark mode');
    expect(unanswered[1]).toMatch(/^\s*1\s+can I change the language/);
    expect(out).not.toContain('an old question');
    expect(section('Entries most often marked "Not helpful"')).toMatch(/2 not helpful, 0 helpful\s+reset-password/);
    expect(section('Proposed alternates')).toContain('my backup wont download, what now?');
  });

  it('--json gives the same report as data', async () => {
    const { code, out } = await cli('--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.totals).toMatchObject({ asks: 8, answered: 4, unanswered: 4, picks: 5, helpful: 1, notHelpful: 2 });
    expect(report.unanswered[0]).toMatchObject({ count: 3 });
    expect(report.unanswered[0].wordings).toHaveLength(3);
    expect(report.notHelpful[0]).toEqual({ entryId: 'reset-password', question: 'How do I reset my password?', notHelpful: 2, helpful: 0 });
  });

  it('--yaml prints proposed alternates that parse and paste under their entry', async () => {
    const { code, out } = await cli('--yaml');
    expect(code).toBe(0);
    expect(parse(out)).toEqual({
      'export-data': ['my backup wont download, what now?', 'get a copy of everything I posted'],
      'reset-password': ['lost access: password'],
    });
    expect(out).toMatch(/^export-data: {2}# \S*kb\.yaml:\d+ How do I export my data\?$/m);
  });

  it('--since widens the period', async () => {
    const report = JSON.parse((await cli('--since', '60d', '--json')).out);
    expect(report.totals.asks).toBe(9);
    expect(report.unanswered[0].count).toBe(4);
  });

  it('reads while the bot holds the database open and writes to it', async () => {
    const store = InsightsStore.open({ path: db, log: captureLog(), retentionDays: 90, storeQueryText: true });
    store.recordAsk({
      askId: 'live-1',
      at: Date.now(),
      platform: 'slack',
      channelId: 'C9',
      askerId: 'U9',
      via: 'mention',
      text: 'live question about widgets',
      decision: 'none',
      score: 0,
    });
    try {
      const report = JSON.parse((await cli('--json')).out);
      expect(report.unanswered.map((u: { text: string }) => u.text)).toContain('live question about widgets');
    } finally {
      store.close();
    }
  });

  it('explains bad input and a missing database without a stack trace', async () => {
    const bad = await cli('--since', 'last tuesday');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--since "last tuesday" is not a period or a date');
    db = join(dir, 'missing.db');
    const missing = await cli();
    db = join(dir, 'faqbot.db');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no insights database yet/);
    expect(missing.err).not.toMatch(/\n\s+at /);

    db = join(dir, 'garbage.db');
    writeFileSync(db, 'not a database at all, '.repeat(500));
    const corrupt = await cli();
    db = join(dir, 'faqbot.db');
    expect(corrupt.code).toBe(1);
    expect(corrupt.err).toMatch(/garbage\.db: cannot read the insights database/);
  });
});

describe('faqbot insights on a file from before hand-offs', () => {
  it('reads a schema-3 file (no handoffs table) without migrating it, with no hand-offs', async () => {
    // Through the driver seam: this runs on Node 24 too, where better-sqlite3 is not built.
    const { openSqlite } = await import('../../src/insights/sqlite.js');
    const { MIGRATIONS, userVersion } = await import('../../src/insights/schema.js');
    const old = join(tempDir(), 'old.db');
    const file = openSqlite(old, { timeoutMs: 1000 });
    for (const m of MIGRATIONS.slice(0, 3)) file.exec(m);
    file.exec('PRAGMA user_version = 3');
    file.close();
    const out: string[] = [];
    const io: Io = { out: (t) => out.push(t), err: () => {}, stdin: new PassThrough(), cwd: dir, env: {} };
    expect(await runCli(['insights', '--db', old, '--knowledge', join(here, 'kb.yaml')], [insightsCommand], io)).toBe(0);
    expect(out.join('\n')).toMatch(/0 hand-offs to a human/);
    const after = openSqlite(old, { readonly: true, timeoutMs: 1000 });
    expect(userVersion(after)).toBe(3);
    after.close();
  });
});

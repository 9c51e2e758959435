import { resolve } from 'node:path';
import { loadConfig } from '../../../src/config.js';
import type { KnowledgeBase } from '../../../src/domain.js';
import { FaqbotError } from '../../../src/errors.js';
import { buildReport, type InsightsRows } from '../../../src/insights/aggregate.js';
import { openForReading, readRows } from '../../../src/insights/read.js';
import { renderJson, renderText, renderYaml } from '../../../src/insights/render.js';
import { parseSince } from '../../../src/insights/since.js';
import { checkKnowledge } from '../../../src/knowledge/load.js';
import { buildMatcher } from '../../../src/match/matcher.js';
import type { CommandBody } from '../../command.js';
import { stringFlag } from '../../context.js';
import { chosenCommunity, refuseBoth, unlistedNote } from '../../community-flag.js';

export const insightsBody: CommandBody = {
  usage: 'faqbot insights [--since 7d] [--json | --yaml] [--db PATH] [--knowledge PATH | --community ID] [--limit N]',
  details:
    'Reads the insights database the bot writes while running: PostgreSQL when FAQBOT_DATABASE_URL is set, else the SQLite file (settings.insights.path, default data/faqbot.db). See docs/insights.md.',
  options: {
    since: { type: 'string' },
    json: { type: 'boolean' },
    yaml: { type: 'boolean' },
    db: { type: 'string' },
    knowledge: { type: 'string' },
    limit: { type: 'string' },
    community: { type: 'string' },
  },
  optionHelp: {
    since: 'how far back: 7d (default), 24h, 2w, 30m, or a date like 2026-11-01',
    json: 'print the whole report as JSON',
    yaml: 'print only the proposed alternates, as YAML ready to paste under each entry',
    db: 'the SQLite insights file (default: settings.insights.path; FAQBOT_DATABASE_URL reads PostgreSQL instead)',
    knowledge: 'the knowledge base, to name entries (default: knowledge/)',
    limit: 'rows per list (default 10)',
    community: 'one Discord server id or Slack team id: its records alone, named from its knowledge (default: every community)',
  },
  async run({ values }, io) {
    if (values.json && values.yaml) throw new FaqbotError('usage', 'choose one of --json and --yaml');
    const limitText = stringFlag(values.limit) ?? '10';
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1)
      throw new FaqbotError('usage', `--limit ${JSON.stringify(limitText)} must be a whole number of at least 1`);
    const config = loadConfig(io.env, io.cwd);
    const now = Date.now();
    const since = parseSince(stringFlag(values.since) ?? '7d', now);
    const dbFlag = stringFlag(values.db);
    refuseBoth(values.community, values.knowledge, 'insights');
    const community = await chosenCommunity(values.community, config, io);
    const communityId = community ? String(values.community).trim() : undefined;
    const note = community && unlistedNote(community, String(values.community));
    if (note) io.err(note);
    const knowledge = loadKnowledgeQuietly(
      community?.plan.knowledgePath ?? resolve(io.cwd, stringFlag(values.knowledge) ?? config.settings.knowledgeDir),
      io.cwd,
    );
    if (!knowledge) io.err('note: the knowledge base could not be loaded; entries are shown by id only (run `faqbot check`)');
    const rows =
      config.secrets.databaseUrl && !dbFlag
        ? await (await import('../../../src/insights/pg-read-command.js')).readPgInsights(config.secrets.databaseUrl, since, communityId)
        : readSqlite(resolve(io.cwd, dbFlag ?? config.settings.insights.path), since, communityId);
    // The matcher says which words of a question the base lacks (typos and synonyms aside).
    const matcher = knowledge ? buildMatcher(knowledge, { semantic: 'off' }) : undefined;
    const report = buildReport(rows, {
      since,
      until: now,
      limit,
      ...(knowledge ? { knowledge } : {}),
      ...(matcher ? { unknownWords: (text: string) => matcher.unknownWords(text) } : {}),
    });
    io.out(values.json ? renderJson(report) : values.yaml ? renderYaml(report) : renderText(report));
    return 0;
  },
};

function readSqlite(path: string, since: number, communityId: string | undefined): InsightsRows {
  const db = openForReading(path);
  try {
    return readRows(db, since, communityId);
  } catch (error) {
    throw new FaqbotError(
      'not-found',
      `${path}: cannot read the insights database: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    db.close();
  }
}

/** Names for entries are a nicety here: a broken or missing knowledge base must not hide the figures. */
function loadKnowledgeQuietly(path: string, cwd: string): KnowledgeBase | undefined {
  try {
    return checkKnowledge(path, cwd).knowledge;
  } catch {
    return undefined;
  }
}

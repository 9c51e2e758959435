import { loadConfig } from '../../../src/config.js';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { checkKnowledge, formatProblem, knowledgeFiles } from '../../../src/knowledge/load.js';
import { linkSites, type LinkSite } from '../../../src/knowledge/link-sites.js';
import { checkLinks, LINK_CHECK_DEFAULTS } from '../../../src/knowledge/link-check.js';
import { lintKnowledge } from '../../../src/knowledge/lint.js';
import type { SplitLimit } from '../../../src/platform.js';
import { dayOneReport, formatDayOne } from '../../../src/knowledge/day-one.js';
import { buildMatcher } from '../../../src/match/matcher.js';
import type { CommandBody } from '../../command.js';
import { FaqbotError } from '../../../src/errors.js';
import { existingKnowledgePath, knowledgeHelp, knowledgeOption } from '../../knowledge-flag.js';
import { chosenCommunity, communityHelp, communityOption, refuseBoth, unlistedNote } from '../../community-flag.js';

/** `faqbot check`, with the message limits of the platforms the bot runs on. */
export const checkBody = (limits: readonly SplitLimit[]): CommandBody => ({
  usage: 'faqbot check [PATH | --knowledge PATH | --community ID] [--quick] [--links]',
  details:
    "Beyond the file format, each question and alternate is asked with itself left out of the index: one answered with another entry is an error (a warning when it is the entry's only phrasing); entries the matcher confuses and answers too long for one message part on a platform are warnings. With --links, every link is fetched (needs network; off by default). See docs/insights.md.",
  options: { quick: { type: 'boolean' }, links: { type: 'boolean' }, ...knowledgeOption, ...communityOption },
  optionHelp: {
    ...knowledgeHelp,
    ...communityHelp,
    quick: 'skip the leave-one-out and collision checks (they rebuild the matcher many times)',
    links: `fetch every link (answers, \`links:\`, \`source:\`); broken ones are errors (${LINK_CHECK_DEFAULTS.concurrency} at a time, ${LINK_CHECK_DEFAULTS.timeoutMs / 1000} s each, ${LINK_CHECK_DEFAULTS.totalMs / 1000} s in all)`,
  },
  async run({ positionals, values }, io) {
    const config = loadConfig(io.env, io.cwd);
    if (positionals[0] !== undefined && values.knowledge !== undefined) {
      throw new FaqbotError('usage', 'give the knowledge path once: either `faqbot check PATH` or `faqbot check --knowledge PATH`');
    }
    refuseBoth(values.community, positionals[0] ?? values.knowledge, 'check');
    const community = await chosenCommunity(values.community, config, io);
    const note = community && unlistedNote(community, String(values.community));
    if (note) io.err(note);
    const path = community?.plan.knowledgePath ?? existingKnowledgePath(positionals[0] ?? values.knowledge, config, io);
    const matcherSettings = community?.matcher ?? config.settings.matcher;
    const { knowledge, problems } = checkKnowledge(path, io.cwd);
    // On a terminal, a progress line: the leave-one-out checks take a while on large bases.
    const tty = (process.stderr as { isTTY?: boolean }).isTTY === true && io.stdout?.isTTY === true;
    const onProgress = tty
      ? (done: number, total: number) => process.stderr.write(`\rleave-one-out: ${done}/${total} phrasings${done === total ? '\n' : ''}`)
      : undefined;
    const full = knowledge && values.quick !== true ? buildMatcher(knowledge, matcherSettings) : undefined;
    if (knowledge)
      problems.push(
        ...lintKnowledge(knowledge, { matcher: matcherSettings, matcherChecks: values.quick !== true, limits, onProgress, full }),
      );
    let linkSummary: string | undefined;
    if (values.links === true) {
      const sites = knowledgeFiles(path).flatMap((file) => fileLinks(file, io.cwd));
      const report = await checkLinks(
        sites,
        tty ? { onProgress: (done, total) => process.stderr.write(`\rlinks: ${done}/${total} URLs${done === total ? '\n' : ''}`) } : {},
      );
      problems.push(...report.problems);
      linkSummary = `links: ${report.urls} URL${report.urls === 1 ? '' : 's'} checked (${sites.length} written), ${report.broken} broken`;
    }
    for (const p of problems) (p.severity === 'error' ? io.err : io.out)(formatProblem(p));
    if (knowledge && full) for (const line of formatDayOne(dayOneReport(knowledge, full))) io.out(line);
    if (linkSummary) io.out(linkSummary);
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    if (!knowledge || errors > 0) {
      io.err(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
      return 1;
    }
    io.out(
      `ok: ${knowledge.entries.length} entries in ${knowledge.files.length} file${knowledge.files.length === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    );
    return 0;
  },
});

/** The links of one knowledge file, named as the other problems name it; unreadable files are reported by the loader. */
function fileLinks(file: string, cwd: string): LinkSite[] {
  try {
    return linkSites(readFileSync(file, 'utf8'), relative(cwd, file) || file);
  } catch {
    return [];
  }
}

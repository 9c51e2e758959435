import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FaqbotError } from '../../../src/errors.js';
import { buildMatcher } from '../../../src/match/matcher.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { loadConfig } from '../../../src/config.js';
import { readCases } from '../../../src/eval/cases.js';
import { runEval, type EvalReport } from '../../../src/eval/run-eval.js';
import type { CommandBody } from '../../command.js';
import { stringFlag } from '../../context.js';
import { existingKnowledgePath } from '../../knowledge-flag.js';
import { chosenCommunity, communityHelp, refuseBoth, unlistedNote } from '../../community-flag.js';
import { helpBar, helpDecision } from '../../../src/service/help-bar.js';

export const evalBody: CommandBody = {
  usage: 'faqbot eval --cases FILE [--knowledge PATH | --community ID] [--help-channel] [--json] [--failures N]',
  details: [
    'Without --knowledge, a knowledge file beside the cases is used when there is one',
    '(knowledge.yaml, or NAME-knowledge.yaml for NAME-cases.yaml), else the configured knowledge folder.',
    'Figures: top1 (answered with an expected entry), rank1, top3, wrong, abstain, falseAnswer,',
    'accuracy, balanced (mean of top1 and abstain); see README "Measuring quality".',
  ].join('\n'),
  options: {
    cases: { type: 'string' },
    knowledge: { type: 'string' },
    json: { type: 'boolean' },
    failures: { type: 'string' },
    community: { type: 'string' },
    'help-channel': { type: 'boolean' },
  },
  optionHelp: {
    cases: 'the question set (YAML with a `cases:` list)',
    knowledge: 'knowledge file or folder to answer from',
    json: 'print one JSON object with every figure and the failures',
    failures: 'how many failures to list in the text report (default 10)',
    ...communityHelp,
    'help-channel':
      'decide as in a help forum or help channel: answer only above the stricter bar (matcher.helpQuantile), else stay silent',
  },
  async run({ values }, io) {
    const casesFlag = stringFlag(values.cases);
    if (!casesFlag) throw new FaqbotError('usage', 'missing --cases FILE (a question set, see README "Measuring quality")');
    const casesPath = resolve(io.cwd, casesFlag);
    const config = loadConfig(io.env, io.cwd);
    refuseBoth(values.community, values.knowledge, 'eval');
    const community = await chosenCommunity(values.community, config, io);
    const note = community && unlistedNote(community, String(values.community));
    if (note) io.err(note);
    // A community's cases are asked of its own knowledge, with its matcher settings.
    const named = stringFlag(values.knowledge) ?? besideCases(casesPath);
    const knowledgePath =
      community?.plan.knowledgePath ?? (named !== undefined ? resolve(io.cwd, named) : existingKnowledgePath(undefined, config, io));
    const { knowledge } = loadKnowledge(knowledgePath, io.cwd);
    const matcher = buildMatcher(knowledge, community?.matcher ?? config.settings.matcher);
    const bar = values['help-channel'] ? helpBar(matcher, (community?.matcher ?? config.settings.matcher).helpQuantile) : undefined;
    const report = runEval(readCases(casesPath), (q) => (bar === undefined ? matcher.match(q) : helpDecision(matcher.match(q), bar)));
    if (values.json) io.out(JSON.stringify(report, null, 2));
    else io.out(formatReport(report, Number(stringFlag(values.failures) ?? 10)));
    return 0;
  },
};

function besideCases(casesPath: string): string | undefined {
  const dir = dirname(casesPath);
  const name = basename(casesPath).replace(/-?cases\.ya?ml$/i, '');
  const options = [name ? join(dir, `${name}-knowledge.yaml`) : '', join(dir, 'knowledge.yaml')].filter(Boolean);
  return options.find((p) => existsSync(p));
}

function formatReport(r: EvalReport, failures: number): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const lines = [
    `cases ${r.cases} (in scope ${r.inScope}, out of scope ${r.outOfScope})`,
    `top1 ${pct(r.top1)}  rank1 ${pct(r.rank1)}  top3 ${pct(r.top3)}  wrong ${pct(r.wrong)}`,
    `abstain ${pct(r.abstain)}  falseAnswer ${pct(r.falseAnswer)}  accuracy ${pct(r.accuracy)}  balanced ${pct(r.balanced)}`,
    `${r.msPerQuery.toFixed(3)} ms per query`,
  ];
  if (r.failures.length > 0 && failures > 0) {
    lines.push('', `failures (${r.failures.length}, first ${Math.min(failures, r.failures.length)}):`);
    for (const f of r.failures.slice(0, failures)) {
      lines.push(`  "${f.q.slice(0, 70)}"  expect ${JSON.stringify(f.expect)}  got ${f.decision} ${f.got ?? '-'} (${f.score})`);
    }
  }
  return lines.join('\n');
}

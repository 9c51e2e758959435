import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitLimits } from '../../bin/platforms.js';
import type { KnowledgeBase } from '../../src/domain.js';
import { buildKnowledgeBase, formatProblem, loadKnowledge } from '../../src/knowledge/load.js';
import { leaveOneOut, lintKnowledge } from '../../src/knowledge/lint.js';
import { buildMatcher } from '../../src/match/matcher.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = (name: string) => join('test', 'fixtures', 'lint', name);
const load = (name: string) => loadKnowledge(join(root, fixture(name)), root).knowledge;

describe('lintKnowledge', () => {
  it('finds nothing wrong in a base whose entries are worded apart', () => {
    expect(lintKnowledge(load('clean')).filter((p) => p.severity === 'error')).toEqual([]);
  });

  const confused = load('confused');
  const problems = lintKnowledge(confused, { limits: splitLimits }).map((p) => ({ ...p, text: formatProblem(p) }));

  it('errs when a left-out alternate gets another entry\'s answer, pointing at the entry', () => {
    const error = problems.find((p) => p.severity === 'error' && p.message.includes('"how can I reset my password please"'));
    expect(error?.text).toMatch(/^test[/\\]fixtures[/\\]lint[/\\]confused[/\\]faq\.yaml:10:5: entry `cancel-subscription`: .* is answered with `reset-password`/);
  });

  it('only warns when the phrasing is the entry\'s only one, so a fresh import passes the check', () => {
    const thin = buildKnowledgeBase(
      confused.entries.map((e) => (e.id === 'cancel-subscription' ? { ...e, question: 'how can I reset my password please', alternates: [], keywords: [] } : e)),
      confused.files,
      confused.title,
    );
    const found = lintKnowledge(thin).filter((p) => p.message.includes('entry `cancel-subscription`: left out of the index'));
    expect(found.map((p) => [p.severity, p.message.includes('is answered with `reset-password`')])).toEqual([['warning', true]]);
    expect(found[0]!.hint).toContain("add alternates to `cancel-subscription` in members' words");
  });

  it('warns about pairs of entries the matcher confuses, naming the colliding phrasings', () => {
    const pair = problems.find((p) => p.severity === 'warning' && p.message.includes('confuses `refund` and `return-item`'));
    expect(pair?.message).toMatch(/"[^"]+" \((refund|return-item)\)/);
    const both = problems.find((p) => p.message.includes('confuses `cancel-subscription` and `reset-password`'));
    expect(both?.message).toContain('"how can I reset my password please" (cancel-subscription) is answered with reset-password');
  });

  it('warns, without failing, about a phrasing that shares no word with its entry', () => {
    const lonely = problems.filter((p) => p.message.includes('purple elephant umbrella'));
    expect(lonely.length).toBeGreaterThan(0);
    expect(lonely.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('warns about answers Slack or Discord will split', () => {
    const long = problems.filter((p) => p.message.includes('will be split'));
    expect(long.map((p) => p.text)).toEqual([
      expect.stringMatching(/faq\.yaml:44:5: warning: entry `billing-steps`: the answer has 3,599 characters and will be split on Slack \(/),
      expect.stringMatching(/faq\.yaml:52:5: warning: entry `billing-history`: the answer has 5,099 characters and will be split on Discord \(.*\) and Slack/),
    ]);
  });

  it('warns about a translated answer Slack will split, at its translation', () => {
    const kb = loadKnowledge(join(root, 'test/fixtures/languages/knowledge'), root).knowledge;
    const entry = kb.byId.get('export-notes')!;
    const long = { ...entry, translations: { ...entry.translations, de: { ...entry.translations!.de!, answer: 'Wähle Datei. '.repeat(300) } } };
    const found = lintKnowledge(buildKnowledgeBase(kb.entries.map((e) => (e === entry ? long : e)), kb.files, kb.title), { limits: splitLimits, matcherChecks: false }).map(formatProblem);
    expect(found).toEqual([expect.stringMatching(/^test\/fixtures\/languages\/knowledge\/faq\.yaml:38:9: warning: entry `export-notes`: the `de` answer has 3,900 characters and will be split on Slack/)]);
  });

  it('reports the same errors as rebuilding the matcher for every left-out phrasing', () => {
    const brute = (kb: KnowledgeBase) => kb.entries.flatMap((entry) => [entry.question, ...entry.alternates].flatMap((text, i) => {
      const entries = kb.entries.map((e) => e !== entry ? e
        : i === 0 ? { ...e, question: e.alternates[0] ?? '', alternates: e.alternates.slice(1) }
        : { ...e, alternates: e.alternates.filter((_, k) => k !== i - 1) });
      const m = buildMatcher(buildKnowledgeBase(entries, kb.files, kb.title)).match(text);
      const top = m.candidates[0]?.entry.id;
      return m.decision === 'answer' && top !== entry.id ? [`${entry.id}: ${text} -> ${top}`] : [];
    }));
    const batched = leaveOneOut(confused)
      .filter((r) => r.decision === 'answer' && r.ranking[0] !== r.entry.id)
      .map((r) => `${r.entry.id}: ${r.text} -> ${r.ranking[0]}`);
    expect(batched.sort()).toEqual(brute(confused).sort());
  });
});

describe('leave-one-out progress', () => {
  it('reports progress until every phrasing has been asked', () => {
    const kb = load('confused');
    const seen: [number, number][] = [];
    const results = leaveOneOut(kb, {}, (done, total) => seen.push([done, total]));
    expect(seen.length).toBeGreaterThan(0);
    const [done, total] = seen[seen.length - 1]!;
    expect(done).toBe(total);
    expect(total).toBe(results.length);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
  });
});

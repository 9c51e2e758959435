// The insights report as text for a terminal, as JSON, and the proposed alternates as YAML to
// paste into knowledge files.
import { stringify } from 'yaml';
import type { InsightsReport } from './aggregate.js';

/** User-written text may carry terminal control characters; print it inert. */
function inert(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function renderText(r: InsightsReport): string {
  const t = r.totals;
  const lines = [
    `Insights from ${day(r.since)} to ${day(r.until)}`,
    `${plural(t.asks, 'question')}: ${t.answered} answered, ${t.suggested} with suggestions, ${t.unanswered} without an answer, ${t.topicLists} topic-list requests; ` +
      `${plural(t.picks, 'pick')} by people; ${t.helpful} marked helpful, ${t.notHelpful} not helpful; ${plural(t.handoffs, 'hand-off')} to a human.`,
    '',
    'Most asked entries',
  ];
  const width = (ns: number[]) => Math.max(1, ...ns.map((n) => String(n).length));
  const section = <T>(items: readonly T[], line: (item: T) => string[]) => {
    if (items.length === 0) lines.push('  (none)');
    for (const item of items) lines.push(...line(item));
  };
  const w1 = width(r.topEntries.map((e) => e.count));
  section(r.topEntries, (e) => [`  ${String(e.count).padStart(w1)}  ${e.entryId}${e.question ? `  ${inert(e.question)}` : ''}`]);

  lines.push('', 'Questions with no answer (near-duplicates counted together)');
  const w2 = width(r.unanswered.map((u) => u.count));
  section(r.unanswered, (u) => {
    const others = u.wordings.slice(1, 4).map((w) => JSON.stringify(inert(w)));
    return [`  ${String(u.count).padStart(w2)}  ${inert(u.text)}${others.length ? `   (also: ${others.join(', ')})` : ''}`];
  });

  lines.push('', 'Entries most often marked "Not helpful"');
  section(r.notHelpful, (f) => [
    `  ${f.notHelpful} not helpful, ${f.helpful} helpful  ${f.entryId}${f.question ? `  ${inert(f.question)}` : ''}`,
  ]);

  lines.push('', 'Handed off to a human ("Ask a human"), by the entry the bot offered');
  const w3 = width(r.handoffs.map((h) => h.count));
  section(r.handoffs, (h) => [
    `  ${String(h.count).padStart(w3)}  ${h.entryId === '' ? '(no answer)' : `${h.entryId}${h.question ? `  ${inert(h.question)}` : ''}`}`,
  ]);

  lines.push('', 'Proposed alternates (wordings that ended in a pick; `--yaml` prints them ready to paste)');
  section(r.proposedAlternates, (p) => [
    `  ${p.entryId}${p.question ? `  ${inert(p.question)}` : ''}${p.location ? `  (${p.location})` : ''}`,
    ...p.wordings.map((w) => `    ${w.count}×  ${inert(w.text)}`),
  ]);

  lines.push('', 'Words members used that no entry has (add them as alternates or keywords, or name what they mean under `synonyms:`)');
  const w4 = width(r.unknownWords.map((u) => u.count));
  section(r.unknownWords, (u) => [`  ${String(u.count).padStart(w4)}×  ${inert(u.word)}   e.g. ${JSON.stringify(inert(u.example))}`]);
  return lines.join('\n');
}

export function renderJson(r: InsightsReport): string {
  return JSON.stringify(r, null, 2);
}

/**
 * A YAML mapping of entry id to new alternates. Each list can be pasted under that entry's
 * `alternates:`; the whole output also parses as YAML, for scripts.
 */
export function renderYaml(r: InsightsReport): string {
  const lines = [
    '# Proposed alternates: real wordings that ended in a moderator pick or a clicked suggestion.',
    `# From ${day(r.since)} to ${day(r.until)}. Paste the items under an id into that entry's \`alternates:\` list.`,
  ];
  if (r.proposedAlternates.length === 0) {
    lines.push('# None yet: no pick or suggestion click brought a new wording.', '{}');
    return lines.join('\n');
  }
  for (const p of r.proposedAlternates) {
    const where = [p.location, p.question ? inert(p.question) : undefined].filter(Boolean).join(' ');
    lines.push(`${scalar(p.entryId)}:${where ? `  # ${where}` : ''}`);
    for (const w of p.wordings) lines.push(`  - ${scalar(w.text)}  # ${plural(w.count, 'time')}`);
  }
  return lines.join('\n');
}

/** One YAML scalar on one line, quoted when plain would be misread. */
function scalar(text: string): string {
  return stringify(inert(text), { lineWidth: 0 }).trimEnd();
}

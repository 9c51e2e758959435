// Renders replies and matches for a terminal: plain text, answer first, candidates on request.
import type { Match, Reply } from '../domain.js';

export function renderReply(reply: Reply, match?: Match, explain = false): string {
  const lines: string[] = [];
  switch (reply.kind) {
    case 'answer': {
      const { entry } = reply;
      lines.push(`# ${entry.question}`, '', entry.answer.trim());
      if (entry.links.length > 0) lines.push('', ...entry.links.map((l) => `- ${l.title}: ${l.url}`));
      if (reply.related.length > 0) lines.push('', `Related: ${reply.related.map((r) => r.id).join(', ')}`);
      const footer = entry.meta.footer ?? entry.meta.source;
      if (entry.meta.source) lines.push('', `Source: ${entry.meta.source}`);
      if (entry.meta.footer && footer) lines.push(entry.meta.footer);
      break;
    }
    case 'suggest':
      lines.push('Not sure which of these you mean:', ...reply.candidates.map((e) => `  - ${e.question}  (/faq ${e.id})`));
      break;
    case 'none':
      lines.push("Sorry, I don't have an answer for that.");
      if (reply.suggestions.length > 0) lines.push('Close topics:', ...reply.suggestions.map((e) => `  - ${e.question}  (/faq ${e.id})`));
      lines.push('Try other words, or ask a moderator.');
      break;
    case 'help':
      lines.push(`${reply.title}: ${reply.entryCount} topics. Ask a question in your own words, or try one of these:`);
      lines.push(...reply.topics.map((e) => `  - ${e.question}  (/faq ${e.id})`));
      if (reply.footer) lines.push('', reply.footer);
      break;
    case 'held':
      lines.push(reply.message);
      break;
    case 'stats':
      lines.push(reply.message ?? `${reply.summary?.asks ?? 0} questions asked`);
      break;
  }
  if (explain && match) lines.push('', explainMatch(match));
  return lines.join('\n');
}

export function explainMatch(match: Match): string {
  const lines = [`decision: ${match.decision}`];
  match.candidates.slice(0, 5).forEach((c, i) => {
    lines.push(`  ${i + 1}. ${c.entry.id}  ${c.score.toFixed(3)}  (${c.why.slice(0, 80)})`);
  });
  return lines.join('\n');
}

/** The machine-readable form of `faqbot ask --json`. */
export function matchJson(match: Match, reply: Reply): unknown {
  return {
    decision: match.decision,
    reply: reply.kind,
    entry: reply.kind === 'answer'
      ? { id: reply.entry.id, question: reply.entry.question, answer: reply.entry.answer, links: reply.entry.links }
      : null,
    candidates: match.candidates.slice(0, 5).map((c) => ({ id: c.entry.id, question: c.entry.question, score: round(c.score) })),
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

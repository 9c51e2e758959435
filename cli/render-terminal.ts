// Renders replies and matches for a terminal: plain text, answer first, candidates on request.
import type { Match, Reply } from '../src/domain.js';
import { markdownToTerminal, wrap } from './terminal-markdown.js';
import { phrasesFor } from '../src/language/phrases.js';

export interface TerminalOptions {
  /** The matcher's view, shown under the reply with `explain`. */
  readonly match?: Match;
  readonly explain?: boolean;
  /** Columns to wrap at: the terminal's width, or 80 when output is not a terminal. */
  readonly width?: number;
  /**
   * Show the knowledge file's footer (e.g. trademarks) under an answer. A one-shot `ask` does;
   * the chat shows it once at the start instead of after every answer.
   */
  readonly footer?: boolean;
}

export const DEFAULT_WIDTH = 80;

export function renderReply(reply: Reply, options: TerminalOptions = {}): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const lines: string[] = [];
  const list = (entries: readonly { question: string }[]) => entries.map((e) => prefixWrapped(e.question, width, '  - '));
  switch (reply.kind) {
    case 'answer': {
      const { entry } = reply;
      lines.push(markdownToTerminal(`# ${escapeHeading(entry.question)}`, width), '', markdownToTerminal(entry.answer, width));
      if (entry.links.length > 0) lines.push('', ...entry.links.map((l) => prefixWrapped(`${l.title} (${l.url})`, width, '- ')));
      const say = phrasesFor(reply.language);
      if (reply.related.length > 0) lines.push('', `${say.related}:`, ...list(reply.related));
      if (entry.meta.source) lines.push('', `${say.source}: ${entry.meta.source}`);
      if (options.footer !== false && entry.meta.footer) lines.push(wrap(entry.meta.footer, width));
      break;
    }
    case 'suggest':
      lines.push(phrasesFor(reply.language).notSure(), ...list(reply.candidates));
      break;
    case 'none': {
      // The sentences the platforms say, in the reply's language; the closing hint is the one
      // without `/faq help` or the channel, which a terminal has not.
      const say = phrasesFor(reply.language);
      if (reply.smallTalk) {
        lines.push(say.smallTalk[reply.smallTalk]);
        break;
      }
      lines.push(say.noAnswer());
      if (reply.suggestions.length > 0) lines.push(say.closeTopics, ...list(reply.suggestions));
      lines.push(say.rephrase);
      break;
    }
    case 'help':
      lines.push(
        wrap(
          `${reply.title}: ${phrasesFor(reply.language).canAnswer(reply.entryCount)} ${phrasesFor(reply.language).askInOwnWords}`,
          width,
        ),
      );
      lines.push(...reply.topics.map((e) => prefixWrapped(`${e.question}  (/faq ${e.id})`, width, '  - ')));
      if (reply.footer) lines.push('', wrap(reply.footer, width));
      break;
    case 'held':
      lines.push(wrap(reply.message, width));
      break;
    case 'stats':
      lines.push(reply.message ?? `${reply.summary?.asks ?? 0} questions asked`);
      break;
  }
  if (options.explain && options.match) lines.push('', explainMatch(options.match));
  return lines.join('\n');
}

/** A list item wrapped with a hanging indent under its marker. */
function prefixWrapped(text: string, width: number, marker: string): string {
  const pad = ' '.repeat(marker.length);
  return wrap(text, width - marker.length)
    .split('\n')
    .map((l, i) => (i === 0 ? marker : pad) + l)
    .join('\n');
}

/** A question is text, not Markdown: keep a `*` or `_` in it from turning into emphasis. */
function escapeHeading(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

export function explainMatch(match: Match): string {
  const lines = [`decision: ${match.decision}`];
  match.candidates.slice(0, 5).forEach((c, i) => {
    lines.push(`  ${i + 1}. ${c.entry.id}  ${c.score.toFixed(3)}  (${c.why.slice(0, 80)})`);
  });
  for (const r of match.readAs ?? []) lines.push(`read "${r.word}" as ${r.as.map((w) => `"${w}"`).join(', ')} (${r.because})`);
  return lines.join('\n');
}

/** The machine-readable form of `faqbot ask --json`. */
export function matchJson(match: Match, reply: Reply): unknown {
  return {
    decision: match.decision,
    reply: reply.kind,
    entry:
      reply.kind === 'answer'
        ? { id: reply.entry.id, question: reply.entry.question, answer: reply.entry.answer, links: reply.entry.links }
        : null,
    candidates: match.candidates.slice(0, 5).map((c) => ({ id: c.entry.id, question: c.entry.question, score: round(c.score) })),
    readAs: match.readAs ?? [],
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The width to wrap at: the terminal's columns when output is one, else DEFAULT_WIDTH. */
export function terminalWidth(io: { readonly stdout?: { readonly columns?: number; readonly isTTY?: boolean } }): number {
  const columns = io.stdout?.isTTY ? io.stdout.columns : undefined;
  return columns && columns > 0 ? columns : DEFAULT_WIDTH;
}

// Slack rejects a section whose text exceeds 3,000 characters. Long answers are packed into
// as few sections as fit, cut between Markdown blocks first, then between lines, and only
// as a last resort inside a line (never inside an `&amp;` entity or a `<url|link>`).
import { pack, shorten, splitWords } from '../../src/index.js';
import { SECTION_LIMIT } from './limits.js';

export function splitMrkdwn(parts: readonly string[], limit = SECTION_LIMIT): string[] {
  return pack(
    parts.flatMap((p) => (p.length <= limit ? [p] : splitPart(p, limit))),
    limit,
    '\n\n',
  );
}

function splitPart(part: string, limit: number): string[] {
  const fenced = part.startsWith('```\n') && part.endsWith('\n```');
  if (fenced) {
    // Re-open the code fence in every piece so each section still renders as code.
    const inner = part.slice(4, -4);
    return packLines(inner.split('\n'), limit - 8).map((p) => `\`\`\`\n${p}\n\`\`\``);
  }
  return packLines(part.split('\n'), limit);
}

function packLines(lines: readonly string[], limit: number): string[] {
  return pack(
    lines.flatMap((l) => (l.length <= limit ? [l] : splitWords(l, limit, safeCut))),
    limit,
    '\n',
  );
}

/** Moves a cut back so it does not fall inside `&lt;` or `<https://…|label>`. */
function safeCut(text: string, cut: number): number {
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > cut - 6 && !text.slice(amp, cut).includes(';')) cut = amp;
  const open = text.lastIndexOf('<', cut - 1);
  if (open >= 0 && text.lastIndexOf('>', cut - 1) < open && open > 0) cut = open;
  return cut > 0 ? cut : Math.min(text.length, 1);
}

/** The core's shorten, never cutting inside an entity or a link. */
export function truncate(text: string, max: number): string {
  return shorten(text, max, { keepLines: true, adjust: safeCut });
}

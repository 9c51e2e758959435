// Cutting text to Discord's limits cleanly: between blocks first, then between lines, then
// between words, closing and reopening a code fence that a cut falls inside.
import { ELLIPSIS, pack, shorten, splitWords } from '../../src/index.js';

/** Packs blocks (joined by a blank line) into chunks of at most `max` characters. */
export function packBlocks(blocks: readonly string[], max: number): string[] {
  return pack(
    blocks.flatMap((b) => (b.length <= max ? [b] : splitBlock(b, max))),
    max,
    '\n\n',
  );
}

/** Splits one over-long block by lines, keeping code fences balanced in every piece. */
function splitBlock(block: string, max: number): string[] {
  const fence = block.match(/^```[^\n]*/)?.[0];
  const close = fence ? '\n```' : '';
  const lines = (fence ? block.slice(fence.length + 1, block.length - 3).replace(/\n$/, '') : block).split('\n');
  const open = fence ? `${fence}\n` : '';
  const room = max - open.length - close.length;
  const pieces = pack(
    lines.flatMap((l) => (l.length <= room ? [l] : splitWords(l, room))),
    room,
    '\n',
  );
  return pieces.map((piece) => `${open}${piece}${close}`);
}

/**
 * Cuts Markdown to `max` at a line or word boundary, marking the cut, and closes a code fence
 * the cut left open, so the rest of the message is not swallowed by it.
 */
export function truncateText(text: string, max: number): string {
  const cut = shorten(text, max, { keepLines: true });
  if (cut === text) return text;
  const head = cut.slice(0, -ELLIPSIS.length);
  if ((head.match(/```/g)?.length ?? 0) % 2 === 0) return cut;
  const fence = '\n```';
  return `${head.slice(0, Math.max(0, max - ELLIPSIS.length - fence.length)).trimEnd()}${fence}${ELLIPSIS}`;
}

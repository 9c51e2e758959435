// Cutting text to Discord's limits cleanly: between blocks first, then between lines, then
// between words, closing and reopening a code fence that a cut falls inside.
import { pack, splitWords } from '../../src/index.js';

/** Packs blocks (joined by a blank line) into chunks of at most `max` characters. */
export function packBlocks(blocks: readonly string[], max: number): string[] {
  return pack(blocks.flatMap((b) => (b.length <= max ? [b] : splitBlock(b, max))), max, '\n\n');
}

/** Splits one over-long block by lines, keeping code fences balanced in every piece. */
function splitBlock(block: string, max: number): string[] {
  const fence = block.match(/^```[^\n]*/)?.[0];
  const close = fence ? '\n```' : '';
  const lines = (fence ? block.slice(fence.length + 1, block.length - 3).replace(/\n$/, '') : block).split('\n');
  const open = fence ? `${fence}\n` : '';
  const room = max - open.length - close.length;
  const pieces = pack(lines.flatMap((l) => (l.length <= room ? [l] : splitWords(l, room))), room, '\n');
  return pieces.map((piece) => `${open}${piece}${close}`);
}

/** Cuts text to `max` at a line or word boundary, marking the cut. */
export function truncateText(text: string, max: number, marker = '…'): string {
  if (text.length <= max) return text;
  const room = max - marker.length;
  const slice = text.slice(0, room);
  const nl = slice.lastIndexOf('\n');
  const sp = slice.lastIndexOf(' ');
  const cut = nl > room * 0.6 ? nl : sp > room * 0.6 ? sp : room;
  let head = slice.slice(0, cut).trimEnd();
  // Close a code fence the cut left open, so the rest of the message is not swallowed by it.
  if ((head.match(/```/g)?.length ?? 0) % 2 === 1) head = `${head.slice(0, Math.max(0, room - 4)).trimEnd()}\n\`\`\``;
  return `${head}${marker}`;
}

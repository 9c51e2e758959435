// Fitting long text into a platform's size limits, shared by the adapters: each decides
// where it may cut (blocks, lines, words) and what must never be cut through.

/**
 * Joins `pieces` with `separator` into as few chunks of at most `max` characters as fit,
 * keeping their order. Pieces longer than `max` must be split by the caller first.
 */
export function pack(pieces: readonly string[], max: number, separator: string): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const joined = current ? `${current}${separator}${piece}` : piece;
    if (joined.length <= max) {
      current = joined;
    } else {
      if (current) chunks.push(current);
      current = piece;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * Cuts one line into pieces of at most `max` characters, at a space when one is in the second
 * half of the piece. `adjust` may move a cut back, e.g. out of an entity or a link.
 */
export function splitWords(line: string, max: number, adjust: (text: string, cut: number) => number = (_, cut) => cut): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    cut = adjust(rest, cut);
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

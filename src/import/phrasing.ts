// When two texts are the same phrasing to the loader, which refuses a phrasing that leads to
// two entries (src/knowledge/load.ts compares them the same way).
export function phrasingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

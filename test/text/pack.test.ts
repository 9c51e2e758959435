import { describe, expect, it } from 'vitest';
import { pack, splitWords } from '../../src/text/pack.js';

describe('fitting text into limits', () => {
  it.each([
    [['aa', 'bb', 'cc'], 6, '\n', ['aa\nbb', 'cc']],
    [['aa', 'bb', 'cc'], 8, '\n', ['aa\nbb\ncc']],
    [['aaaa', 'bb'], 4, '\n\n', ['aaaa', 'bb']],
    [[], 5, '\n', []],
  ])('packs %j into chunks of at most %d', (pieces, max, sep, expected) => {
    const chunks = pack(pieces, max, sep);
    expect(chunks).toEqual(expected);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(max);
    expect(chunks.join(sep)).toBe(pieces.join(sep));
  });

  it('cuts a long line at spaces, every piece within the limit, no words lost', () => {
    const line = 'the quick brown fox jumps over the lazy dog '.repeat(20).trim();
    const pieces = splitWords(line, 30);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(30);
    expect(pieces.join(' ')).toBe(line);
  });

  it('cuts inside a word only when there is no space to cut at', () => {
    expect(splitWords('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('lets the caller move a cut back out of something that must stay whole', () => {
    const pieces = splitWords('aaaa <https://example.org|link> bbbb', 12, (text, cut) => {
      const open = text.lastIndexOf('<', cut - 1);
      return open > 0 && text.lastIndexOf('>', cut - 1) < open ? open : cut;
    });
    expect(pieces).toContain('aaaa');
  });
});

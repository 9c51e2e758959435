import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FaqbotError } from '../../../src/errors.js';
import { cosine } from '../../../src/match/semantic/encoder.js';
import { loadStaticEncoder, StaticEncoder } from '../../../src/match/semantic/static-encoder.js';
import { decodeTable, encodeTable, FLAG_PIECE, FLAG_WORD } from '../../../src/match/semantic/static-table.js';

// A tiny table with known vectors (4 dimensions, scale 1/127 so a row is exactly its unit axis).
const BOTH = FLAG_WORD | FLAG_PIECE;
const rows: [key: string, flags: number, score: number, vector: number[]][] = [
  ['▁cat', BOTH, -9, [127, 0, 0, 0]],
  ['▁dog', BOTH, -9, [0, 127, 0, 0]],
  ['▁the', BOTH, -2, [0, 0, 127, 0]], // frequent: tiny SIF weight
  ['▁zy', FLAG_PIECE, -9, [0, 0, 0, 127]],
  ['gote', FLAG_PIECE, -9, [0, 0, 127, 0]],
  ['▁', FLAG_PIECE, -3, [127, 127, 127, 127]],
  ['▁elephant', FLAG_WORD, -12, [-127, 0, 0, 0]], // a whole word only: never a piece
];
const fixture = () =>
  encodeTable({
    header: { format: 'faqbot-static-encoder', version: 1, name: 'fixture', dims: 4 },
    keys: rows.map((r) => r[0]),
    flags: Uint8Array.from(rows, (r) => r[1]),
    scores: Float32Array.from(rows, (r) => r[2]),
    scales: Float32Array.from(rows, () => 1 / 127),
    vectors: Int8Array.from(rows.flatMap((r) => r[3])),
  });
const encoder = new StaticEncoder(decodeTable(fixture()));
const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const close = (v: Float32Array, expected: number[]) => expected.forEach((x, i) => expect(v[i]).toBeCloseTo(x, 5));

describe('static encoder table format', () => {
  it('round-trips through encodeTable and decodeTable', () => {
    const t = decodeTable(fixture());
    expect(t.header).toMatchObject({ name: 'fixture', dims: 4, rows: rows.length });
    expect(t.keys).toEqual(rows.map((r) => r[0]));
    expect([...t.flags]).toEqual(rows.map((r) => r[1]));
    expect([...t.scores]).toEqual(rows.map((r) => r[2]));
    expect([...t.vectors]).toEqual(rows.flatMap((r) => r[3]));
  });
});

describe('StaticEncoder', () => {
  it('reports its name and dimensions', () => {
    expect(encoder.name).toBe('fixture');
    expect(encoder.dimensions).toBe(4);
  });

  it('returns L2-normalised vectors for known words', () => {
    close(encoder.embed('Cat'), [1, 0, 0, 0]);
    const v = encoder.embed('the cat, the dog!');
    expect(norm(v)).toBeCloseTo(1, 6);
    expect(v[0]).toBeCloseTo(v[1]!, 6);
  });

  it('down-weights frequent words (SIF)', () => {
    expect(cosine(encoder.embed('the cat'), encoder.embed('cat'))).toBeGreaterThan(0.99);
  });

  it('returns an all-zero vector when no word is known', () => {
    close(encoder.embed(''), [0, 0, 0, 0]);
    close(encoder.embed('qqq xxx'), [0, 0, 0, 0]);
    close(encoder.embed('!!!'), [0, 0, 0, 0]);
  });

  it('composes an unknown word from its sentencepiece pieces', () => {
    expect(encoder.parts('zygote').rows).toEqual([3, 4]);
    const s = Math.SQRT1_2;
    close(encoder.embed('zygote'), [0, 0, s, s]);
    // a whole-word-only row is not a piece: "elephants" is not "▁elephant" + "s"
    close(encoder.embed('elephant'), [-1, 0, 0, 0]);
    close(encoder.embed('elephants'), [0, 0, 0, 0]);
  });
});

describe('loadStaticEncoder errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-encoder-'));
  const expectModelError = (path: string, pattern: RegExp) => {
    try {
      loadStaticEncoder(path);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FaqbotError);
      expect((error as FaqbotError).code).toBe('model');
      expect((error as FaqbotError).message).toContain(path);
      expect((error as FaqbotError).message).toMatch(pattern);
      expect((error as FaqbotError).details.join(' ')).toMatch(/reinstall|rebuild/);
    }
  };

  it('loads a valid file', () => {
    const path = join(dir, 'ok.bin');
    writeFileSync(path, fixture());
    close(loadStaticEncoder(path).embed('dog'), [0, 1, 0, 0]);
  });

  it('names a missing file', () => expectModelError(join(dir, 'nope.bin'), /missing/));

  it('names a corrupt file and what is wrong', () => {
    const bad = join(dir, 'bad.bin');
    writeFileSync(bad, 'not a table at all');
    expectModelError(bad, /corrupt.*FQSE0001/);
    const cut = join(dir, 'cut.bin');
    writeFileSync(cut, fixture().subarray(0, fixture().length - 3));
    expectModelError(cut, /corrupt.*truncated/);
  });
});

describe('the shipped table (USE lite, distilled)', () => {
  const use = loadStaticEncoder();
  const cos = (a: string, b: string) => cosine(use.embed(a), use.embed(b));

  it('is found from the sources and has the documented shape', () => {
    expect(use.name).toBe('use-lite-static');
    expect(use.dimensions).toBe(96);
  });

  it('puts related words and phrasings closer than unrelated ones', () => {
    expect(cos('uninstall', 'remove')).toBeGreaterThan(cos('uninstall', 'banana'));
    expect(cos('update the software', 'upgrade the program')).toBeGreaterThan(cos('update the software', 'donate money'));
    expect(cos('donate', 'sponsor')).toBeGreaterThan(cos('donate', 'install'));
    expect(cos('how do I reset my password', 'forgot my login credentials')).toBeGreaterThan(
      cos('how do I reset my password', 'which kernel version ships'),
    );
  });
});

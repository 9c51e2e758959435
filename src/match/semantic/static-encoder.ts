// A static sentence encoder: a table of word and sentencepiece vectors distilled from Google's
// Universal Sentence Encoder lite (see models/README.md), averaged with smooth inverse-frequency
// weights. Plain TypeScript, no runtime dependency, microseconds a query.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FaqbotError } from '../../errors.js';
import { words } from '../../text/normalize.js';
import type { SentenceEncoder } from './encoder.js';
import { decodeTable, FLAG_PIECE, FLAG_WORD, type StaticTable } from './static-table.js';

/** File name of the shipped table, in the package's `models/` folder. */
export const STATIC_TABLE_FILE = 'use-lite-static.bin';
const REBUILD = 'reinstall faqbot, or rebuild the table as models/README.md describes (tools/distill/distill-encoder.mjs)';

/** SIF weight a / (a + p(w)) (Arora et al. 2017); p from the table's unigram log-probabilities. */
const SIF_A = 1e-3;
/** Log-probability charged for skipping a character no piece covers. */
const SKIP_PENALTY = -20;
const CACHE_LIMIT = 20_000;

/** A word's contribution: rows of the table and the weight of each. */
interface WordParts {
  rows: number[];
  weights: number[];
}

export class StaticEncoder implements SentenceEncoder {
  readonly name: string;
  readonly dimensions: number;
  private readonly vectors: Int8Array;
  private readonly scales: Float32Array;
  private readonly sif: Float32Array;
  private readonly wordRows = new Map<string, number>();
  private readonly pieceRows = new Map<string, number>();
  private readonly pieceScores: Float32Array;
  private readonly maxPieceLength: number;
  private readonly cache = new Map<string, WordParts>();

  constructor(table: StaticTable) {
    this.name = table.header.name;
    this.dimensions = table.header.dims;
    this.vectors = table.vectors;
    this.scales = table.scales;
    this.pieceScores = table.scores;
    this.sif = Float32Array.from(table.scores, (s) => SIF_A / (SIF_A + Math.exp(s)));
    let maxLen = 1;
    table.keys.forEach((key, row) => {
      const flags = table.flags[row]!;
      if (flags & FLAG_WORD && key.startsWith('▁')) this.wordRows.set(key.slice(1), row);
      if (flags & FLAG_PIECE) {
        this.pieceRows.set(key, row);
        if (key.length > maxLen) maxLen = key.length;
      }
    });
    this.maxPieceLength = maxLen;
  }

  embed(text: string): Float32Array {
    const dims = this.dimensions;
    const out = new Float32Array(dims);
    for (const word of words(text)) {
      const parts = this.parts(word);
      for (let i = 0; i < parts.rows.length; i++) {
        const row = parts.rows[i]!;
        const w = parts.weights[i]! * this.scales[row]!;
        const base = row * dims;
        for (let k = 0; k < dims; k++) out[k]! += w * this.vectors[base + k]!;
      }
    }
    let norm = 0;
    for (let k = 0; k < dims; k++) norm += out[k]! * out[k]!;
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let k = 0; k < dims; k++) out[k]! *= inv;
    }
    return out;
  }

  /** The table rows `word` is made of: itself if known, else its best piece segmentation. */
  parts(word: string): WordParts {
    let parts = this.cache.get(word);
    if (parts) return parts;
    const row = this.wordRows.get(word);
    parts = row !== undefined ? { rows: [row], weights: [this.sif[row]!] } : this.compose(word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, parts);
    return parts;
  }

  /** Unigram Viterbi over the sentencepiece pieces, as USE's own tokenizer segments a word. */
  private compose(word: string): WordParts {
    const s = '▁' + word;
    const n = s.length;
    const best = new Float64Array(n + 1).fill(-Infinity);
    const from = new Int32Array(n + 1);
    const via = new Int32Array(n + 1).fill(-1); // row of the piece ending here, -1 for a skip
    best[0] = 0;
    for (let end = 1; end <= n; end++) {
      for (let start = Math.max(0, end - this.maxPieceLength); start < end; start++) {
        if (best[start] === -Infinity) continue;
        const row = this.pieceRows.get(s.slice(start, end));
        if (row === undefined) continue;
        const score = best[start]! + this.pieceScores[row]!;
        if (score > best[end]!) {
          best[end] = score;
          from[end] = start;
          via[end] = row;
        }
      }
      if (best[end - 1]! + SKIP_PENALTY > best[end]!) {
        best[end] = best[end - 1]! + SKIP_PENALTY;
        from[end] = end - 1;
        via[end] = -1;
      }
    }
    const rows: number[] = [];
    const weights: number[] = [];
    for (let end = n; end > 0; end = from[end]!) {
      const row = via[end]!;
      // The bare word-start marker carries no meaning of its own.
      if (row >= 0 && !(end === 1 && s[0] === '▁' && this.pieceRows.get('▁') === row)) {
        rows.unshift(row);
        weights.unshift(this.sif[row]!);
      }
    }
    return { rows, weights };
  }
}

/** Where the shipped table is: `models/` at the package root, from src/ (vitest) or dist/. */
export function defaultStaticTablePath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'models', STATIC_TABLE_FILE);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'models', STATIC_TABLE_FILE);
}

/**
 * Loads a static encoder table (by default the one shipped in the package's `models/`).
 * Reads a local file only, never the network. Throws FaqbotError('model') when the file is
 * missing or corrupt.
 */
export function loadStaticEncoder(path: string = defaultStaticTablePath()): StaticEncoder {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : `it cannot be read (${(error as Error).message})`;
    throw new FaqbotError('model', `The semantic encoder table ${path} is missing: ${why}.`, [`To fix: ${REBUILD}.`]);
  }
  let table: StaticTable;
  try {
    table = decodeTable(buf);
  } catch (error) {
    throw new FaqbotError('model', `The semantic encoder table ${path} is corrupt: ${(error as Error).message}.`, [`To fix: ${REBUILD}.`]);
  }
  return new StaticEncoder(table);
}

// Reader for the static encoder table written by tools/distill/table-format.mjs.
// Layout (little-endian): "FQSE0001" | u32 H | H bytes JSON header | u32 K | K bytes keys (UTF-8,
// '\n'-joined) | zero padding to a multiple of 4 | f32 score[N] | f32 scale[N] | u8 flags[N] |
// zero padding to a multiple of 4 | i8 vector[N * dims]. Nothing may follow.
//
// A key is a sentencepiece piece; '▁' marks the start of a word, so "▁install" is the whole word
// "install". score is the piece's unigram log-probability (for whole words outside the piece
// vocabulary: the log-probability of their best segmentation), used for SIF weighting.

export const TABLE_MAGIC = 'FQSE0001';
/** The key is a whole word ('▁' + word) that text can look up directly. */
export const FLAG_WORD = 1;
/** The key is a sentencepiece piece that unknown words may be composed of. */
export const FLAG_PIECE = 2;

export interface StaticTableHeader {
  format: 'faqbot-static-encoder';
  version: 1;
  name: string;
  dims: number;
  rows: number;
  [extra: string]: unknown;
}

export interface StaticTable {
  header: StaticTableHeader;
  keys: string[];
  scores: Float32Array;
  scales: Float32Array;
  flags: Uint8Array;
  vectors: Int8Array;
}

const pad4 = (n: number): number => (4 - (n % 4)) % 4;

/** Parses a table; throws a plain Error saying what is wrong (the loader adds the file and fix). */
export function decodeTable(buf: Uint8Array): StaticTable {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  if (buf.byteLength < 16 || String.fromCharCode(...buf.subarray(0, 8)) !== TABLE_MAGIC) {
    throw new Error(`it does not start with "${TABLE_MAGIC}" (not a faqbot static encoder table, or a newer format)`);
  }
  let o = 8;
  const h = view.getUint32(o, true);
  o += 4;
  if (o + h + 4 > buf.byteLength) throw new Error('it is truncated inside the header');
  let header: StaticTableHeader;
  try {
    header = JSON.parse(text.decode(buf.subarray(o, o + h))) as StaticTableHeader;
  } catch {
    throw new Error('its header is not valid JSON');
  }
  o += h;
  if (header.format !== 'faqbot-static-encoder' || header.version !== 1)
    throw new Error(
      `its header says format ${String(header.format)} version ${String(header.version)}, expected faqbot-static-encoder version 1`,
    );
  const { dims, rows: n } = header;
  if (!Number.isInteger(dims) || dims <= 0 || !Number.isInteger(n) || n <= 0) throw new Error('its header has no valid dims/rows');
  const k = view.getUint32(o, true);
  o += 4;
  if (o + k > buf.byteLength) throw new Error('it is truncated inside the key list');
  const keys = text.decode(buf.subarray(o, o + k)).split('\n');
  o += k;
  if (keys.length !== n) throw new Error(`it lists ${keys.length} keys but its header says ${n} rows`);
  o += pad4(o);
  const numbersEnd = o + 8 * n + n;
  const expected = numbersEnd + pad4(numbersEnd) + n * dims;
  if (buf.byteLength !== expected)
    throw new Error(`it is ${buf.byteLength} bytes, expected ${expected} for ${n} rows of ${dims} dimensions (truncated or corrupt)`);
  // Copy the floats out: the buffer's offset need not be 4-aligned.
  // (new Uint8Array(view) copies; Buffer#slice would not).
  const scores = new Float32Array(new Uint8Array(buf.subarray(o, o + 4 * n)).buffer);
  const scales = new Float32Array(new Uint8Array(buf.subarray(o + 4 * n, o + 8 * n)).buffer);
  const flags = new Uint8Array(buf.subarray(o + 8 * n, numbersEnd));
  const vs = numbersEnd + pad4(numbersEnd);
  const vectors = new Int8Array(buf.buffer, buf.byteOffset + vs, n * dims);
  return { header, keys, scores, scales, flags, vectors };
}

/** Serialises a table (the same layout the distillation script writes); used by tests. */
export function encodeTable(t: Omit<StaticTable, 'header'> & { header: Omit<StaticTableHeader, 'rows'> & { rows?: number } }): Uint8Array {
  const n = t.keys.length;
  const enc = new TextEncoder();
  const h = enc.encode(JSON.stringify({ ...t.header, rows: n }));
  const k = enc.encode(t.keys.join('\n'));
  let off = 8 + 4 + h.length + 4 + k.length;
  const p1 = pad4(off);
  off += p1 + 9 * n;
  const total = off + pad4(off) + t.vectors.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let o = 0;
  out.set(enc.encode(TABLE_MAGIC), 0);
  o = 8;
  view.setUint32(o, h.length, true);
  out.set(h, o + 4);
  o += 4 + h.length;
  view.setUint32(o, k.length, true);
  out.set(k, o + 4);
  o += 4 + k.length + p1;
  for (let i = 0; i < n; i++) view.setFloat32(o + 4 * i, t.scores[i]!, true);
  for (let i = 0; i < n; i++) view.setFloat32(o + 4 * n + 4 * i, t.scales[i]!, true);
  out.set(t.flags, o + 8 * n);
  out.set(new Uint8Array(t.vectors.buffer, t.vectors.byteOffset, t.vectors.length), total - t.vectors.length);
  return out;
}

// Writer for the static encoder table; the reader is src/match/semantic/static-table.ts.
// Layout (little-endian): "FQSE0001" | u32 H | H bytes JSON header | u32 K | K bytes keys (UTF-8,
// '\n'-joined) | zero padding to a multiple of 4 | f32 score[N] | f32 scale[N] | u8 flags[N] |
// zero padding to a multiple of 4 | i8 vector[N * dims]. Nothing may follow.
const pad4 = (n) => (4 - (n % 4)) % 4;
export function encodeTable(header, keysBlob, scores, flags, scales, data) {
  const N = scores.length;
  const h = Buffer.from(JSON.stringify(header), 'utf8');
  let off = 8 + 4 + h.length + 4 + keysBlob.length;
  const p1 = pad4(off);
  off += p1 + 8 * N + N;
  const p2 = pad4(off);
  const buf = Buffer.alloc(off + p2 + data.length);
  let o = 0;
  buf.write('FQSE0001', o, 'latin1');
  o += 8;
  buf.writeUInt32LE(h.length, o);
  o += 4;
  h.copy(buf, o);
  o += h.length;
  buf.writeUInt32LE(keysBlob.length, o);
  o += 4;
  Buffer.from(keysBlob).copy(buf, o);
  o += keysBlob.length + p1;
  Buffer.from(scores.buffer, scores.byteOffset, 4 * N).copy(buf, o);
  o += 4 * N;
  Buffer.from(scales.buffer, scales.byteOffset, 4 * N).copy(buf, o);
  o += 4 * N;
  Buffer.from(flags.buffer, flags.byteOffset, N).copy(buf, o);
  o += N + p2;
  Buffer.from(data.buffer, data.byteOffset, data.length).copy(buf, o);
  return buf;
}

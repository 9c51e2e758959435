#!/usr/bin/env node
// Refines a static encoder table so that the averaged vectors of whole sentences agree with the
// full model's sentence vectors (a "tokenlearn" step after the Model2Vec-style distillation):
// ridge regression of the row vectors, pulled towards the distilled ones,
//   min_W  Σ_s ‖ Σ_r a_sr W_r − c·ŷ_s ‖²  +  λ ‖W − W₀‖²,
// where a_sr are the encoder's own SIF weights of sentence s (normalised to sum 1), ŷ_s the unit
// teacher vector (embed-sentences.mjs) and c the median norm of today's averages, so that W
// keeps the scale of W₀. Solved by conjugate gradients, all dimensions at once. λ is chosen on
// held-out sentences of the same corpus (agreement with the teacher), never on evaluation data.
// Run after `npm run build` (it uses the encoder from dist/):
//   node tools/distill/refine-table.mjs --table models/use-lite-static.bin \
//     --teacher teacher.bin --out models/use-lite-static.bin [--lambda 0.01,0.03,0.1] [--holdout 4000]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeTable } from '../../dist/src/match/semantic/static-table.js';
import { StaticEncoder } from '../../dist/src/match/semantic/static-encoder.js';
import { words } from '../../dist/src/text/normalize.js';
import { encodeTable } from './table-format.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const LAMBDAS = String(args.lambda ?? '0.003,0.01,0.03,0.1')
  .split(',')
  .map(Number);
const HOLDOUT = Number(args.holdout ?? 4000);
const ITERATIONS = Number(args.iterations ?? 60);

const tableBuf = readFileSync(resolve(args.table));
const table = decodeTable(tableBuf);
const encoder = new StaticEncoder(table);
const N = table.keys.length;
const K = table.header.dims;
const W0 = new Float64Array(N * K);
for (let r = 0; r < N; r++) for (let k = 0; k < K; k++) W0[r * K + k] = table.vectors[r * K + k] * table.scales[r];

const teacherBuf = readFileSync(resolve(args.teacher));
const count = teacherBuf.readUInt32LE(0);
if (teacherBuf.readUInt32LE(4) !== K) throw new Error('teacher dims differ from the table');
const Y = new Float32Array(teacherBuf.buffer.slice(teacherBuf.byteOffset + 8, teacherBuf.byteOffset + 8 + count * K * 4));
const sentences = readFileSync(`${resolve(args.teacher)}.txt`, 'utf8').split('\n');

// Sparse rows of A (CSR), one per sentence with at least one table row.
const rowStart = [0];
const cols = [];
const vals = [];
const targets = [];
for (let s = 0; s < count; s++) {
  const acc = new Map();
  for (const word of words(sentences[s])) {
    const parts = encoder.parts(word);
    parts.rows.forEach((row, i) => acc.set(row, (acc.get(row) ?? 0) + parts.weights[i]));
  }
  let total = 0;
  for (const v of acc.values()) total += v;
  if (total === 0) continue;
  for (const [row, v] of acc) {
    cols.push(row);
    vals.push(v / total);
  }
  rowStart.push(cols.length);
  targets.push(s);
}
const S = targets.length;
const train = S - HOLDOUT;
console.error(`${S} sentences with known words (${train} to fit, ${HOLDOUT} held out), ${cols.length} weights`);

function multiply(W, from, to, out) {
  // out[s - from] = A_s W
  out.fill(0);
  for (let s = from; s < to; s++) {
    const o = (s - from) * K;
    for (let p = rowStart[s]; p < rowStart[s + 1]; p++) {
      const base = cols[p] * K;
      const v = vals[p];
      for (let k = 0; k < K; k++) out[o + k] += v * W[base + k];
    }
  }
}
function multiplyT(X, out) {
  // out += Aᵀ X over the training rows
  for (let s = 0; s < train; s++) {
    const o = s * K;
    for (let p = rowStart[s]; p < rowStart[s + 1]; p++) {
      const base = cols[p] * K;
      const v = vals[p];
      for (let k = 0; k < K; k++) out[base + k] += v * X[o + k];
    }
  }
}

// Targets: unit teacher vectors scaled to the median norm of today's averages.
const AW0 = new Float64Array(S * K);
multiply(W0, 0, S, AW0);
const norms = [];
for (let s = 0; s < S; s++) {
  let n = 0;
  for (let k = 0; k < K; k++) n += AW0[s * K + k] ** 2;
  norms.push(Math.sqrt(n));
}
const c = norms.slice().sort((a, b) => a - b)[Math.floor(S / 2)];
const T = new Float64Array(S * K);
for (let i = 0; i < S; i++) {
  const s = targets[i];
  let n = 0;
  for (let k = 0; k < K; k++) n += Y[s * K + k] ** 2;
  n = Math.sqrt(n) || 1;
  for (let k = 0; k < K; k++) T[i * K + k] = (c * Y[s * K + k]) / n;
}

/** Mean cosine between the encoder's sentence vector and the teacher's, on the held-out rows. */
function agreement(W) {
  const out = new Float64Array(HOLDOUT * K);
  multiply(W, train, S, out);
  let sum = 0;
  for (let i = 0; i < HOLDOUT; i++) {
    let d = 0,
      a = 0,
      b = 0;
    for (let k = 0; k < K; k++) {
      const x = out[i * K + k],
        y = T[(train + i) * K + k];
      d += x * y;
      a += x * x;
      b += y * y;
    }
    sum += a && b ? d / Math.sqrt(a * b) : 0;
  }
  return sum / HOLDOUT;
}

function solve(lambda) {
  // (AᵀA + λI) W = AᵀT + λW₀, per column k; CG started from W₀.
  const apply = (X) => {
    const ax = new Float64Array(train * K);
    multiply(X, 0, train, ax);
    const out = new Float64Array(N * K);
    multiplyT(ax, out);
    for (let i = 0; i < N * K; i++) out[i] += lambda * X[i];
    return out;
  };
  const W = Float64Array.from(W0);
  const b = new Float64Array(N * K);
  multiplyT(T, b);
  for (let i = 0; i < N * K; i++) b[i] += lambda * W0[i];
  const AW = apply(W);
  const R = new Float64Array(N * K);
  for (let i = 0; i < N * K; i++) R[i] = b[i] - AW[i];
  const P = Float64Array.from(R);
  const rr = new Float64Array(K);
  for (let r = 0; r < N; r++) for (let k = 0; k < K; k++) rr[k] += R[r * K + k] ** 2;
  for (let it = 0; it < ITERATIONS; it++) {
    const AP = apply(P);
    const pAp = new Float64Array(K);
    for (let r = 0; r < N; r++) for (let k = 0; k < K; k++) pAp[k] += P[r * K + k] * AP[r * K + k];
    const alpha = Float64Array.from(rr, (v, k) => (pAp[k] > 0 ? v / pAp[k] : 0));
    const rrNew = new Float64Array(K);
    for (let r = 0; r < N; r++)
      for (let k = 0; k < K; k++) {
        const i = r * K + k;
        W[i] += alpha[k] * P[i];
        R[i] -= alpha[k] * AP[i];
        rrNew[k] += R[i] ** 2;
      }
    const beta = Float64Array.from(rrNew, (v, k) => (rr[k] > 0 ? v / rr[k] : 0));
    for (let r = 0; r < N; r++) for (let k = 0; k < K; k++) P[r * K + k] = R[r * K + k] + beta[k] * P[r * K + k];
    rr.set(rrNew);
  }
  return W;
}

console.error(`held-out agreement with the teacher, distilled table: ${agreement(W0).toFixed(4)}`);
let best = { lambda: 0, score: agreement(W0), W: W0 };
for (const lambda of LAMBDAS) {
  const W = solve(lambda);
  const score = agreement(W);
  console.error(`lambda ${lambda}: held-out agreement ${score.toFixed(4)}`);
  if (score > best.score) best = { lambda, score, W };
}
console.error(`chosen lambda ${best.lambda}`);
if (!args.out) process.exit(0);

const data = new Int8Array(N * K);
const scales = new Float32Array(N);
for (let r = 0; r < N; r++) {
  let maxAbs = 0;
  for (let k = 0; k < K; k++) maxAbs = Math.max(maxAbs, Math.abs(best.W[r * K + k]));
  const scale = maxAbs / 127 || 1;
  scales[r] = scale;
  for (let k = 0; k < K; k++) data[r * K + k] = Math.round(best.W[r * K + k] / scale);
}
const header = { ...table.header, refined: { sentences: train, lambda: best.lambda, heldOutAgreement: Number(best.score.toFixed(4)) } };
writeFileSync(resolve(args.out), encodeTable(header, Buffer.from(table.keys.join('\n'), 'utf8'), table.scores, table.flags, scales, data));
console.error(`wrote ${args.out}`);

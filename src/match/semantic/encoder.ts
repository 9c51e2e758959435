// The seam between the matcher and whatever turns text into a meaning vector. The core ships a
// static word-vector table (static-encoder.ts); a better model (e.g. an ONNX one) can implement
// the same interface and be chosen by configuration later.

export interface SentenceEncoder {
  /** Stable identifier of the model, e.g. for caches and logs. */
  readonly name: string;
  /** Length of every vector `embed` returns. */
  readonly dimensions: number;
  /**
   * The meaning of `text` as an L2-normalised vector, or an all-zero vector when no word of the
   * text is known. Synchronous and cheap: it runs for every query.
   */
  embed(text: string): Float32Array;
}

/** Cosine of two vectors from the same encoder (their dot product: both are unit or zero). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

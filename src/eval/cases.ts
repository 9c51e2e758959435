// Reads a question set: `cases:` a list of `{ q, expect }`, where expect is an id, a list of
// ids (any is right) or null (out of scope).
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { FaqbotError } from '../errors.js';
import { yamlErrorAt } from '../yaml-error.js';

export interface EvalCase {
  readonly q: string;
  /** Empty: out of scope. */
  readonly expect: readonly string[];
}

export function readCases(file: string): EvalCase[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new FaqbotError('not-found', `${file}: cannot read the question set; check the path given to --cases`);
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const at = yamlErrorAt(e);
    throw new FaqbotError('usage', `${file}:${at.line}:${at.col}: YAML syntax: ${at.message}`);
  }
  const data = doc.toJS() as { cases?: unknown } | null;
  if (!data || !Array.isArray(data.cases)) {
    throw new FaqbotError('usage', `${file}: expected a \`cases:\` list of { q: "...", expect: id | [ids] | null }`);
  }
  return data.cases.map((c: unknown, i: number): EvalCase => {
    const item = c as { q?: unknown; expect?: unknown };
    const q = item?.q === null || item?.q === undefined ? '' : String(item.q);
    const e = item?.expect;
    if (e !== null && e !== undefined && typeof e !== 'string' && !(Array.isArray(e) && e.every((x) => typeof x === 'string'))) {
      throw new FaqbotError('usage', `${file}: case ${i + 1} ("${q.slice(0, 40)}"): expect must be an id, a list of ids or null`);
    }
    return { q, expect: e === null || e === undefined ? [] : typeof e === 'string' ? [e] : (e as string[]) };
  });
}

import { describe, expect, it } from 'vitest';
import { mergeSettings } from '../../src/settings/merge.js';

describe('mergeSettings: one rule for a layer of settings over a base', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown> | undefined, Record<string, unknown>]>([
    ['nothing over the base keeps it', { a: 1, b: { c: 2 } }, undefined, { a: 1, b: { c: 2 } }],
    ['an empty layer keeps it', { a: 1, b: { c: 2 } }, {}, { a: 1, b: { c: 2 } }],
    ['a value replaces the base one', { a: 1, b: 2 }, { a: 3 }, { a: 3, b: 2 }],
    ['absent keys keep their defaults', { a: 1, b: 'x', c: true }, { b: 'y' }, { a: 1, b: 'y', c: true }],
    ['a nested mapping merges key by key', { p: { x: 1, y: 2 }, q: 3 }, { p: { y: 5 } }, { p: { x: 1, y: 5 }, q: 3 }],
    ['at any depth', { a: { b: { c: 1, d: 2 }, e: 3 } }, { a: { b: { d: 4 } } }, { a: { b: { c: 1, d: 4 }, e: 3 } }],
    ['a key only the layer has is added', { a: 1 }, { b: { c: 2 } }, { a: 1, b: { c: 2 } }],
    ['an array is replaced, not joined', { list: [1, 2], n: 0 }, { list: [3] }, { list: [3], n: 0 }],
    ['an empty array replaces too', { list: [1, 2] }, { list: [] }, { list: [] }],
    ['a mapping over a value replaces it', { a: 1 }, { a: { b: 2 } }, { a: { b: 2 } }],
    ['a value over a mapping replaces it', { a: { b: 2 } }, { a: 'off' }, { a: 'off' }],
    ['null replaces a mapping', { a: { b: 2 } }, { a: null }, { a: null }],
    ['false and 0 are values, not absences', { on: true, n: 5 }, { on: false, n: 0 }, { on: false, n: 0 }],
    ['a key given as undefined replaces the default', { a: 1, b: 2 }, { a: undefined }, { a: undefined, b: 2 }],
  ])('%s', (_name, base, over, merged) => {
    expect(mergeSettings(base, over)).toStrictEqual(merged);
  });

  it('changes neither the base nor the layer, and returns a new object', () => {
    const base = { policy: { a: 1, b: 2 }, list: [1] };
    const over = { policy: { b: 3 } };
    const merged = mergeSettings(base, over);
    expect(base).toStrictEqual({ policy: { a: 1, b: 2 }, list: [1] });
    expect(over).toStrictEqual({ policy: { b: 3 } });
    expect(merged).not.toBe(base);
    expect(merged.policy).not.toBe(base.policy);
    expect(mergeSettings(base, undefined)).not.toBe(base);
  });
});

// Adapters build every Query with buildQuery: unset parts are left out, never undefined or empty.
import { describe, expect, it } from 'vitest';
import { aimedAt, buildQuery } from '../src/query.js';
import type { Query } from '../src/domain.js';

const base = { text: 'hi', platform: 'test', channelId: 'C1', asker: { id: 'U1' }, via: 'command' } as const satisfies Query;

describe('buildQuery', () => {
  it('leaves out parts the platform did not give', () => {
    const q = buildQuery({ ...base, communityId: undefined, threadId: '', channelParents: [], direct: false, target: undefined });
    expect(Object.keys(q).sort()).toEqual(['asker', 'channelId', 'platform', 'text', 'via']);
  });

  it('keeps the parts that are set', () => {
    const q = buildQuery({ ...base, communityId: 'G1', threadId: 'T1', channelParents: ['P1'], direct: true, target: { id: 'U2' }, at: 5 });
    expect(q).toStrictEqual({
      ...base,
      communityId: 'G1',
      threadId: 'T1',
      channelParents: ['P1'],
      direct: true,
      target: { id: 'U2' },
      at: 5,
    });
  });
});

describe('aimedAt', () => {
  it.each([
    ['nobody named', undefined, undefined],
    ['another member', { id: 'U2' }, 'U2'],
    ['the asker themselves', { id: 'U1' }, undefined],
  ])('%s', (_why, target, expected) => {
    expect(aimedAt({ asker: { id: 'U1' }, target })?.id).toBe(expected);
  });
});

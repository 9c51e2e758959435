// `synonyms:` in a knowledge file: the community's own words, checked with line numbers and
// used by the matcher for every entry of the base.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKnowledge, formatProblem, loadKnowledge } from '../../src/knowledge/load.js';
import { buildMatcher } from '../../src/match/matcher.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-synonyms-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const entries = `entries:
  - id: kick-member
    question: How do I kick a member?
    answer: Use /kick and pick the member.
  - id: ban-member
    question: How do I ban a member?
    answer: Use /ban; a ban lasts until it is lifted.
  - id: change-prefix
    question: How do I change the prefix?
    answer: Use /prefix with the new one.
`;

describe('synonyms in a knowledge file', () => {
  it('matches a community word the entries never use, from another file of the base too', () => {
    const dir = folder({ 'faq.yaml': entries, 'words.yaml': 'synonyms:\n  - [yeet, kick]\nentries: []\n' });
    const { knowledge } = loadKnowledge(dir, dir);
    expect(knowledge.files.find((f) => f.file === 'words.yaml')?.synonyms).toEqual([['yeet', 'kick']]);
    for (const semantic of ['off', 'static'] as const) {
      const m = buildMatcher(knowledge, { semantic }).match('how do i yeet someone');
      expect(m.candidates[0]?.entry.id, semantic).toBe('kick-member');
    }
    // Without the group, "yeet" is a word the base does not know.
    const without = loadKnowledge(folder({ 'faq.yaml': entries }), '/').knowledge;
    expect(buildMatcher(without, { semantic: 'off' }).match('how do i yeet someone').decision).toBe('none');
  });

  it.each([
    ['synonyms: [pfp, avatar]\n', 1, '`synonyms` is a list of groups, and this is one group written without its own list'],
    ['synonyms:\n  - [pfp, avatar]\n  - avatar\n', 3, 'each item of `synonyms` must be a list of words that mean the same'],
    ['synonyms: pfp\n', 1, '`synonyms` must be a list of groups of words'],
    ['synonyms:\n  - [pfp]\n', 2, 'a `synonyms` group needs at least two words'],
    ['synonyms:\n  - [pfp, ""]\n', 2, 'every word of a `synonyms` group must be a non-empty text'],
  ])('refuses %j with an error at line %i', (head, line, message) => {
    const dir = folder({ 'faq.yaml': head + entries });
    const problems = checkKnowledge(dir, dir).problems;
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.message])).toEqual([[line, message]]);
    expect(problems[0]?.hint).toBeTruthy();
  });

  it('warns about a word made of words the matcher ignores, and says what is left of it', () => {
    const dir = folder({ 'faq.yaml': 'synonyms:\n  - [turn off, disable]\n' + entries });
    const { knowledge, problems } = checkKnowledge(dir, dir);
    expect(knowledge).toBeDefined();
    expect(problems.map(formatProblem)).toEqual([
      expect.stringContaining('faq.yaml:2:6: warning: `synonyms`: the matcher ignores "off" in "turn off", so it stands for "turn" alone'),
    ]);
  });
});

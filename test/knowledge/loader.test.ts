import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKnowledge, formatProblem, loadKnowledge } from '../../src/knowledge/load.js';
import { FaqbotError } from '../../src/errors.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-kb-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const good = `title: Test
entries:
  - id: first-topic
    question: What is the first topic?
    answer: It is the first.
    alternates: [tell me about the first one]
    related: [second-topic]
  - id: second-topic
    question: And the second?
    answer: The second.
`;

function problems(files: Record<string, string>): string[] {
  const dir = folder(files);
  return checkKnowledge(dir, dir).problems.map(formatProblem);
}

describe('knowledge loader', () => {
  it('loads a valid folder with every field', () => {
    const dir = folder({ 'a.yaml': good });
    const { knowledge } = loadKnowledge(dir, dir);
    expect(knowledge.entries.map((e) => e.id)).toEqual(['first-topic', 'second-topic']);
    expect(knowledge.title).toBe('Test');
    expect(knowledge.byId.get('first-topic')?.location).toMatchObject({ file: 'a.yaml', line: 3 });
  });

  it('loads the BANKING77 knowledge file as it is', () => {
    const { knowledge } = loadKnowledge('eval/banking77/knowledge.yaml');
    expect(knowledge.entries).toHaveLength(77);
    expect(knowledge.files[0]?.footer).toContain('CC BY 4.0');
  });

  it('reports a YAML syntax error with its line and the offending text', () => {
    const found = problems({ 'bad.yaml': 'entries:\n  - id: x\n    question: "unclosed\n    answer: y\n' });
    expect(found).toHaveLength(1);
    // The quote opened on line 3 is still open when line 5 starts: the library reports 5:1.
    expect(found[0]).toMatch(/^bad\.yaml:5:1: YAML syntax: Missing closing "quote at the end of the file/);
  });

  it('points a YAML syntax error past line 1 at its own line and column', () => {
    const found = problems({ 'bad.yaml': 'title: T\nentries:\n  - id: x\n    question: a: b\n    answer: y\n' });
    expect(found[0]).toMatch(/^bad\.yaml:4:15: YAML syntax: .* in `question: a: b`/);
  });

  it('refuses a number as a question or answer, as it refuses one as a title, with how to quote it', () => {
    const found = problems({ 'n.yaml': 'title: 7\nentries:\n  - id: not-found\n    question: 42\n    answer: true\n' });
    expect(found).toEqual([
      expect.stringMatching(/^n\.yaml:1:8: `title` must be a non-empty text; YAML reads this as a number: put it in quotes, `title: "7"`/),
      expect.stringMatching(/^n\.yaml:4:15: entry `not-found`: `question` must be a non-empty text; YAML reads this as a number: put it in quotes, `question: "42"`/),
      expect.stringMatching(/^n\.yaml:5:13: entry `not-found`: `answer` must be a non-empty text; YAML reads this as a boolean: put it in quotes, `answer: "true"`/),
    ]);
  });

  it('reports every problem at once, each with file:line:col and a fix', () => {
    const found = problems({
      'a.yaml': good,
      'b.yaml': `entries:
  - id: first-topic
    question: duplicate id
    answer: x
  - id: Bad_Id
    question: [not, text]
    answer: y
  - id: no-answer
    question: where is my answer
    related: [missing-one]
  - id: copycat
    question: Copy
    answer: z
    alternates: ["Tell me about the first one!"]
    links: [{ title: Docs, url: /relative/page }]
`,
    });
    const text = found.join('\n');
    expect(text).toMatch(/b\.yaml:2:\d+: duplicate id `first-topic` \(first used at a\.yaml:3\)/);
    expect(text).toMatch(/b\.yaml:5:\d+: id `Bad_Id` is not kebab-case; .*`bad-id`/);
    expect(text).toMatch(/b\.yaml:6:\d+: entry `Bad_Id`: `question` must be a non-empty text/);
    expect(text).toMatch(/b\.yaml:8:\d+: entry `no-answer`: missing `answer`/);
    expect(text).toMatch(/related id `missing-one` does not exist/);
    expect(text).toMatch(/also a question or alternate of `first-topic`/);
    expect(text).toMatch(/link `\/relative\/page` is not an absolute http\(s\) URL/);
    for (const line of found) expect(line).toMatch(/^[ab]\.yaml:\d+:\d+: .+; .+/);
  });

  it('names unknown keys and how to fix them', () => {
    const found = problems({ 'a.yaml': 'entries:\n  - id: a\n    question: q\n    answer: a\n    anwser: typo\n' });
    expect(found[0]).toMatch(/a\.yaml:5:5: unknown entry key `anwser`; allowed keys: id, question, answer/);
  });

  it('throws one FaqbotError listing every error when loading a broken base', () => {
    const dir = folder({ 'a.yaml': 'entries: 3\n' });
    try {
      loadKnowledge(dir, dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FaqbotError);
      expect((error as FaqbotError).details[0]).toMatch(/a\.yaml:1:10: `entries` must be a list/);
    }
  });

  it('explains a missing or empty knowledge folder', () => {
    expect(() => loadKnowledge('/nonexistent/knowledge')).toThrow(/no such file or folder/);
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-empty-'));
    mkdirSync(join(dir, 'sub'));
    expect(() => loadKnowledge(dir)).toThrow(/has no \.yaml files/);
  });
});

describe('restrictedTo', () => {
  const entry = (restricted: string) => `entries:
  - id: staff-only
    question: How do staff deploy?
    answer: With the pipeline.
${restricted}`;

  it('keeps quoted role and user group ids on the entry', () => {
    const dir = folder({ 'a.yaml': entry('    restrictedTo: ["1100000000000000001", SSTAFF]\n') });
    const { knowledge } = loadKnowledge(dir, dir);
    expect(knowledge.byId.get('staff-only')?.restrictedTo).toEqual(['1100000000000000001', 'SSTAFF']);
  });

  it('refuses an unquoted Discord id (a YAML number that cannot hold it) with file:line and the fix', () => {
    expect(problems({ 'a.yaml': entry('    restrictedTo:\n      - 1100000000000000001\n') })).toEqual([
      'a.yaml:6:9: entry `staff-only`: the id 1100000000000000001 in `restrictedTo` is a YAML number, which cannot hold a Discord id exactly; put it in quotes: "1100000000000000001"',
    ]);
  });

  it('refuses an empty list and ids that are no ids', () => {
    const out = problems({ 'a.yaml': entry('    restrictedTo: []\n'), 'b.yaml': entry('    restrictedTo: ["<@&1>"]\n').replace('staff-only', 'staff-two').replace('How do staff', 'How do admins') });
    expect(out[0]).toMatch(/^a\.yaml:5:19: entry `staff-only`: `restrictedTo` must be a list of Discord role ids or Slack user group ids/);
    expect(out[1]).toMatch(/^b\.yaml:5:20: entry `staff-two`: every item of `restrictedTo` must be a role or user group id/);
  });
});

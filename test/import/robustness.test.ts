// Whatever page people feed the importer, it must not throw, and what it writes must load.
// A small seeded generator of FAQ-ish Markdown, with the awkward bits real pages have.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeDraft } from '../../src/import/merge.js';
import { importPage } from '../../src/import/page.js';
import { draftToYaml } from '../../src/import/write-yaml.js';
import { checkKnowledge, checkText } from '../../src/knowledge/load.js';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pieces = [
  'Plain text with *emphasis*, `code` and a [link](/docs/page.md#part).',
  '  leading spaces and trailing spaces   ',
  '- item one\n- item two\n  - nested',
  '1. first\n2. second',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '```sh\n$ dnf install thing\n---\n```',
  ':::tip\nA tip.\n:::',
  '> quoted: text # not a comment',
  '<!-- an editor note -->',
  '<details><summary>More</summary>hidden</details>',
  '---',
  'Tabs\there\tand\ttrailing tab\t',
  'Unicode: café, 日本語, emoji 🐱, RTL עברית',
  '"quoted" \'single\' and: colons, #hashes, @everyone, <@123>',
  '![image](img/screen.png)',
  '[ref link][r]\n\n[r]: ../other.md',
  '',
];
const headings = [
  'What is it?',
  'How do I install it',
  'Notes',
  'Why?',
  'Can I: use colons?',
  '**Bold** heading?',
  'Trademark notices',
  'FAQ',
  '日本語の質問？',
  '- dash?',
  '#hash?',
  'Is it "quoted"?',
];

function page(rnd: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const lines: string[] = [];
  if (rnd() < 0.3) lines.push('---', 'title: "Some: FAQ"', '---', '');
  const sections = 1 + Math.floor(rnd() * 8);
  for (let i = 0; i < sections; i++) {
    if (rnd() < 0.2) lines.push(`**${pick(headings).replace(/\*/g, '')}?**`, '');
    else lines.push(`${'#'.repeat(1 + Math.floor(rnd() * 6))} ${pick(headings)}`, '');
    const paragraphs = Math.floor(rnd() * 4);
    for (let j = 0; j < paragraphs; j++) lines.push(pick(pieces), '');
  }
  return lines.join(rnd() < 0.2 ? '\r\n' : '\n');
}

const dir = mkdtempSync(join(tmpdir(), 'faqbot-import-gen-'));

describe('the importer on generated pages', () => {
  it('generates pages that have questions in them', () => {
    const counts = Array.from({ length: 300 }, (_, i) => importPage(page(random(i + 1))).draft.entries.length);
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(200);
  });

  it.each(Array.from({ length: 300 }, (_, i) => i))('page %i imports without throwing and loads back', (seed) => {
    const text = page(random(seed + 1));
    const { draft } = importPage(text, { baseUrl: new URL('https://example.org/wiki/faq.html') });
    const yaml = draftToYaml(draft);
    const loaded = checkText(yaml, 'generated.yaml');
    expect(loaded.problems).toEqual([]);
    // The loader's checks across entries too (one phrasing, one entry).
    const file = join(dir, `page-${seed}.yaml`);
    writeFileSync(file, yaml);
    expect(checkKnowledge(file, dir).problems).toEqual([]);
    // Every answer survives the round trip through YAML exactly.
    expect(loaded.entries.map((e) => e.answer)).toEqual(draft.entries.map((e) => e.answer.trim()));
    // Re-importing the same page into its own output changes nothing.
    const again = mergeDraft(draft, importPage(text, { baseUrl: new URL('https://example.org/wiki/faq.html') }).draft);
    expect([again.report.added, again.report.changed, again.report.removed]).toEqual([[], [], []]);
  });
});

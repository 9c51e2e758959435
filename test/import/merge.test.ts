import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DraftFile } from '../../src/import/draft.js';
import { readExisting } from '../../src/import/existing.js';
import { mergeDraft } from '../../src/import/merge.js';
import { importPage } from '../../src/import/page.js';
import { draftToYaml } from '../../src/import/write-yaml.js';
import { checkText } from '../../src/knowledge/load.js';

const root = join(import.meta.dirname, '../..');
const seed = readFileSync(join(root, 'test/fixtures/import/almalinux-faq.md'), 'utf8');
const base = new URL('https://wiki.almalinux.org/FAQ.html');

/** The imported page after a maintainer's care: own ids, alternates, keywords, related. */
function curated(): DraftFile {
  const { draft } = importPage(seed, { baseUrl: base });
  const rename: Record<string, string> = {
    'almalinux-os-fips-140-compliant': 'fips',
    'long-almalinux-supported': 'support-lifecycle',
    'migrate-centos-7-almalinux-8': 'elevate',
    'almalinux-codename-include-cats': 'codenames',
    'name-almalinux-come': 'name-origin',
  };
  for (const entry of draft.entries) entry.id = rename[entry.id] ?? entry.id;
  const get = (id: string) => draft.entries.find((e) => e.id === id)!;
  Object.assign(get('fips'), { alternates: ['is alma fips certified'], keywords: ['fips'], pinned: true });
  Object.assign(get('support-lifecycle'), {
    alternates: ['when is alma 8 eol'],
    keywords: ['eol'],
    tags: ['support'],
    related: ['elevate'],
  });
  Object.assign(get('elevate'), {
    alternates: ['leapp upgrade 8 to 9'],
    keywords: ['elevate', 'leapp'],
    related: ['support-lifecycle', 'codenames'],
  });
  Object.assign(get('name-origin'), {
    alternates: ['what does alma mean'],
    links: [{ title: 'Blog', url: 'https://almalinux.org/blog/' }],
  });
  return draft;
}

/** The page, a few months later. */
const changedPage = seed
  // An answer changed.
  .replace('AlmaLinux OS 9.2 is FIPS-140 compliant.', 'AlmaLinux OS 9.2 and 9.4 are FIPS-140 compliant.')
  // A heading reworded, same answer.
  .replace('### Where did the name "AlmaLinux" come from?', '### Why is it called AlmaLinux?')
  // A question removed.
  .replace(/### Why does the AlmaLinux codename include cats\?[\s\S]*?(?=#### Trademark notices)/, '')
  // A question added.
  .replace(
    '### How long will AlmaLinux be supported?',
    '### Is there a Discord server?\n\nYes: [chat.almalinux.org](https://chat.almalinux.org).\n\n### How long will AlmaLinux be supported?',
  );

describe('re-importing a changed page into a curated knowledge file', () => {
  const { draft, report } = mergeDraft(curated(), importPage(changedPage, { baseUrl: base }).draft);
  const get = (id: string) => draft.entries.find((e) => e.id === id);

  it('reports what was added, changed and removed', () => {
    expect(report.added).toEqual([{ id: 'discord-server', question: 'Is there a Discord server?' }]);
    expect(report.changed).toEqual([
      { id: 'fips', question: 'Is AlmaLinux OS FIPS-140 compliant??', fields: ['answer'] },
      {
        id: 'name-origin',
        question: 'Why is it called AlmaLinux?',
        fields: ['question'],
        was: 'Where did the name "AlmaLinux" come from?',
      },
    ]);
    expect(report.removed).toEqual([{ id: 'codenames', question: 'Why does the AlmaLinux codename include cats?' }]);
    expect(report.unchanged).toBe(15);
  });

  it('keeps ids and everything maintainers added, and takes the new text from the page', () => {
    expect(get('fips')).toMatchObject({ alternates: ['is alma fips certified'], keywords: ['fips'], pinned: true });
    expect(get('fips')?.answer).toMatch(/^AlmaLinux OS 9\.2 and 9\.4 are FIPS-140 compliant/);
    expect(get('support-lifecycle')).toMatchObject({ alternates: ['when is alma 8 eol'], tags: ['support'], related: ['elevate'] });
    expect(get('name-origin')).toMatchObject({
      question: 'Why is it called AlmaLinux?',
      alternates: ['what does alma mean'],
      links: [{ title: 'Blog', url: 'https://almalinux.org/blog/' }],
    });
    expect(get('codenames')).toBeUndefined();
  });

  it('drops related ids of removed entries, so the file still loads', () => {
    expect(get('elevate')?.related).toEqual(['support-lifecycle']);
    expect(report.droppedRelated).toEqual([{ id: 'elevate', related: 'codenames' }]);
    expect(checkText(draftToYaml(draft), 'k.yaml').problems).toEqual([]);
  });

  it('orders entries as the page does', () => {
    const ids = draft.entries.map((e) => e.id);
    expect(ids.indexOf('discord-server')).toBe(ids.indexOf('support-lifecycle') - 1);
  });
});

describe('re-import edge cases', () => {
  it('drops an alternate that a new heading now asks, since one phrasing can only lead to one entry', () => {
    const existing: DraftFile = {
      entries: [
        {
          id: 'help',
          question: 'How do I get help?',
          answer: 'Ask in the chat, someone will answer you soon enough there.',
          alternates: ['is there a forum?'],
          keywords: [],
          links: [],
          related: [],
          tags: [],
          pinned: false,
        },
      ],
    };
    const page = importPage(
      '## How do I get help?\n\nAsk in the chat, someone will answer you soon enough there.\n\n## Is there a forum?\n\nYes.\n',
    );
    const { draft, report } = mergeDraft(existing, page.draft);
    expect(draft.entries.map((e) => e.id)).toEqual(['help', 'forum']);
    expect(report.droppedAlternates).toEqual([{ id: 'help', alternate: 'is there a forum?' }]);
  });

  it('gives an added entry a fresh id when its slug is already used by a kept entry', () => {
    const existing: DraftFile = {
      entries: [
        {
          id: 'why',
          question: 'Why use it at all?',
          answer: 'Because it is quick and friendly and nobody else does this.',
          alternates: [],
          keywords: [],
          links: [],
          related: [],
          tags: [],
          pinned: false,
        },
      ],
    };
    const page = importPage(
      '## Why use it at all?\n\nBecause it is quick and friendly and nobody else does this.\n\n## Why?\n\nBecause.\n',
    );
    const { draft } = mergeDraft(existing, page.draft);
    expect(draft.entries.map((e) => e.id)).toEqual(['why', 'why-2']);
  });

  it('keeps the comment lines at the top of the existing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-import-'));
    const file = join(dir, 'faq.yaml');
    writeFileSync(
      file,
      '# yaml-language-server: $schema=https://example.org/s.json\n# Maintained by the docs team.\ntitle: T\nentries:\n  - id: a\n    question: What is it?\n    answer: A thing.\n',
    );
    const existing = readExisting(file, 'faq.yaml');
    expect(existing.hasModeline).toBe(true);
    const yaml = draftToYaml(existing.draft, { comment: existing.comment });
    expect(yaml.startsWith('# yaml-language-server: $schema=https://example.org/s.json\n# Maintained by the docs team.\ntitle: T\n')).toBe(
      true,
    );
  });

  it("adds the page's cross-links to related in the ids the file uses, beside the maintainer's own", () => {
    const entry = (id: string, question: string, answer: string, related: string[] = []) => ({
      id,
      question,
      answer,
      alternates: [],
      keywords: [],
      links: [],
      related,
      tags: [],
      pinned: false,
    });
    const existing: DraftFile = {
      entries: [
        entry('missing', 'Some media is missing!', 'Rescan the library.'),
        entry('stuck', 'My request is stuck!', 'Wait a little.', ['missing']),
        entry('logs', 'Where are the logs?', 'In /data.'),
      ],
    };
    const page = importPage(
      '## Some media is missing!\n\nRescan the library.\n\n## My request is stuck!\n\nSee [the logs](#where-are-the-logs).\n\n## Where are the logs?\n\nIn /data.\n\n## Can I share the logs?\n\nYes, after [this](#some-media-is-missing).\n',
    );
    const { draft } = mergeDraft(existing, page.draft);
    expect(Object.fromEntries(draft.entries.map((e) => [e.id, e.related]))).toEqual({
      missing: [],
      stuck: ['missing', 'logs'],
      logs: [],
      'share-logs': ['missing'],
    });
  });

  it("keeps the file's synonyms on re-import, written one group a line", () => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-import-'));
    const file = join(dir, 'faq.yaml');
    writeFileSync(
      file,
      'title: T\nsynonyms:\n  - [pfp, avatar]\nentries:\n  - id: a\n    question: How do I set my avatar?\n    answer: In the profile page.\n',
    );
    const existing = readExisting(file, 'faq.yaml');
    const { draft } = mergeDraft(existing.draft, importPage('## How do I set my avatar?\n\nIn the profile page.\n').draft);
    const yaml = draftToYaml(draft);
    expect(yaml).toContain('synonyms:\n  - [pfp, avatar]\nentries:');
    expect(checkText(yaml, 'faq.yaml').meta.synonyms).toEqual([['pfp', 'avatar']]);
  });

  it('refuses to merge into a file with errors, listing them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-import-'));
    const file = join(dir, 'faq.yaml');
    writeFileSync(file, 'entries:\n  - id: Bad Id\n    question: Q\n    answer: A\n');
    expect(() => readExisting(file, 'faq.yaml')).toThrow(/cannot re-import into a knowledge file with errors/);
  });

  it('re-importing the wiki page into the bundled knowledge base keeps every entry', () => {
    const existing = readExisting(join(root, 'knowledge/almalinux.yaml'), 'almalinux.yaml');
    const { draft, report } = mergeDraft(existing.draft, importPage(seed, { baseUrl: base }).draft);
    expect(report.added).toEqual([]);
    expect(report.removed).toEqual([]);
    expect(draft.entries.map((e) => e.id)).toEqual(existing.draft.entries.map((e) => e.id));
  });
});

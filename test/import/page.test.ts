import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionText } from '../../src/import/sections.js';
import { importPage } from '../../src/import/page.js';
import { absoluteUrl } from '../../src/import/links.js';
import { slugify, uniqueId } from '../../src/import/ids.js';
import { draftToYaml } from '../../src/import/write-yaml.js';
import { checkText } from '../../src/knowledge/load.js';

const fixtures = join(import.meta.dirname, '../fixtures/import');
const base = new URL('https://wiki.almalinux.org/FAQ.html');

describe('importing the AlmaLinux wiki FAQ page', () => {
  const page = importPage(readFileSync(join(fixtures, 'almalinux-faq.md'), 'utf8'), { baseUrl: base });
  const byQuestion = (q: string) => page.draft.entries.find((e) => e.question === q);

  it('gives exactly the committed knowledge file', () => {
    const yaml = draftToYaml(page.draft, { schemaRef: '../../../schema/knowledge.schema.json' });
    expect(yaml).toBe(readFileSync(join(fixtures, 'almalinux-faq.expected.yaml'), 'utf8'));
  });

  it('makes one entry per question, and the result loads without problems', () => {
    expect(page.draft.entries).toHaveLength(18);
    const yaml = draftToYaml(page.draft);
    expect(checkText(yaml, 'out.yaml').problems).toEqual([]);
    expect(page.skipped).toEqual([]);
  });

  it('answers "How to Report Bugs" with its Bug Tracker sub-section, and keeps the RHEL question separate', () => {
    expect(byQuestion('How to Report Bugs')?.answer).toMatch(/^To make AlmaLinux successful.*bugs\.almalinux\.org/s);
    expect(byQuestion('I found a bug in RHEL; can I contribute the bug fix to AlmaLinux?')?.answer).toMatch(/upstream first/);
    expect(page.draft.entries.map((e) => e.question)).not.toContain('Bug Tracker');
  });

  it('turns the trademark notices into the footer, not into the cats answer', () => {
    expect(page.draft.footer).toMatch(/^Red Hat, Red Hat Enterprise Linux are trademarks.*Linus Torvalds/s);
    expect(byQuestion('Why does the AlmaLinux codename include cats?')?.answer).not.toMatch(/trademark/i);
  });

  it('keeps tables, lists and the :::tip admonition as Markdown', () => {
    expect(byQuestion('How long will AlmaLinux be supported?')?.answer).toContain('| AlmaLinux 9.x | 2032        |');
    const built = byQuestion('Where does AlmaLinux get package sources? How AlmaLinux is built?')?.answer ?? '';
    expect(built).toContain('* Release!');
    // The VitePress container is not Markdown a chat platform knows: it becomes a plain quote.
    expect(built).toContain('  > **Tip:** Note: Most RPMs');
    expect(built).not.toContain(':::');
  });

  it('makes relative links absolute, .md pages as .html and README.md as its folder', () => {
    const security = byQuestion('Is AlmaLinux secure?')?.answer ?? '';
    expect(security).toContain('(https://wiki.almalinux.org/documentation/errata.html)');
    expect(security).toContain('(https://www.cisecurity.org/benchmark/almalinuxos_linux)');
    const elevate = byQuestion('How do I migrate from CentOS 7 to AlmaLinux 8?')?.answer ?? '';
    expect(elevate).toContain('(https://wiki.almalinux.org/elevate/)');
    expect(byQuestion('I found a bug in RHEL; can I contribute the bug fix to AlmaLinux?')?.answer).toContain(
      '(https://wiki.almalinux.org/contribute.html#help-with-reporting-bugs-and-making-fixes)',
    );
  });

  it('takes the title from the front matter and the source from the base URL', () => {
    expect(page.draft.title).toBe('FAQ');
    expect(page.draft.source).toBe('https://wiki.almalinux.org/FAQ.html');
  });
});

describe('importing other page shapes', () => {
  it('takes the first h1 as the title and reports an introduction that is not an answer', () => {
    const page = importPage('# Widget FAQ\n\nWelcome!\n\n## How do I install it?\n\nRun `npm i widget`.\n');
    expect(page.draft.title).toBe('Widget FAQ');
    expect(page.draft.entries.map((e) => [e.id, e.answer])).toEqual([['install', 'Run `npm i widget`.']]);
    expect(page.skipped).toEqual([{ heading: 'Widget FAQ', reason: expect.stringContaining('page title') }]);
  });

  it('with questionsOnly, leaves out headings that only group questions, and reports statement headings with content', () => {
    const page = importPage('## Installation\n\n### Can I use Docker?\n\nYes.\n\n## Changelog\n\nSee the releases.\n', {
      questionsOnly: true,
    });
    expect(page.draft.entries.map((e) => e.question)).toEqual(['Can I use Docker?']);
    expect(page.skipped.map((s) => s.heading)).toEqual(['Changelog']);
  });

  it('imports statement headings too with allHeadings', () => {
    const page = importPage('## Changelog\n\nSee the releases.\n', { allHeadings: true });
    expect(page.draft.entries.map((e) => e.id)).toEqual(['changelog']);
  });

  it('labels several non-question sub-sections in bold inside the answer', () => {
    const page = importPage('## How do I get help?\n\nAsk us.\n\n### Chat\n\nJoin the chat.\n\n### Mail\n\nWrite to the list.\n');
    expect(page.draft.entries[0]?.answer).toBe('Ask us.\n\n**Chat**\n\nJoin the chat.\n\n**Mail**\n\nWrite to the list.');
  });

  it('tells apart a question asked under two headings, so the file still loads', () => {
    const page = importPage(
      '## Linux\n\n### How do I install it?\n\nUse dnf.\n\n## Windows\n\n### How do I install it?\n\nUse the installer.\n',
    );
    expect(page.draft.entries.map((e) => [e.id, e.question])).toEqual([
      ['install-linux', 'How do I install it? (Linux)'],
      ['install-windows', 'How do I install it? (Windows)'],
    ]);
  });

  it('gives repeated questions distinct ids', () => {
    const page = importPage('## Why?\n\nA.\n\n## Why?\n\nB.\n');
    expect(page.draft.entries.map((e) => e.id)).toEqual(['why', 'why-2']);
  });

  it('reports relative links when there is no base URL', () => {
    const page = importPage('## Where are the docs?\n\nSee [docs](/docs/index.md) and [home](https://example.org).\n');
    expect(page.unresolvedLinks).toEqual(['/docs/index.md']);
  });

  it('takes bold lines that ask something as questions, below the heading they sit under', () => {
    const page = importPage('## Installing\n\n**Can I use Docker?**\n\nYes, see the image.\n\n**What about Podman?**\n\nThat works too.\n');
    expect(page.draft.entries.map((e) => [e.question, e.answer])).toEqual([
      ['Can I use Docker?', 'Yes, see the image.'],
      ['What about Podman?', 'That works too.'],
    ]);
  });

  it('leaves custom heading anchors out of the question', () => {
    const page = importPage('## How do I install it? {#install}\n\nRun the installer.\n');
    expect(page.draft.entries[0]).toMatchObject({ id: 'install', question: 'How do I install it?' });
  });

  it('leaves HTML comments out of answers, and a heading with only a comment answers nothing', () => {
    const page = importPage('## Is it free?\n\n<!-- TODO: pricing -->\n\nYes.\n\n## Can I pay?\n\n<!-- later -->\n');
    expect(page.draft.entries.map((e) => [e.question, e.answer])).toEqual([['Is it free?', 'Yes.']]);
  });

  it('finds nothing in a page without questions', () => {
    expect(importPage('# Notes\n\nJust text.\n').draft.entries).toEqual([]);
  });
});

describe('absoluteUrl', () => {
  const state = { unresolved: [] as string[] };
  it.each([
    ['/documentation/errata.md', 'https://wiki.almalinux.org/documentation/errata.html'],
    ['/documentation/errata.md#oval', 'https://wiki.almalinux.org/documentation/errata.html#oval'],
    ['release-notes/9.3.md', 'https://wiki.almalinux.org/release-notes/9.3.html'],
    ['/elevate/README.md', 'https://wiki.almalinux.org/elevate/'],
    ['/contribute.html#help', 'https://wiki.almalinux.org/contribute.html#help'],
    ['#what-is-almalinux', 'https://wiki.almalinux.org/FAQ.html#what-is-almalinux'],
    ['https://github.com/AlmaLinux/wiki/blob/main/README.md', 'https://github.com/AlmaLinux/wiki/blob/main/README.md'],
    ['mailto:security@almalinux.org', 'mailto:security@almalinux.org'],
    ['//cdn.example.org/x.md', 'https://cdn.example.org/x.md'],
  ])('%s → %s', (url, expected) => {
    expect(absoluteUrl(url, base, state)).toBe(expected);
  });
});

describe('ids', () => {
  it.each([
    ['What is AlmaLinux?', 'what-is-almalinux'],
    ['Where did the name "AlmaLinux" come from?', 'where-did-the-name-almalinux-come-from'],
    ["What's new in 9.3?", 'whats-new-in-9-3'],
    ['Ça marche sous Linux ?', 'ca-marche-sous-linux'],
    ['???', 'question'],
    ['How do I migrate an entire fleet of servers from CentOS to AlmaLinux?', 'how-do-i-migrate-an-entire-fleet-of-servers-from-centos-to'],
  ])('%s → %s', (text, id) => {
    expect(slugify(text)).toBe(id);
    expect(slugify(text).length).toBeLessThanOrEqual(60);
  });

  it('never hands out the same id twice', () => {
    const taken = new Set(['faq']);
    expect([uniqueId('FAQ', taken), uniqueId('FAQ', taken)]).toEqual(['faq-2', 'faq-3']);
  });
});

describe('a heading as the question members ask', () => {
  it.each([
    ['3. How do I reset it?', 'How do I reset it?'],
    ['1.2 What is a sprocket?', 'What is a sprocket?'],
    ['4) Can I pay by card?', 'Can I pay by card?'],
    ['Q: Is it free?', 'Is it free?'],
    ['Q3. Is it free?', 'Is it free?'],
    ['Question: Is it free?', 'Is it free?'],
    [':question: Can I use it offline?', 'Can I use it offline?'],
    ['❓ Can I use it offline?', 'Can I use it offline?'],
    ['Why does it beep? 🤔', 'Why does it beep?'],
    // Numbers and letters that are the question's own words stay.
    ['3 ways to speed it up', '3 ways to speed it up'],
    ['2FA keeps failing', '2FA keeps failing'],
    ['Qt apps look blurry', 'Qt apps look blurry'],
    ['Q&A etiquette', 'Q&A etiquette'],
  ])('%s → %s', (heading, question) => {
    expect(questionText(heading)).toBe(question);
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_ID_LENGTH, shortId, uniqueId } from '../../src/import/ids.js';
import { absoluteUrl, inferLinkStyle, inferSiteRoot, linkRewrite, type LinkStyle } from '../../src/import/links.js';
import { questionFromHeading, isNavigation } from '../../src/import/statements.js';
import { formatNotes } from '../../src/import/report.js';
import { importPage } from '../../src/import/page.js';

describe('link styles', () => {
  const base = new URL('https://docs.example.org/faq/');
  const resolve = (url: string, style: LinkStyle, repo?: string) =>
    absoluteUrl(url, base, linkRewrite(), { style, ...(repo ? { repoUrl: new URL(repo) } : {}) });

  it.each([
    ['install.md', 'directory', 'https://docs.example.org/install/'],
    ['install.md', 'html', 'https://docs.example.org/faq/install.html'],
    ['install.md', 'clean', 'https://docs.example.org/faq/install'],
    ['install.md', 'as-is', 'https://docs.example.org/faq/install.md'],
    ['sub/page.md#part', 'directory', 'https://docs.example.org/sub/page/#part'],
    ['guide/index.md', 'directory', 'https://docs.example.org/guide/'],
    ['/abs/page.md', 'directory', 'https://docs.example.org/abs/page/'],
    ['#here', 'directory', 'https://docs.example.org/faq/#here'],
  ] as const)('%s in %s style → %s', (url, style, expected) => {
    expect(resolve(url, style)).toBe(expected);
  });

  it('reads a link written as an address against the page, and a link to a source against its folder', () => {
    // /docs/v2/faq/ is built from /docs/v2/faq.md: a source link climbs from /docs/v2/, an address from the page.
    const deep = new URL('https://docs.example.org/docs/v2/faq/');
    const at = (url: string) => absoluteUrl(url, deep, linkRewrite(), { style: 'directory' });
    expect(at('../sizing/')).toBe('https://docs.example.org/docs/v2/sizing/');
    expect(at('../sizing.md')).toBe('https://docs.example.org/docs/sizing/');
    expect(at('img/map.png')).toBe('https://docs.example.org/docs/v2/img/map.png');
    expect(at('details/')).toBe('https://docs.example.org/docs/v2/faq/details/');
  });

  it('sends a link that leaves the site to the repository, or reports it', () => {
    expect(resolve('../config/x.toml', 'directory', 'https://github.com/org/repo/blob/main/docs/')).toBe(
      'https://github.com/org/repo/blob/main/config/x.toml',
    );
    const state = linkRewrite();
    absoluteUrl('../config/x.toml', base, state, { style: 'directory' });
    expect(state.outside).toEqual(['../config/x.toml']);
  });

  it('reads a link from / against the docs version the page is in, or against --site-root', () => {
    const versioned = new URL('https://tool.readthedocs.io/en/stable/faq.html');
    const at = (url: string, siteRoot?: string) =>
      absoluteUrl(url, versioned, linkRewrite(), siteRoot ? { siteRoot: new URL(siteRoot) } : {});
    expect(at('/integrations/index.md')).toBe('https://tool.readthedocs.io/en/stable/integrations/');
    expect(at('/guide/setup.md#proxy')).toBe('https://tool.readthedocs.io/en/stable/guide/setup.html#proxy');
    expect(at('/guide/setup.md', 'https://tool.example.org/docs/')).toBe('https://tool.example.org/docs/guide/setup.html');
    // Not a root: protocol-relative links name another host.
    expect(at('//cdn.example.org/x.png')).toBe('https://cdn.example.org/x.png');
  });

  it.each([
    ['https://tool.readthedocs.io/en/latest/faq/', 'https://tool.readthedocs.io/en/latest/'],
    ['https://docs.example.org/de/v2.1/faq.html', 'https://docs.example.org/de/v2.1/'],
    ['https://docs.example.org/pt-br/stable/faq/', 'https://docs.example.org/pt-br/stable/'],
    ['https://docs.example.org/faq/', 'https://docs.example.org/'],
    ['https://docs.example.org/en/faq/', 'https://docs.example.org/'],
    // A translated page: its links from / stay in its language.
    ['https://docs.example.org/es/faq', 'https://docs.example.org/es/'],
    ['https://docs.example.org/pt-br/docs/faq', 'https://docs.example.org/pt-br/'],
    ['https://example.org/go/faq', 'https://example.org/'],
  ])('takes the site root of %s to be %s', (base, root) => {
    expect(inferSiteRoot(new URL(base)).href).toBe(root);
  });

  it('says in the report which root the links from / were read against', () => {
    const page = importPage('## How do I start?\n\nRead [the guide](/guide/start.md).\n', {
      baseUrl: new URL('https://tool.readthedocs.io/en/stable/faq.html'),
    });
    expect(page.draft.entries[0]!.answer).toBe('Read [the guide](https://tool.readthedocs.io/en/stable/guide/start.html).');
    expect(formatNotes(page).join('\n')).toContain(
      'links starting with / are read against https://tool.readthedocs.io/en/stable/, the docs version or language in --base-url; pass --site-root to change it',
    );
  });

  it('infers the style from the base URL', () => {
    expect(inferLinkStyle(new URL('https://x.org/faq/'))).toBe('directory');
    expect(inferLinkStyle(new URL('https://x.org/FAQ.html'))).toBe('html');
    expect(inferLinkStyle(new URL('https://x.org/docs/faq'))).toBe('clean');
  });
});

describe('short ids', () => {
  it.each([
    ['How do I reset my password?', 'reset-password'],
    ['What is AlmaLinux?', 'almalinux'],
    ['Why?', 'why'],
    ['Why Zephyr™?', 'zephyr'],
    ['How do I keep the relay up-to-date?', 'keep-relay-up-to-date'],
    ['Is it state-of-the-art?', 'state-of-the-art'],
    ['I reinstalled the desktop client but notifications stopped arriving - what now?', 'reinstalled-desktop-client'],
    ['Can I self-host it?', 'self-host'],
    ['Can I use this in my app? Will it stay free and open for everyone who wants it forever?', 'use-app-stay-free-open-everyone-wants'],
  ])('%s → %s', (question, id) => {
    expect(shortId(question)).toBe(id);
    expect(shortId(question).length).toBeLessThanOrEqual(MAX_ID_LENGTH);
  });

  it('gives a question of stop words and a number a name, not just the number', () => {
    const taken = new Set<string>();
    expect([uniqueId('Why?', taken), uniqueId('Why? (2)', taken)]).toEqual(['why', 'why-2']);
  });
});

describe('statement headings', () => {
  it.each([
    ['Changing the game mode', 'How does changing the game mode work?'],
    ['Performance Points', 'What are Performance Points?'],
    ['Pricing', 'How does pricing work?'],
    ['Release cycle', 'What is release cycle?'],
    ['System requirements', 'What are system requirements?'],
    ['Available characters for hostnames', 'What are available characters for hostnames?'],
    ['Adjust the sizes', 'How do I adjust the sizes?'],
    ['Install on Windows', 'How do I install on Windows?'],
    ["SyntaxError: Unexpected token '?'", `What does "SyntaxError: Unexpected token '?'" mean?`],
    ['MQTT', 'What is MQTT?'],
    ['"Access denied"', 'What does "Access denied" mean?'],
    ['My driver turns off in the middle of a print', 'My driver turns off in the middle of a print'],
    // Verbs that are nouns too are no instruction outside a group of how-tos.
    ['Open source', 'What is open source?'],
    ['Download speed', 'What is download speed?'],
  ])('%s → %s', (heading, question) => {
    expect(questionFromHeading(heading)).toBe(question);
  });

  it('knows navigation headings', () => {
    expect(['Table of contents', 'See also', 'Related links:'].every(isNavigation)).toBe(true);
    expect(isNavigation('Seeing double')).toBe(false);
  });
});

describe('the decision report', () => {
  it('groups decisions by kind with counts, and shortens long lists', () => {
    const page = importPage(
      '## Setup\n\nIntro.\n\n### How do I start?\n\nSee [a](a.md), [b](b.md), [c](c.md), [d](d.md), [e](e.md), [f](f.md) and [g](g.md).\n',
      { baseUrl: new URL('https://x.org/faq/') },
    );
    const lines = formatNotes(page);
    expect(lines[0]).toBe('import: sections skipped: 1');
    expect(lines[1]).toBe('  "Setup": introduces the questions below it');
    expect(lines).toContain('import: links rewritten (link style directory): 7');
    expect(lines).toContain('  … and 2 more');
    expect(lines).toContain('  start ← "How do I start?"');
  });
});

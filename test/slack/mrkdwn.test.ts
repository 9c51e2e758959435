// Markdown answers as Slack mrkdwn, and the splitting that keeps sections within Slack's limit.
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, markdownToMrkdwn } from '../../adapters/slack/mrkdwn.js';
import { splitMrkdwn, truncate } from '../../adapters/slack/split.js';
import { renderReply } from '../../adapters/slack/blocks.js';
import type { Entry } from '../../src/domain.js';

describe('markdownToMrkdwn', () => {
  it.each([
    ['bold and italic', 'Use **dnf** or _yum_.', 'Use *dnf* or _yum_.'],
    ['strikethrough', 'not ~~this~~', 'not ~this~'],
    ['inline code', 'run `a < b`', 'run `a &lt; b`'],
    ['link', 'see [the guide](https://x.org/a?b=1&c=2)', 'see <https://x.org/a?b=1&amp;c=2|the guide>'],
    ['bare autolink', 'go to https://x.org now', 'go to <https://x.org|https://x.org> now'],
    ['unsafe link keeps only its label', '[click](javascript:alert(1))', 'click'],
    ['link label cannot close the link', '[a|b>c](https://x.org)', '<https://x.org|a¦b&gt;c>'],
    ['heading', '## Install', '*Install*'],
    ['bullet list', '- one\n- two', '• one\n• two'],
    ['ordered list from 3', '3. three\n4. four', '3. three\n4. four'],
    ['nested list', '- a\n  - b', '• a\n    • b'],
    ['task list', '- [x] done\n- [ ] todo', '☑ done\n☐ todo'],
    ['code block', '```sh\necho <hi> && ls\n```', '```\necho &lt;hi&gt; &amp;&amp; ls\n```'],
    ['blockquote', '> quoted', '> quoted'],
    ['channel ping in text', 'tell <!channel> and @here', 'tell &lt;!channel&gt; and @here'],
    ['user mention syntax in text', 'ask <@U123>', 'ask &lt;@U123&gt;'],
    ['raw html is shown, not run', '<b>x</b>', '&lt;b&gt;x&lt;/b&gt;'],
    ['directive', ':::tip\nBack up first.\n:::', '> *Tip:* Back up first.'],
  ])('%s', (_name, markdown, expected) => {
    expect(markdownToMrkdwn(markdown)).toBe(expected);
  });

  it('renders a table as aligned preformatted text', () => {
    expect(markdownToMrkdwn('| a | bb |\n|---|---|\n| ccc | d |')).toBe('```\na   | bb\n----+---\nccc | d\n```');
  });

  it('gives plain, escaped text for notifications', () => {
    const entry: Entry = {
      id: 'hi',
      question: 'Q',
      answer: '**Hi** <!here> [x](https://x.org)',
      alternates: [],
      keywords: [],
      links: [],
      related: [],
      tags: [],
      pinned: false,
      meta: { file: 'f.yaml' },
      location: { file: 'f.yaml', line: 1, col: 1 },
    };
    const msg = renderReply(
      { kind: 'answer', askId: 'a', visibility: 'private', mention: [], entry, related: [], score: 1 },
      { via: 'command' },
    );
    expect(msg.text).toBe('Q — Hi &lt;!here&gt; x');
  });

  it('escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('a & b < c > d *e*')).toBe('a &amp; b &lt; c &gt; d *e*');
  });
});

describe('splitMrkdwn', () => {
  it('keeps short parts together and every section within the limit', () => {
    expect(splitMrkdwn(['a', 'b'], 10)).toEqual(['a\n\nb']);
    const parts = Array.from({ length: 30 }, (_, i) => `paragraph ${i} `.repeat(20).trim());
    const sections = splitMrkdwn(parts);
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) expect(s.length).toBeLessThanOrEqual(3000);
    expect(sections.join('\n\n')).toBe(parts.join('\n\n'));
  });

  it('re-opens a code fence in every piece of a long code block', () => {
    const code = `\`\`\`\n${Array.from({ length: 400 }, (_, i) => `line ${i} of the script`).join('\n')}\n\`\`\``;
    const sections = splitMrkdwn([code]);
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) {
      expect(s.length).toBeLessThanOrEqual(3000);
      expect(s.startsWith('```\n') && s.endsWith('\n```')).toBe(true);
    }
  });

  it('never cuts inside an entity or a link when a line has to be cut', () => {
    const entity = `${'x'.repeat(2997)}&amp;y`;
    expect(splitMrkdwn([entity])).toEqual(['x'.repeat(2997), '&amp;y']);
    const linked = `${'x'.repeat(2990)}<https://x.org|y>`;
    expect(splitMrkdwn([linked])).toEqual(['x'.repeat(2990), '<https://x.org|y>']);
  });

  it('truncates at a word with an ellipsis', () => {
    expect(truncate('hello wonderful world', 18)).toBe('hello wonderful…');
    expect(truncate('short', 12)).toBe('short');
  });
});

describe('answer messages', () => {
  const entry = (answer: string): Entry => ({
    id: 'big',
    question: 'Q',
    answer,
    alternates: [],
    keywords: [],
    links: [],
    related: [],
    tags: [],
    pinned: false,
    meta: { file: 'f.yaml', source: 'https://x.org/faq' },
    location: { file: 'f.yaml', line: 1, col: 1 },
  });

  it('stays within 50 blocks however long the answer, and says it was cut', () => {
    const huge = Array.from({ length: 80 }, (_, i) => `Paragraph ${i}: ${'words '.repeat(300)}`).join('\n\n');
    const msg = renderReply(
      { kind: 'answer', askId: 'a', visibility: 'private', mention: [], entry: entry(huge), related: [], score: 1 },
      { via: 'command' },
    );
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    const texts = msg.blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(3000);
    expect(texts.at(-1)).toContain('too long to show in full');
    expect(msg.text.length).toBeLessThan(3000);
  });
});

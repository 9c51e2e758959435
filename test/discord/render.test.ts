// The Markdown conversion and Discord's limits, table-driven where cases are many.
import { describe, expect, test } from 'vitest';
import { decodeCustomId, decodeDismissArg, dismissCustomId, entryCustomId, resolveEntryRef } from '../../adapters/discord/custom-id.js';
import { packBlocks, truncateText } from '../../adapters/discord/fit.js';
import { markdownToDiscord } from '../../adapters/discord/markdown.js';
import { answerEmbeds } from '../../adapters/discord/render.js';
import type { Entry, KnowledgeBase } from '../../src/domain.js';

describe('markdownToDiscord', () => {
  test.each([
    ['strong, emphasis, strike, code', '**a** *b* ~~c~~ `d`', '**a** *b* ~~c~~ `d`'],
    ['a link keeps its target', 'see [docs](https://x.org/a_(b))', 'see [docs](https://x.org/a_%28b%29)'],
    ['a bare URL stays clickable', 'https://x.org/page', '<https://x.org/page>'],
    ['a relative link keeps only its text', '[local](./file.md)', 'local'],
    ['headings become bold lines', '## Setup', '**Setup**'],
    ['nested lists are indented', '- a\n  - b\n- c', '- a\n  - b\n- c'],
    ['a quote in a list item starts at the margin', '- item\n\n  :::tip\n  Note.\n  :::\n- next', '- item\n> **💡 Tip**\n> Note.\n- next'],
    ['a code block in a list item keeps its code unchanged', '1. run:\n\n   ```\n   make\n   ```', '1. run:\n```\nmake\n```'],
    ['a second paragraph in a list item is indented', '- a\n\n  b', '- a\n  b'],
    ['ordered lists keep their start', '3. x\n4. y', '3. x\n4. y'],
    ['task lists show their state', '- [x] done\n- [ ] todo', '- ☑ done\n- ☐ todo'],
    ['literal asterisks are escaped', 'a \\* b', 'a \\* b'],
    ['admonitions become quotes with a title', ':::warning\nCareful.\n:::', '> **⚠️ Warning**\n> Careful.'],
    ['an admonition label replaces the title', ':::note[Heads up]\nText\n:::', '> **Heads up**\n> Text'],
    ['nested quotes are flattened', '> a\n>\n> > b', '> a\n> \n> b'],
    ['html comments vanish', 'a\n\n<!-- hidden -->\n\nb', 'a\n\nb'],
    ['@everyone is defused', 'ping @everyone and @here', 'ping @\u200beveryone and @\u200bhere'],
    ['role and user mention syntax is defused', '<@&123> <@!456>', '<@&\u200b123> <@!\u200b456>'],
  ])('%s', (_name, input, expected) => {
    expect(markdownToDiscord(input)).toBe(expected);
  });

  test('a narrow table becomes an aligned code block honouring column alignment', () => {
    expect(markdownToDiscord('| a | bb |\n|---|---:|\n| ccc | d |')).toBe('```\na   | bb\n----|---\nccc |  d\n```');
  });

  test('a wide table becomes a list of rows', () => {
    const wide = `| Name | Description |\n|---|---|\n| x | ${'long text '.repeat(8)} |`;
    expect(markdownToDiscord(wide)).toMatch(/^- \*\*Name\*\*: x · \*\*Description\*\*: long text/);
  });
});

describe('limits', () => {
  test('packBlocks keeps every chunk within the limit and code fences balanced', () => {
    const code = '```js\n' + Array.from({ length: 200 }, (_, i) => `line(${i});`).join('\n') + '\n```';
    const chunks = packBlocks(['intro', code, 'outro'], 500);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(500);
      expect((c.match(/```/g) ?? []).length % 2).toBe(0);
    }
    expect(chunks.join('\n')).toContain('line(199);');
  });

  test('truncateText cuts at a boundary and marks the cut', () => {
    const t = truncateText('word '.repeat(100), 50);
    expect(t.length).toBeLessThanOrEqual(50);
    expect(t.endsWith('word…')).toBe(true);
  });
});

describe('custom ids', () => {
  const longId = `very-${'long-'.repeat(30)}id`;
  const entry = { id: longId } as Entry;
  const kb = { entries: [entry], byId: new Map([[longId, entry]]) } as unknown as KnowledgeBase;

  test('stay within 100 characters and still find a long entry id', () => {
    const id = entryCustomId('p', '3742ddca-ff88-4da6-86f0-664a983ce7bd', longId);
    expect(id.length).toBeLessThanOrEqual(100);
    const decoded = decodeCustomId(id)!;
    expect(decoded.action).toBe('p');
    expect(resolveEntryRef(kb, decoded.arg)?.id).toBe(longId);
  });

  test('Dismiss carries the asker, the target and the entry within 100 characters, for the largest snowflakes', () => {
    const asker = '18446744073709551615';
    const target = '18446744073709551614';
    for (const who of [{ askerId: asker, targetId: target }, { askerId: asker }]) {
      const id = dismissCustomId('3742ddca-ff88-4da6-86f0-664a983ce7bd', who, longId);
      expect(id.length).toBeLessThanOrEqual(100);
      const decoded = decodeCustomId(id)!;
      expect(decoded).toMatchObject({ action: 'd', key: '3742ddca-ff88-4da6-86f0-664a983ce7bd' });
      const arg = decodeDismissArg(decoded.arg)!;
      expect(arg.dismissers).toEqual(who);
      expect(resolveEntryRef(kb, arg.entryRef)?.id).toBe(longId);
    }
    expect(decodeDismissArg('no-dots')).toBeUndefined();
    expect(decodeDismissArg('UPPER..x')).toBeUndefined();
  });

  test('foreign or malformed ids are not ours', () => {
    expect(decodeCustomId('other:p:1:2')).toBeUndefined();
    expect(decodeCustomId('faq:z:1:2')).toBeUndefined();
    expect(decodeCustomId('faq:p')).toBeUndefined();
  });
});

test('an answer embed with a 300-character question keeps the title within 256 characters', () => {
  const entry: Entry = {
    id: 'x',
    question: 'q'.repeat(300),
    answer: 'a',
    alternates: [],
    keywords: [],
    links: [],
    related: [],
    tags: [],
    pinned: false,
    meta: { file: 'f.yaml' },
    location: { file: 'f.yaml', line: 1, col: 1 },
  };
  expect(answerEmbeds(entry)[0]!.title!.length).toBeLessThanOrEqual(256);
});

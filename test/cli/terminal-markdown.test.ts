import { describe, expect, it } from 'vitest';
import { markdownToTerminal, wrap } from '../../cli/terminal-markdown.js';

describe('Markdown for a terminal', () => {
  it('leaves no Markdown syntax: headings, emphasis and links read as text (url)', () => {
    const out = markdownToTerminal(
      '## Install\n\nRun **dnf** and read [the guide](https://example.org/guide) or <https://example.org>.',
      80,
    );
    expect(out).toBe('Install\n=======\n\nRun dnf and read the guide (https://example.org/guide) or https://example.org.');
  });

  it('wraps at the width on word boundaries, never inside a word, and keeps a long URL whole', () => {
    const text =
      'The quick brown fox jumps over the lazy dog and keeps running through https://example.org/a/very/long/path/that/does/not/fit anyway.';
    const out = markdownToTerminal(text, 30);
    for (const line of out.split('\n')) {
      if (!line.includes('https://')) expect(line.length).toBeLessThanOrEqual(30);
    }
    const words = text.split(' ');
    expect(out.split(/\s+/)).toEqual(words);
    expect(out).toContain('\nhttps://example.org/a/very/long/path/that/does/not/fit\n');
  });

  it('lays out lists with their markers and a hanging indent', () => {
    const out = markdownToTerminal('1. Back up your system before anything else happens to it.\n2. Run the script.\n\n- one\n- two', 30);
    expect(out).toBe('1. Back up your system before\n   anything else happens to\n   it.\n2. Run the script.\n\n- one\n- two');
  });

  it('lines up a table that fits, and shows "Header: value" rows when it does not', () => {
    const md = '| Source | Supported |\n|---|---|\n| CentOS 7 | yes |\n| CentOS 8 Stream | no |';
    expect(markdownToTerminal(md, 80)).toBe(
      'Source           Supported\n---------------  ---------\nCentOS 7         yes\nCentOS 8 Stream  no',
    );
    expect(markdownToTerminal(md, 20)).toBe('Source: CentOS 7\nSupported: yes\n\nSource: CentOS 8\nStream\nSupported: no');
  });

  it('keeps code blocks as they are, indented', () => {
    expect(markdownToTerminal('```\nsudo dnf install -y a-very-long-package-name-here\n```', 20)).toBe(
      '    sudo dnf install -y a-very-long-package-name-here',
    );
  });

  it('wrap() keeps hard line breaks', () => {
    expect(wrap('a b\nc d', 80)).toBe('a b\nc d');
  });
});

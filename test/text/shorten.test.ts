// The one way text is cut to a limit, for titles, labels and lines on every platform.
import { describe, expect, it } from 'vitest';
import { shorten } from '../../src/text/shorten.js';
import { markdownToPlain } from '../../src/markdown/plain.js';

describe('shorten', () => {
  it.each([
    ['fits as it is', 'short', 12, {}, 'short'],
    ['cut at a word, with an ellipsis', 'hello wonderful world', 18, {}, 'hello wonderful…'],
    ['on one line by default', 'two\n  lines  of text', 40, {}, 'two lines of text'],
    ['mid-word when no space is near', 'supercalifragilistic word', 10, {}, 'supercali…'],
    ['at a line end when keeping lines', 'first line here\nsecond line that is long', 24, { keepLines: true }, 'first line here…'],
    ['keeps line breaks that fit', 'a\nb', 5, { keepLines: true }, 'a\nb'],
  ])('%s', (_why, text, max, options, expected) => {
    const out = shorten(text, max, options);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });

  it('never splits an emoji (a surrogate pair) and counts it as two', () => {
    const out = shorten(`${'a'.repeat(8)}😀😀😀`, 10);
    expect(out.length).toBeLessThanOrEqual(10);
    expect(out).toBe(`${'a'.repeat(8)}…`);
  });

  it('lets the caller move a cut out of syntax it must not break', () => {
    // e.g. Slack: never inside `&amp;`.
    const backToAmp = (text: string, cut: number) => (text.lastIndexOf('&', cut) > cut - 5 ? text.lastIndexOf('&', cut) : cut);
    expect(shorten('xxxxxxx&amp;yyyy', 11, { adjust: backToAmp })).toBe('xxxxxxx…');
  });

  it('stays within the limit for any text and limit', () => {
    const text = 'The quick brown fox jumps over the lazy dog; '.repeat(10);
    for (let max = 1; max < 120; max += 7) expect(shorten(text, max).length).toBeLessThanOrEqual(max);
  });
});

describe('markdownToPlain', () => {
  it.each([
    ['marks and link targets go', '**Hi** _there_, see [the guide](https://x.org)', 'Hi there, see the guide'],
    ['mention syntax stays text (renderers escape it)', 'ping <!here> and @everyone', 'ping <!here> and @everyone'],
    ['list items on lines of their own', '- one\n- two', 'one\ntwo'],
    ['code keeps its words', 'Run:\n\n```sh\ndnf update\n```', 'Run:\ndnf update'],
    ['an image by its alt text', '![the logo](logo.png)', 'the logo'],
    ['table rows on lines, cells joined', '| a | b |\n|---|---|\n| 1 | 2 |', 'a | b\n1 | 2'],
  ])('%s', (_why, markdown, expected) => {
    expect(markdownToPlain(markdown)).toBe(expected);
  });
});

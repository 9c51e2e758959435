import { describe, expect, it } from 'vitest';
import { cleanText, isContentless, terms } from '../../src/text/normalize.js';

describe('one normalisation for queries and knowledge', () => {
  it.each([
    ['<@U024BE7LH> where do i report bugs?', 'where do i report bugs'],
    ['<@!802736188291612712> is alma FIPS compliant', 'is alma fips compliant'],
    ['see <#C123|general> please', 'see please'],
    ['hey bot!!! supported??? 🙏🏽', 'hey bot supported'],
    ['Ça marche à 100%', 'ca marche a 100'],
    ["what's new", 'whats new'],
    ['@everyone read this', 'read this'],
    ['<:almalinux:1234> rocks :tada:', 'rocks'],
    // Invisible characters inside words (pasted from documents and web pages) vanish.
    ['mi\u00adgrate', 'migrate'],
    ['pass\u2060word reset', 'password reset'],
    ['\ufeffinstall\u200b packages', 'install packages'],
    ['up\u200dgrade\u180e now\u034f', 'upgrade now'],
  ])('cleans %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('drops stop words and stems, so inflections meet', () => {
    expect(terms('How do I migrate my servers?')).toEqual(terms('migrating servers'));
    expect(terms('supported architectures')).toEqual(['support', 'architectur']);
  });

  it('keeps a phrase that is only stop words rather than nothing', () => {
    expect(terms('what is it')).toEqual(['what', 'is', 'it']);
  });

  it.each(['🙏🙏', '?!?!', '<@U123> <#C1>', '   ', '@here'])('sees %j as contentless', (input) => {
    expect(isContentless(input)).toBe(true);
  });
});

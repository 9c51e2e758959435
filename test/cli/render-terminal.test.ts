// The terminal's rendering of replies: the same sentences members read on the platforms.
import { describe, expect, it } from 'vitest';
import { renderReply } from '../../cli/render-terminal.js';
import type { Entry } from '../../src/domain.js';
import { phrasesFor } from '../../src/language/phrases.js';

describe('renderReply', () => {
  it('says what the platforms say', () => {
    const entry = { id: 'x', question: 'How do I x?' } as Entry;
    const help = renderReply({
      kind: 'help',
      askId: 'a',
      visibility: 'private',
      mention: [],
      title: 'FAQ',
      topics: [entry],
      entryCount: 3,
    });
    expect(help).toContain('FAQ: I can answer 3 questions.');
    const none = renderReply({ kind: 'none', askId: 'a', visibility: 'private', mention: [], suggestions: [entry] });
    expect(none).toContain(phrasesFor('en').closeTopics);
  });

  it("says it has no answer as the platforms do, in the reply's language", () => {
    const none = { kind: 'none', askId: 'a', visibility: 'private', mention: [], suggestions: [] } as const;
    expect(renderReply(none).split('\n')[0]).toBe(phrasesFor('en').noAnswer());
    expect(renderReply({ ...none, language: 'de' }).split('\n')[0]).toBe(phrasesFor('de').noAnswer());
  });

  it("words suggestions, the closing hint and help in the reply's language", () => {
    const entry = { id: 'x', question: 'Wie mache ich x?' } as Entry;
    const de = phrasesFor('de');
    const suggest = renderReply({ kind: 'suggest', askId: 'a', visibility: 'private', mention: [], candidates: [entry], language: 'de' });
    expect(suggest.split('\n')[0]).toBe(de.notSure());
    const none = renderReply({ kind: 'none', askId: 'a', visibility: 'private', mention: [], suggestions: [], language: 'de' });
    expect(none.trimEnd().split('\n').at(-1)).toBe(de.rephrase);
    const help = renderReply({
      kind: 'help',
      askId: 'a',
      visibility: 'private',
      mention: [],
      title: 'FAQ',
      topics: [entry],
      entryCount: 1,
      language: 'de',
    });
    expect(help.replace(/\s+/g, ' ')).toContain(`FAQ: ${de.canAnswer(1)} ${de.askInOwnWords}`);
  });
});

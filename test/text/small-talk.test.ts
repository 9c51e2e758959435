import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildMatcher } from '../../src/match/matcher.js';
import { smallTalk } from '../../src/text/small-talk.js';

describe('small talk', () => {
  it.each([
    ['hello', 'greeting'],
    ['hey everyone!', 'greeting'],
    ['good morning folks', 'greeting'],
    ['thanks!', 'thanks'],
    ['thank you so much, that worked', 'thanks'],
    ['ty', 'thanks'],
    ['@everyone free nitro here', 'spam'],
    ['<!channel> click this link', 'spam'],
    ['hey @here giveaway', 'spam'],
  ] as const)('%s is %s', (text, kind) => {
    expect(smallTalk(text)).toBe(kind);
  });

  it.each(['hello, how do I reset my password?', 'thanks, but how do I migrate?', 'hi can i run it on arm', 'migrate', ''])(
    '%j may be a question',
    (text) => {
      expect(smallTalk(text)).toBeUndefined();
    },
  );

  it('is never answered from the knowledge base, and offers nothing to click', () => {
    const matcher = buildMatcher(loadKnowledge('test/fixtures/core/knowledge.yaml').knowledge!);
    for (const text of ['hello', 'thanks!', '@everyone free nitro here']) {
      const m = matcher.match(text);
      expect(m.decision).toBe('none');
      expect(m.candidates).toEqual([]);
      expect(m.smallTalk).toBeDefined();
    }
  });
});

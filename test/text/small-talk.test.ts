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
    ['good bot', 'chitchat'],
    ['Who made you?', 'chitchat'],
    ['are u a bot??', 'chitchat'],
    ['tell me a joke!', 'chitchat'],
    ['how are you doing', 'chitchat'],
    ["what's up", 'chitchat'],
    ['lol', 'chitchat'],
    ['ok it works now', 'chitchat'],
  ] as const)('%s is %s', (text, kind) => {
    expect(smallTalk(text)).toBe(kind);
  });

  it.each([
    'hello, how do I reset my password?',
    'thanks, but how do I migrate?',
    'hi can i run it on arm',
    'migrate',
    '',
    // Questions that share chit-chat's words are still questions.
    'who made lanternd',
    'is it ok to use docker',
    'how are you funded',
    'what are you doing with my data',
    'no sound after the update',
  ])('%j may be a question', (text) => {
    expect(smallTalk(text)).toBeUndefined();
  });

  it('is never answered from the knowledge base, and offers nothing to click', () => {
    const matcher = buildMatcher(loadKnowledge('test/fixtures/core/knowledge.yaml').knowledge!);
    for (const text of ['hello', 'thanks!', '@everyone free nitro here', 'good bot', 'who made you']) {
      const m = matcher.match(text);
      expect(m.decision).toBe('none');
      expect(m.candidates).toEqual([]);
      expect(m.smallTalk).toBeDefined();
    }
  });
});

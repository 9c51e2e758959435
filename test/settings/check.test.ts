import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config.js';

describe('the config file check', () => {
  it.each([
    [
      'toString: 1\n',
      'f.yaml:1:1: unknown setting "toString"; known settings here: knowledgeDir, policy, matcher, insights, handoff, watchKnowledge, gitKnowledge',
    ],
    ['policy:\n  constructor: 1\n', 'f.yaml:2:3: unknown setting "policy.constructor"; known settings here: policy.targeting'],
  ])('takes a name every object inherits, %j, for an unknown setting', (text, message) => {
    expect(() => parseConfigText(text, 'f.yaml')).toThrow(message);
  });
});

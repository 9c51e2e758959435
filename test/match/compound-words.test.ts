// Members write two words as one ("selfhost", "accesstoken") where the page hyphenates or spaces them.
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/domain.js';
import { thinBase } from '../fixtures/entries.js';
import { buildMatcher } from '../../src/match/matcher.js';

const kb: KnowledgeBase = thinBase('compound.yaml', 'Compound', [
  ['hosting', 'Can I self-host the relay?', 'Yes. Run the container image on any machine with a public address.'],
  ['panel', 'Is there a web interface?', 'The web UI listens on port 8080 once the relay runs.'],
  ['tokens', 'How do I rotate an access token?', 'Revoke the old token in the account page and create a new one.'],
  ['limits', 'How many messages can I send a day?', 'Free accounts send up to 250 messages a day.'],
  ['reinstall', 'How do I start over from scratch?', 'Delete the data folder and install the relay again.'],
]);

describe('words written as one', () => {
  it.each([
    ['selfhost', 'hosting'],
    ['selfhosting the relay', 'hosting'],
    ['accesstoken expired', 'tokens'],
  ])('%j finds %s', (q, id) => {
    for (const semantic of ['off', 'static'] as const) {
      const m = buildMatcher(kb, { semantic }).match(q);
      expect(m.candidates[0]?.entry.id, `${q} (${semantic})`).toBe(id);
    }
  });

  it('does not split a word the base knows, nor into fragments shorter than three letters', () => {
    const m = buildMatcher(kb, { semantic: 'off' }).match('tokens');
    expect(m.candidates[0]?.entry.id).toBe('tokens');
    // "upto" would be "up" + "to": halves too short to be two words the member meant.
    expect(buildMatcher(kb, { semantic: 'off' }).match('upto').decision).toBe('none');
  });
});

// Members use other words than the page ("uninstall" for "remove", "iphone" for "iOS"): a word
// the base never uses is matched as its synonyms the base does use.
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/domain.js';
import { thinBase } from '../fixtures/entries.js';
import { buildMatcher } from '../../src/match/matcher.js';
import { synonymGroups } from '../../src/text/synonyms.js';
import { analyzerFor } from '../../src/text/analyzer.js';
import { LANGUAGES } from '../../src/language/languages.js';

const kb: KnowledgeBase = thinBase('relay.yaml', 'Relay', [
  ['remove-relay', 'How do I remove the relay from my server?', 'Stop the service and delete its data folder.'],
  ['add-relay', 'How do I add the relay to my server?', 'Use the invite link on the dashboard and pick a channel.'],
  ['hosting-cost', 'How much does hosting cost?', 'Hosting is free for communities under 500 members.'],
  ['mobile', 'Does it work on mobile?', 'Yes: the web dashboard works on Android and iOS browsers.'],
  ['delete-account', 'How do I delete my account?', 'Write to the team from the address the account uses.'],
]);

describe('synonyms', () => {
  it.each([
    ['how do i uninstall the relay', 'remove-relay'],
    ['pricing?', 'hosting-cost'],
    ['does it run on my iphone', 'mobile'],
    ['smartphone', 'mobile'],
  ])('%j finds %s', (q, id) => {
    for (const semantic of ['off', 'static'] as const) {
      const m = buildMatcher(kb, { semantic }).match(q);
      expect(m.candidates[0]?.entry.id, `${q} (${semantic})`).toBe(id);
    }
  });

  it('says which words it read as others', () => {
    const m = buildMatcher(kb, { semantic: 'off' }).match('does it run on my iphone');
    expect(m.readAs).toEqual([{ word: 'iphone', as: ['ios'], because: 'synonym' }]);
    expect(buildMatcher(kb, { semantic: 'off' }).match('how do i remove the relay').readAs).toBeUndefined();
  });

  it('leaves a word the base uses as it is', () => {
    // "delete" is a synonym of "remove", but the base uses both: each stays with its own entry.
    const m = buildMatcher(kb, { semantic: 'off' }).match('delete my account');
    expect(m.decision).toBe('answer');
    expect(m.candidates[0]?.entry.id).toBe('delete-account');
    expect(buildMatcher(kb, { semantic: 'off' }).match('remove the relay').candidates[0]?.entry.id).toBe('remove-relay');
  });

  it('does not find an entry through a word of another sense', () => {
    // "disable" is "deactivate", never "turn": it must not find an entry about turning music on.
    const base = thinBase('music.yaml', 'Music', [
      ['music', 'How do I turn the music on?', 'Type /play in a voice channel.'],
      ['queue', 'How long can the queue be?', 'Up to 100 songs.'],
    ]);
    const m = buildMatcher(base, { semantic: 'off' }).match('disable');
    expect(m.decision).toBe('none');
  });

  it('knows the groups of the base language: German', () => {
    const de: KnowledgeBase = {
      ...thinBase('de.yaml', 'Relay', [
        ['entfernen', 'Wie kann ich das Plugin entfernen?', 'Den Dienst stoppen und den Datenordner löschen.'],
        ['hinzufuegen', 'Wie füge ich das Plugin hinzu?', 'Über den Einladungslink im Dashboard.'],
        ['kosten', 'Was kostet das Hosting?', 'Für kleine Communitys ist es kostenlos.'],
      ]),
      language: 'de',
    };
    const m = buildMatcher(de, { semantic: 'off' }).match('plugin deinstallieren');
    expect(m.candidates[0]?.entry.id).toBe('entfernen');
  });

  it.each(LANGUAGES.map((l) => [l]))('%s: groups of two or more, of content words, no word in two groups', (language) => {
    const analyzer = analyzerFor(language);
    const seen = new Map<string, number>();
    synonymGroups(language).forEach((group, i) => {
      expect(group.length, group.join(', ')).toBeGreaterThanOrEqual(2);
      for (const word of group) {
        // The index drops stop words: "turn off" would stand for "turn" alone.
        for (const w of analyzer.words(word)) expect(analyzer.isStopWord(w), `${w} in "${word}" is a stop word`).toBe(false);
        const stem = analyzer.terms(word).join(' ');
        const other = seen.get(stem);
        if (other !== undefined && other !== i) expect.fail(`${word} is in groups ${other} and ${i}`);
        seen.set(stem, i);
      }
    });
  });
});

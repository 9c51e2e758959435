import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { FaqbotError } from '../../src/errors.js';

function configIn(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-config-'));
  writeFileSync(join(dir, 'faqbot.config.yaml'), text);
  return () => loadConfig({}, dir);
}

describe('communities: in the config', () => {
  it('reads guild and workspace ids as written, with knowledge and overrides', () => {
    const { settings } = configIn(
      [
        'communities:',
        '  123456789012345678901: { knowledge: knowledge/boats, name: Boat Club, policy: { channelCooldownSeconds: 5 } }',
        '  T0BOATS1: { knowledge: knowledge/trains, matcher: { maxSuggestions: 2 } }',
        '  default: { knowledge: knowledge/shared }',
        '',
      ].join('\n'),
    )();
    // 21 digits: an unquoted id beyond 2^53 must not lose its last digits.
    expect(Object.keys(settings.communities).sort()).toEqual(['123456789012345678901', 'T0BOATS1', 'default']);
    expect(settings.communities['123456789012345678901']).toEqual({
      knowledge: 'knowledge/boats',
      name: 'Boat Club',
      policy: { channelCooldownSeconds: 5 },
    });
    expect(settings.communities.T0BOATS1).toEqual({ knowledge: 'knowledge/trains', matcher: { maxSuggestions: 2 } });
  });

  it('tells apart unquoted server ids that are equal as numbers (beyond 2^53), here and in channels:', () => {
    const { settings } = configIn(
      [
        'communities:',
        '  1300000000000000001: { knowledge: a }',
        '  1300000000000000003: { knowledge: b }',
        'channels:',
        '  1300000000000000001: { mention: ignore }',
        '  1300000000000000003: { mention: public }',
        '',
      ].join('\n'),
    )();
    expect(settings.communities['1300000000000000001']?.knowledge).toBe('a');
    expect(settings.communities['1300000000000000003']?.knowledge).toBe('b');
    expect(settings.channels).toEqual({ '1300000000000000001': { mention: 'ignore' }, '1300000000000000003': { mention: 'public' } });
    // A key really written twice is still refused.
    expect(configIn('policy:\n  targeting: everyone\n  targeting: moderators\n')).toThrow(/Map keys must be unique/);
  });

  it('reports every problem with file:line:col and the fix', () => {
    const load = configIn(
      [
        'communities:',
        '  not-an-id: { knowledge: a }',
        '  T0BOATS1: { policy: { channelCooldownSeconds: -1 } }',
        '  T0TRAINS: { knowledge: b, matcher: { maxSuggestions: 99 }, colour: red }',
        '  "123456789012345678": {}',
        '',
      ].join('\n'),
    );
    let error: unknown;
    try {
      load();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FaqbotError);
    const details = (error as FaqbotError).details ?? [];
    expect(details.join('\n')).toMatch(
      /faqbot\.config\.yaml:2:3: "communities\.not-an-id" is not a community id; use "default", a Discord server id/,
    );
    expect(details.join('\n')).toMatch(
      /faqbot\.config\.yaml:3:\d+: "communities\.T0BOATS1\.policy\.channelCooldownSeconds" must be a whole number of at least 0, got -1/,
    );
    expect(details.join('\n')).toMatch(
      /faqbot\.config\.yaml:4:\d+: "communities\.T0TRAINS\.matcher\.maxSuggestions" must be a whole number from 1 to 10, got 99/,
    );
    expect(details.join('\n')).toMatch(
      /faqbot\.config\.yaml:4:\d+: unknown setting "communities\.T0TRAINS\.colour"; known settings here: name, knowledge, policy, matcher/,
    );
    expect(details.join('\n')).toMatch(/faqbot\.config\.yaml:5:3: "communities\.123456789012345678" needs "knowledge:"/);
  });

  it('says what the section must be when it is not a mapping', () => {
    expect(configIn('communities: [a, b]\n')).toThrow(
      /faqbot\.config\.yaml:1:14: "communities" must be a mapping of Discord guild ids or Slack team ids/,
    );
  });
});

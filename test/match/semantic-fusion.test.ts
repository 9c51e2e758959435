// The meaning signal and the calibration on a thin base (one phrasing per entry, as a fresh
// import has). The base is written here, in the words of a made-up app.
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/domain.js';
import { thinBase } from '../fixtures/entries.js';
import { buildMatcher } from '../../src/match/matcher.js';

const thin: KnowledgeBase = thinBase('thin.yaml', 'Thin', [
  [
    'uninstall',
    'How do I uninstall the app?',
    'Delete the program folder and its settings. On Linux run the removal script that came with the package.',
  ],
  [
    'update',
    'How do I upgrade to a newer release?',
    'Download the latest release and install it over the old one. Your settings are kept.',
  ],
  ['donate', 'Can I support the project with money?', 'Yes: sponsorships and donations pay for the servers. Every contribution helps.'],
  ['languages', 'Which languages is the interface translated into?', 'The interface is available in English, German, French and Spanish.'],
  ['backup', 'How do I back up my notes?', 'Copy the data folder to another disk, or turn on automatic backups in the settings.'],
  [
    'sync',
    'Does it sync between my phone and my computer?',
    'Yes, sign in with the same account on both devices and notes sync within seconds.',
  ],
  [
    'offline',
    'Does it work without an internet connection?',
    'Yes. Everything works offline; changes are sent when the connection returns.',
  ],
  ['export', 'Can I export my notes to PDF?', 'Open a note, choose Share and then Export as PDF. Whole notebooks can be exported too.'],
]);

describe('meaning fused with words', () => {
  it("answers a member who uses the question's own words on a base with one phrasing per entry", () => {
    const matcher = buildMatcher(thin);
    for (const [q, id] of [
      ['how to uninstall the app', 'uninstall'],
      ['export notes as pdf', 'export'],
      ['does sync work between phone and computer', 'sync'],
    ] as const) {
      const m = matcher.match(q);
      expect(m.decision, q).toBe('answer');
      expect(m.candidates[0]?.entry.id).toBe(id);
    }
  });

  it('stays quiet on what the base does not cover', () => {
    const matcher = buildMatcher(thin);
    for (const q of ['what is the capital of peru', 'recommend me a good pizza place']) {
      expect(matcher.match(q).decision, q).not.toBe('answer');
    }
  });
});

describe('day-one estimate (faqbot check)', () => {
  it('estimates the answer rate from the probes and names what to add for entries never answered', async () => {
    const { dayOneReport, formatDayOne } = await import('../../src/knowledge/day-one.js');
    const r = dayOneReport(thin, buildMatcher(thin));
    expect(r.probes).toBeGreaterThanOrEqual(thin.entries.length);
    expect(r.answerRate).toBeGreaterThan(0);
    expect(r.answerRate).toBeLessThanOrEqual(1);
    for (const { entry, keywords } of r.neverAnswered) {
      for (const k of keywords) expect(entry.answer.toLowerCase()).toContain(k);
    }
    expect(formatDayOne(r)[0]).toMatch(/^day one: about \d+% of questions/);
  });
});

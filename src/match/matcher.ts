// The matcher turns a question into a decision: answer, suggest or none.
import { DEFAULT_MATCHER_SETTINGS, type MatcherSettings } from './settings.js';
import { mergeSettings } from '../settings/merge.js';
import type { AutocompleteChoice, KnowledgeBase, Match } from '../domain.js';
import type { Language } from '../language/languages.js';
import { Autocompleter } from './autocomplete.js';
import { answerBar, decide } from './decide.js';
import { smallTalk } from '../text/small-talk.js';
import { TermIndex, type Calibration } from './term-index.js';
import { loadStaticEncoder } from './semantic/static-encoder.js';
import type { SentenceEncoder } from './semantic/encoder.js';

let staticEncoder: SentenceEncoder | undefined;
/** The table is read once per process and shared by every matcher (reloads, communities). */
function encoderFor(kind: MatcherSettings['semantic']): SentenceEncoder | undefined {
  if (kind === 'off') return undefined;
  return (staticEncoder ??= loadStaticEncoder());
}

export interface Matcher {
  match(text: string): Match;
  /**
   * Up to `limit` choices for a partly typed query (the platform's limit, passed in by its
   * adapter); empty input lists popular/pinned entries.
   */
  autocomplete(partial: string, limit: number, popularity?: ReadonlyMap<string, number>): AutocompleteChoice[];
  /** The words of a question the base has nothing for, not even a synonym or a near spelling. */
  unknownWords(text: string): string[];
  /** What the matcher learnt about this base at start-up, and the score it answers from. */
  readonly calibration: Calibration;
  readonly answerAt: number;
  /** The language it matches queries in: the base's, or one the base is translated into. */
  readonly language: Language;
  /**
   * The matcher for queries in another language the base speaks (its phrasings in that
   * language beside the base's), built on first use and kept; this one for its own language.
   * `calibrated`: as for buildMatcher (a view of the base takes the whole base's).
   */
  inLanguage(language: Language, calibrated?: Calibration): Matcher;
}

/**
 * `calibrated`: take another build's meaning share instead of trying each (the linter's
 * leave-one-out builds differ from the full base by one phrasing each).
 */
export function buildMatcher(kb: KnowledgeBase, settings: Partial<MatcherSettings> = {}, calibrated?: Calibration): Matcher {
  return buildIn(kb, settings, calibrated, kb.language, new Map());
}

/** `others`: the matchers of the base's other languages, shared by all of them. */
function buildIn(
  kb: KnowledgeBase,
  settings: Partial<MatcherSettings>,
  calibrated: Calibration | undefined,
  language: Language,
  others: Map<Language, Matcher>,
): Matcher {
  const options = mergeSettings(DEFAULT_MATCHER_SETTINGS, settings);
  const index = new TermIndex(kb, encoderFor(options.semantic), language);
  const calibration = calibrated ? index.adopt(calibrated) : index.calibrate();
  const completer = new Autocompleter(kb, language);
  const self: Matcher = {
    calibration,
    language,
    answerAt: answerBar(calibration, options),
    inLanguage(wanted, calibratedThere) {
      // A language the base has no translations into is matched as the base's own.
      if (!kb.languages.includes(wanted)) return others.get(kb.language) ?? self;
      return others.get(wanted) ?? buildIn(kb, settings, calibratedThere, wanted, others);
    },
    match(text) {
      const capped = text.slice(0, options.maxQueryChars);
      const talk = smallTalk(capped);
      if (talk) return { decision: 'none', candidates: [], plausible: 0, smallTalk: talk };
      const ranked = index.rank(capped);
      const match = decide(ranked, calibration, options);
      return ranked.readAs ? { ...match, readAs: ranked.readAs } : match;
    },
    unknownWords(text) {
      return index.unknownWords(text.slice(0, options.maxQueryChars));
    },
    autocomplete(partial, limit, popularity = new Map()) {
      return completer.complete(partial.slice(0, 200), limit, popularity);
    },
  };
  others.set(language, self);
  return self;
}

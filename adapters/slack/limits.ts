// Slack's limits the composition root needs without loading the adapter: how much answer text
// one section holds, for `faqbot check`.
import type { SplitLimit } from '../../src/index.js';

/** Slack rejects a section whose text exceeds 3,000 characters. */
export const SECTION_LIMIT = 3000;

/** What `faqbot check` warns about: an answer longer than one section is split. */
export const ANSWER_SPLIT: SplitLimit = { platform: 'Slack', chars: SECTION_LIMIT, unit: 'section' };

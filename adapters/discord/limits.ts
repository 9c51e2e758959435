// Discord's hard limits, as data: the adapter passes them into the core where the core needs a
// number (how many autocomplete choices), and fits its messages to them (fit.ts). Light: the
// composition root reads ANSWER_SPLIT without loading the adapter.
import type { SplitLimit } from '../../src/index.js';

export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedTotal: 6000,
  embedsPerMessage: 10,
  fieldValue: 1024,
  fieldName: 256,
  footer: 2048,
  buttonLabel: 80,
  selectLabel: 100,
  selectDescription: 100,
  selectOptions: 25,
  selectValue: 100,
  customId: 100,
  actionRows: 5,
  buttonsPerRow: 5,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** What `faqbot check` warns about: an answer longer than one embed description is split. */
export const ANSWER_SPLIT: SplitLimit = { platform: 'Discord', chars: LIMITS.embedDescription, unit: 'embed' };

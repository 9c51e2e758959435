// Two small knowledge bases that share one entry id (`house-rules`, answered differently) and
// nothing else, written to temporary folders, so a test can
// tell by the answer which community's knowledge answered.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TwoKnowledge {
  root: string;
  /** Knowledge of community A: entries about boats. */
  boats: string;
  /** Knowledge of community B: entries about trains. */
  trains: string;
}

const BOATS = `title: Boat Club FAQ
entries:
  - id: launch-boat
    question: How do I launch my boat?
    alternates: [putting the boat in the water]
    keywords: [launch, boat, slipway]
    answer: Use the slipway at the north dock.
  - id: mooring-fee
    question: How much is the mooring fee?
    keywords: [mooring, fee]
    answer: Forty a month.
  - id: house-rules
    question: What are the house rules?
    keywords: [rules]
    answer: Life jackets on the pontoon, always.
`;

const TRAINS = `title: Rail Fans FAQ
entries:
  - id: train-tickets
    question: Where do I buy train tickets?
    alternates: [buying a rail ticket]
    keywords: [ticket, tickets, train]
    answer: At the station kiosk or online.
  - id: timetable
    question: Where is the timetable?
    keywords: [timetable, schedule]
    answer: Pinned in the timetable channel.
  - id: house-rules
    question: What are the house rules?
    keywords: [rules]
    answer: No photos with flash on the platform.
`;

export function twoKnowledge(): TwoKnowledge {
  const root = mkdtempSync(join(tmpdir(), 'faqbot-communities-'));
  const boats = join(root, 'boats');
  const trains = join(root, 'trains');
  mkdirSync(boats);
  mkdirSync(trains);
  writeFileSync(join(boats, 'faq.yaml'), BOATS);
  writeFileSync(join(trains, 'faq.yaml'), TRAINS);
  return { root, boats, trains };
}

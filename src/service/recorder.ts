// What the service tells whoever keeps records (the insights store). Kept as an interface so
// the service never waits on, or breaks because of, storage.
import type { AskedVia, Feedback, InsightsSummary } from '../domain.js';

export interface AskRecord {
  readonly askId: string;
  readonly at: number;
  readonly platform: string;
  readonly communityId?: string;
  readonly channelId: string;
  /** The raw platform id; the store hashes it before keeping it. */
  readonly askerId: string;
  readonly via: AskedVia;
  readonly text: string;
  /** 'answer' | 'suggest' | 'none' | 'help' */
  readonly decision: string;
  readonly entryId?: string;
  readonly score: number;
}

/** A moderator's pick or a clicked suggestion: the text that was asked and the entry chosen. */
export interface PickRecord {
  readonly askId: string;
  readonly at: number;
  readonly platform: string;
  readonly communityId?: string;
  readonly channelId: string;
  readonly askerId: string;
  readonly via: AskedVia;
  /** May be empty when the platform only sends the click; the store then uses the linked ask's wording. */
  readonly text: string;
  readonly entryId: string;
  /** The ask the choice came from (its suggestions or "Answer with FAQ" menu), when the adapter knows it. */
  readonly fromAskId?: string;
}

/** A member's "Ask a human" that pinged the helpers: on which reply, for which entry. */
export interface HandoffRecord {
  /** The ask whose reply carried the button: one hand-off per ask. */
  readonly askId: string;
  readonly at: number;
  readonly platform: string;
  readonly communityId?: string;
  readonly channelId: string;
  readonly askerId: string;
  /** The entry answered or suggested first; absent after "no answer". */
  readonly entryId?: string;
}

export interface AskRecorder {
  recordAsk(record: AskRecord): void;
  recordPick(record: PickRecord): void;
  recordFeedback(feedback: Feedback & { readonly at: number }): void;
  /** Optional so that recorders written before hand-offs keep working. */
  recordHandoff?(record: HandoffRecord): void;
}

/** Reads figures back for moderators; the insights store implements it. */
export interface InsightsReader {
  /** SQLite answers at once; an engine across the network answers with a promise. */
  /** `communityId`: that community's records alone; absent: every record. */
  summary(sinceMs: number, communityId?: string): InsightsSummary | Promise<InsightsSummary>;
}

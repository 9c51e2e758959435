// Sentences for moderators and operators that every platform shares (statistics, the knowledge
// in use, the apology after an error), in English only for now. What members read around an
// answer, in each language the bot speaks, is in language/phrases.ts: one place for each.
import type { KnowledgeInUse } from './domain.js';

/** A stats reply with neither figures nor a reason (never sent by the service; a safe default). */
export const NO_STATISTICS = 'No statistics are available.';

/** What a member is told when answering failed unexpectedly (the error itself goes to the log). */
export const APOLOGY = 'Sorry, something went wrong while answering. The error has been logged; please try again in a moment.';

/** The heading of `/faq-stats`: the period its figures cover. */
export function statsTitle(days: number): string {
  return `FAQ statistics, last ${days} day${days === 1 ? '' : 's'}`;
}

/**
 * The one sentence that tells a community's moderators which knowledge answers them: server
 * admins often have no access to the deployment's config.
 */
export function knowledgeLine(k: KnowledgeInUse): string {
  return `Knowledge used here: "${k.title}", ${k.entries} entr${k.entries === 1 ? 'y' : 'ies'} (community "${k.community}").`;
}

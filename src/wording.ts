// The sentences members read that mean the same on every platform, in one place. Renderers
// (Discord, Slack, the terminal) wrap them in their own markup and add what is theirs alone
// (how to ask there, which buttons to press), but never word the same thing differently.
// Sentences the service itself returns in a Reply stay with the rule that decides them
// (cooldowns in answer-service.ts, hand-offs in service/handoff.ts, dismissals in dismiss.ts).
import type { KnowledgeInUse, SmallTalk } from './domain.js';

/** Over suggestions after "no answer". */
export const SUGGESTIONS_LEAD = 'These topics are close; one of them may help:';

/** A stats reply with neither figures nor a reason (never sent by the service; a safe default). */
export const NO_STATISTICS = 'No statistics are available.';

/** The one line the bot says back to small talk, on every platform. */
export const SMALL_TALK_LINE: Readonly<Record<SmallTalk, string>> = {
  greeting: 'Hi! Ask me a question, or ask for the list of topics I know about.',
  thanks: 'Glad to help!',
  spam: 'I do not answer messages that ping everyone.',
};

/** The thanks for a press on "Helpful" or "Not helpful". */
export const FEEDBACK_THANKS: Readonly<Record<'helpful' | 'notHelpful', string>> = {
  helpful: 'Thanks, glad it helped.',
  notHelpful: 'Thanks for telling us; the maintainers will see that this answer did not help. Try other words, or ask in the channel.',
};

/** What a member is told when answering failed unexpectedly (the error itself goes to the log). */
export const APOLOGY = 'Sorry, something went wrong while answering. The error has been logged; please try again in a moment.';

/** The start of the help reply: how much the bot knows. */
export function canAnswer(entryCount: number): string {
  return `I can answer ${entryCount} question${entryCount === 1 ? '' : 's'}.`;
}

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

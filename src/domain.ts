// The domain model. Everything platform-neutral the core and the adapters share lives here;
// nothing in this file knows about Discord or Slack.
import type { SmallTalk } from './text/small-talk.js';
import type { Language } from './language/languages.js';

export type { SmallTalk, Language };

/** A link shown under an answer. */
export interface Link {
  readonly title: string;
  readonly url: string;
}

/** Where a piece of knowledge was written, so errors and tools can point at it. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** File-level metadata of one knowledge file. */
export interface KnowledgeFileMeta {
  readonly file: string;
  readonly title?: string;
  /** The page the file was written from (a URL). */
  readonly source?: string;
  /** A notice shown under answers from this file (e.g. trademarks). */
  readonly footer?: string;
  /** The language the file's entries are written in (`language:`), when it says. */
  readonly language?: Language;
  /**
   * `synonyms:` — groups of words this community uses for the same thing ("pfp", "avatar"),
   * beside the matcher's own; they count for every entry of the base, not only this file's.
   */
  readonly synonyms?: readonly (readonly string[])[];
}

/** An entry in another language than the base's: what a member of that language reads and asks. */
export interface Translation {
  readonly question: string;
  /** Markdown. */
  readonly answer: string;
  readonly alternates: readonly string[];
  readonly location: SourceLocation;
}

/** One question and its answer. */
export interface Entry {
  readonly id: string;
  readonly question: string;
  /** Markdown. */
  readonly answer: string;
  readonly alternates: readonly string[];
  readonly keywords: readonly string[];
  readonly links: readonly Link[];
  readonly related: readonly string[];
  readonly tags: readonly string[];
  /** Pinned entries lead the list shown for an empty autocomplete box and in help. */
  readonly pinned: boolean;
  /**
   * Discord role ids or Slack user group ids: only members with one of them ever see the entry
   * (answers, suggestions, autocomplete, help). Absent: everyone.
   */
  readonly restrictedTo?: readonly string[];
  /**
   * The entry in other languages than the base's (`translations:`); absent when it has none.
   * Ids, keywords, links and the rest are the same in every language.
   */
  readonly translations?: Readonly<Partial<Record<Language, Translation>>>;
  readonly meta: KnowledgeFileMeta;
  readonly location: SourceLocation;
}

export interface KnowledgeBase {
  readonly entries: readonly Entry[];
  readonly byId: ReadonlyMap<string, Entry>;
  readonly files: readonly KnowledgeFileMeta[];
  /** A title for the whole base: the first file's title, or the folder name. */
  readonly title: string;
  /** The language entries are written in (`language:` of the files, English when none says). */
  readonly language: Language;
  /** The base language first, then every language some entry is translated into. */
  readonly languages: readonly Language[];
}

/** A problem found while loading knowledge; `severity: 'error'` keeps a file from loading. */
export interface Problem {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly hint?: string;
}

// ---------------------------------------------------------------------------------------------
// Asking

/** How a question reached the bot. */
export type AskedVia =
  | 'command'
  | 'mention'
  | 'direct-message'
  | 'message-menu'
  | 'console'
  /** A new post in a help forum or help channel, answered unasked (`channels: … help: true`). */
  | 'help-post';

/** A person on some platform. `id` is the platform's own user id. */
export interface Person {
  readonly id: string;
  /** Display name, for attribution text only; never used to ping. */
  readonly name?: string;
  /** Set by the adapter from platform permissions (e.g. Manage Messages, workspace admin). */
  readonly isModerator?: boolean;
  /**
   * The member's Discord role ids or Slack user group ids, set by the adapter, for entries
   * limited to some of them (`restrictedTo`). Absent: the member sees unrestricted entries only.
   */
  readonly groups?: readonly string[];
}

export interface Query {
  readonly text: string;
  /** Platform name, e.g. "discord", "slack", "console"; used for records, never for decisions. */
  readonly platform: string;
  /** The guild or workspace id. */
  readonly communityId?: string;
  readonly channelId: string;
  /**
   * The thread inside the channel the public answer goes to, when the platform has threads
   * that are not channels of their own (a Slack thread's parent `ts`). A Discord thread is a
   * channel already and leaves this unset. Cooldowns belong to the channel and thread together.
   */
  readonly threadId?: string;
  /**
   * The places around the channel, nearest first, for per-channel settings: a Discord thread's
   * channel, then that channel's category. Empty or absent on Slack.
   */
  readonly channelParents?: readonly string[];
  /** Asked in a direct message with the bot: per-channel settings do not apply there. */
  readonly direct?: boolean;
  readonly asker: Person;
  /** Who the answer is aimed at, when a moderator answers someone. */
  readonly target?: Person;
  readonly via: AskedVia;
  /**
   * The member's locale as the platform gives it (Discord's `locale` on an interaction, Slack's
   * user locale), e.g. `de`, `es-ES`: it picks the language of the reply. Absent on a message
   * the platform gives none for (a Discord mention): the channel's or community's language then.
   */
  readonly locale?: string;
  /** The locale of the place (Discord's `guild_locale`): the fallback when the member's is not spoken here. */
  readonly placeLocale?: string;
  /** Milliseconds since the epoch; the service uses Date.now() when absent. */
  readonly at?: number;
}

// ---------------------------------------------------------------------------------------------
// Matching

export type Decision = 'answer' | 'suggest' | 'none';

export interface Candidate {
  readonly entry: Entry;
  /** Confidence in [0, 1]; comparable within one knowledge base, higher is better. */
  readonly score: number;
  /** What matched, for --explain: e.g. "keyword", "id", "alternate: how do i ...". */
  readonly why: string;
}

/** A word of the question the base lacks, matched as words it has (what `--explain` shows). */
export interface ReadAs {
  readonly word: string;
  readonly as: readonly string[];
  readonly because: 'synonym' | 'spelling' | 'two words';
}

export interface Match {
  readonly decision: Decision;
  /** Best first; for `answer` the first candidate is the answer. */
  readonly candidates: readonly Candidate[];
  /** How many of the leading candidates are close enough to offer as suggestions. */
  readonly plausible: number;
  /** Set when the message is no question at all (a greeting, thanks, or mass-mention spam). */
  readonly smallTalk?: SmallTalk;
  /** Words of the question read as other words of the base; absent when there are none. */
  readonly readAs?: readonly ReadAs[];
}

export interface AutocompleteChoice {
  /** The entry's question on one line; the adapter cuts it to its platform's label limit. */
  readonly label: string;
  readonly entryId: string;
}

// ---------------------------------------------------------------------------------------------
// Replying

export type Visibility = 'private' | 'public';

/** Why a reply was held back instead of posted. */
export type HoldReason =
  /** `/faq` is turned off in this channel (`channels:` in the config). */
  | 'slash-denied'
  | 'channel-cooldown'
  | 'target-cooldown'
  | 'rate-limit'
  | 'not-allowed-to-target'
  /** The entry is limited to some roles (`restrictedTo`): it is never posted for others. */
  | 'restricted';

interface ReplyBase {
  /** Identifies the ask, for feedback buttons and records. */
  readonly askId: string;
  /**
   * The language the reply is in: its entries (translated where they can be) and the bot's
   * sentences around them (phrases.ts). Absent: English.
   */
  readonly language?: Language;
  /**
   * Set on answers, suggestions and "no answer" replies in a channel when helpers are
   * configured for the platform: they carry an "Ask a human" button.
   */
  readonly handoff?: boolean;
  readonly visibility: Visibility;
  /** The only people this reply may ping. Empty means nobody. */
  readonly mention: readonly Person[];
  /** Who made the bot post this publicly for someone else ("suggested by"). */
  readonly suggestedBy?: Person;
}

export interface AnswerReply extends ReplyBase {
  readonly kind: 'answer';
  readonly entry: Entry;
  readonly related: readonly Entry[];
  readonly score: number;
  /** Set on answers posted for everyone in a channel: they carry a "Dismiss" button. */
  readonly dismissibleBy?: Dismissers;
}

/** Who, besides moderators, may remove a public answer: the member who asked, and the member it was for. */
export interface Dismissers {
  readonly askerId: string;
  readonly targetId?: string;
}

/** A click on "Dismiss": the answer it was on (as its button names it) and who clicked. */
export interface DismissRequest {
  readonly askId: string;
  /** The guild or workspace of the answer. */
  readonly communityId?: string;
  readonly entryId: string;
  readonly platform: string;
  readonly dismissers: Dismissers;
  /** With `isModerator` set by the adapter from platform permissions. */
  readonly by: Person;
  /** The clicker's locale and the place's, for the language of a refusal (see Query). */
  readonly locale?: string;
  readonly placeLocale?: string;
  readonly channelId?: string;
}

export type DismissDecision = { readonly allowed: true } | { readonly allowed: false; readonly message: string };

export interface SuggestReply extends ReplyBase {
  readonly kind: 'suggest';
  readonly candidates: readonly Entry[];
}

export interface NoAnswerReply extends ReplyBase {
  readonly kind: 'none';
  /** Close topics worth offering, possibly empty. */
  readonly suggestions: readonly Entry[];
  /** No question was asked: answer a greeting or thanks with its `smallTalk` phrase, spam with nothing to click. */
  readonly smallTalk?: SmallTalk;
}

export interface HelpReply extends ReplyBase {
  readonly kind: 'help';
  readonly title: string;
  readonly topics: readonly Entry[];
  readonly entryCount: number;
  readonly footer?: string;
}

export interface HeldReply extends ReplyBase {
  readonly kind: 'held';
  readonly reason: HoldReason;
  /** When asking again would work, in ms; 0 when it never will (not allowed). */
  readonly retryAfterMs: number;
  readonly entry?: Entry;
  /** A human sentence explaining why, platform-neutral plain text. */
  readonly message: string;
}

/** Figures for moderators (`/faq-stats`): what was asked and what the knowledge base lacks. */
export interface InsightsSummary {
  /** Start of the period, ms since the epoch. */
  readonly since: number;
  readonly asks: number;
  readonly answered: number;
  readonly suggested: number;
  readonly unanswered: number;
  /** Asks for the list of topics (an empty question, "help"): with the three above, `asks`. */
  readonly topicLists: number;
  readonly helpful: number;
  readonly notHelpful: number;
  readonly topEntries: readonly { readonly entryId: string; readonly question: string; readonly count: number }[];
  /** Unanswered questions, near-duplicates grouped, most frequent first. */
  readonly topUnanswered: readonly { readonly text: string; readonly count: number }[];
}

/** The figures `/faq-stats` shows, with the period they cover. */
export interface StatsSummary extends InsightsSummary {
  /** How many days back the figures go (from `since` to the ask). */
  readonly days: number;
}

export interface StatsReply extends ReplyBase {
  readonly kind: 'stats';
  /** Absent when no insights store is running. */
  readonly summary?: StatsSummary;
  /** Set instead of a summary when the asker may not see stats, or none are kept. */
  readonly message?: string;
  /** Which knowledge answers in this community, for admins without access to the deployment. */
  readonly knowledge?: KnowledgeInUse;
}

/** What `/faq-stats` says about the knowledge a community is answered from. */
export interface KnowledgeInUse {
  /** The community's name in the config (`communities:`), or "default". */
  readonly community: string;
  readonly title: string;
  readonly entries: number;
}

export type Reply = AnswerReply | SuggestReply | NoAnswerReply | HelpReply | HeldReply | StatsReply;

/** A press on "Ask a human": the ask it was on and where, and who pressed. */
export interface HandoffRequest {
  readonly askId: string;
  /** The entry the reply answered or suggested first, as its button names it. */
  readonly entryId?: string;
  readonly platform: string;
  readonly communityId?: string;
  readonly channelId: string;
  readonly threadId?: string;
  readonly by: Person;
  /** The presser's locale and the place's, for the language of what they are told (see Query). */
  readonly locale?: string;
  readonly placeLocale?: string;
}

export type HandoffDecision =
  /** Ping `helpers` once with `question` (the member's words, or the entry's question after a restart). */
  { readonly allowed: true; readonly helpers: string; readonly question: string } | { readonly allowed: false; readonly message: string };

/** A member's verdict on an answer. */
export interface Feedback {
  readonly askId: string;
  /** The guild or workspace the answer was in; feedback is recorded under its community. */
  readonly communityId?: string;
  readonly entryId: string;
  readonly helpful: boolean;
  readonly by: Person;
  readonly platform: string;
}

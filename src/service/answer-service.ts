// The platform-neutral heart the adapters call. It matches, applies the policies (who sees
// what, cooldowns, rate limits, who may target whom) and returns a Reply for the adapter to
// render. It never talks to a platform.
import { withoutMassMentions } from '../text/small-talk.js';
import { randomUUID } from 'node:crypto';
import { DEFAULT_MATCHER_SETTINGS, type MatcherSettings } from '../match/settings.js';
import { DEFAULT_CHANNEL_SETTINGS, type ChannelRule, type ChannelSettings } from './channel-settings.js';
import { DEFAULT_HANDOFF_SETTINGS, type HandoffSettings } from './handoff-settings.js';
import { DEFAULT_POLICY_SETTINGS, type PolicySettings } from './policy-settings.js';
import { mergeSettings } from '../settings/merge.js';
import type {
  AutocompleteChoice,
  DismissDecision,
  DismissRequest,
  Entry,
  Feedback,
  HandoffDecision,
  HandoffRequest,
  HeldReply,
  InsightsSummary,
  HoldReason,
  KnowledgeBase,
  KnowledgeInUse,
  Match,
  Person,
  Query,
  Reply,
  Visibility,
} from '../domain.js';
import { leadingEntries } from '../match/autocomplete.js';
import { BoundedAutocomplete, MAX_CANDIDATES, typedPart } from './bounded-autocomplete.js';
import { buildMatcher, type Matcher } from '../match/matcher.js';
import { humanDuration, stateKeys } from './policy.js';
import { MemoryState, type Claim, type SharedState } from './shared-state.js';
import { mayDismiss } from './dismiss.js';
import { channelRule, slashDeniedMessage } from './channels.js';
import type { AskRecorder, InsightsReader } from './recorder.js';
import { canSee, hasRestricted, viewOf } from './restricted.js';
import { helpersOn } from './handoff.js';
import { helpBar, helpDecision } from './help-bar.js';
import { aimedAt } from '../query.js';
import type { Language } from '../language/languages.js';
import { localized, replyLanguage } from '../language/localize.js';
import { phrasesFor } from '../language/phrases.js';

/** How long a help thread is remembered as answered (or passed over): no second answer in it. */
const HELP_THREAD_MS = 30 * 86_400_000;

/** Views of a base with restricted entries kept at once (members seeing the same entries share one). */
const MAX_VIEWS = 16;

export interface AnswerServiceOptions {
  knowledge: KnowledgeBase;
  policy?: Partial<PolicySettings>;
  matcher?: Partial<MatcherSettings>;
  /** Where the bot speaks (`channels:` in the config); every channel follows the defaults without it. */
  channels?: ChannelSettings;
  recorder?: AskRecorder;
  insights?: InsightsReader;
  /** "Ask a human" (`handoff:` in the config); off without it. */
  handoff?: HandoffSettings;
  /** Cooldowns and rate limits; in this process's memory unless replicas share an engine. */
  state?: SharedState;
  now?: () => number;
  /** Makes ask ids; tests pass a counter. */
  newId?: () => string;
  /** Told of every ask's outcome (the metrics count asks by platform and reply kind). */
  onAsk?: (outcome: { readonly platform: string; readonly decision: Reply['kind'] }) => void;
  /**
   * The guild or workspace this service answers alone (communities): its figures are read for
   * it only. Absent: one service for every community, reading every record.
   */
  communityId?: string;
  /** What `/faq-stats` names as this community's knowledge ("default" unless `communities:` says). */
  communityName?: string;
  /** The community's language for asks without a locale the knowledge speaks (`communities.<id>.language`). */
  language?: Language;
  /**
   * Where the matcher of a knowledge base comes from. The community router shares one cache
   * between services, so communities on the same knowledge build it once; alone, a service
   * builds its own on first use.
   */
  matcherFor?: MatcherSource;
}

/** The matcher for a knowledge base with these settings; may build it or find it cached. */
export type MatcherSource = (kb: KnowledgeBase, settings: MatcherSettings) => Matcher;

/** A matcher source for one service: the last base's matcher, built on first use. */
export function ownMatcher(): MatcherSource {
  let last: { kb: KnowledgeBase; settings: MatcherSettings; matcher: Matcher } | undefined;
  return (kb, settings) => {
    if (last?.kb !== kb || last.settings !== settings) last = { kb, settings, matcher: buildMatcher(kb, settings) };
    return last.matcher;
  };
}

export interface ChooseOptions {
  /** Post in public even without a target ("Post in channel" / "Share in channel"). */
  share?: boolean;
  /** The ask whose suggestions or menu this choice came from, to link the pick to its wording. */
  fromAskId?: string;
}

/** What the language of a reply is chosen from: the member's locale and where they asked. */
export type LanguagePlace = Partial<Pick<Query, 'locale' | 'placeLocale' | 'channelId' | 'channelParents' | 'direct'>>;

/** A claim this service holds for an answer until its post is known to have gone out. */
type Held = Extract<Claim, { claimed: true }>;

const HELP_WORDS = new Set(['', 'help', '?', 'topics', 'list']);

export class AnswerService {
  private kb: KnowledgeBase;
  private readonly matcherFor: MatcherSource;
  /** A matcher per view of a base with restricted entries (restricted.ts), built on first use. */
  private views = new Map<string, Matcher>();
  /** Built on the first autocomplete of a large base; a new base gets a new one. */
  private shortlister: BoundedAutocomplete | undefined;
  private readonly policy: PolicySettings;
  private readonly matcherSettings: MatcherSettings;
  private readonly state: SharedState;
  private readonly channels: ChannelSettings;
  private readonly handoffSettings: HandoffSettings;
  /** What each recent ask said, for the helpers' thread when its "Ask a human" is pressed. */
  private readonly questions = new Map<string, string>();
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly askCounts = new Map<string, number>();
  /** Cooldowns each recent public answer claimed, so a failed post can give them back. */
  private readonly started = new Map<string, readonly Held[]>();
  /** Where asks, picks and votes are recorded, and figures read; fixed for the service's life. */
  private readonly recorder: AskRecorder | undefined;
  private readonly insights: InsightsReader | undefined;
  private readonly onAsk: AnswerServiceOptions['onAsk'];
  private readonly communityId: string | undefined;
  private readonly communityName: string;
  private readonly language: Language | undefined;

  constructor(options: AnswerServiceOptions) {
    this.policy = mergeSettings(DEFAULT_POLICY_SETTINGS, options.policy);
    this.matcherSettings = mergeSettings(DEFAULT_MATCHER_SETTINGS, options.matcher);
    this.channels = options.channels ?? DEFAULT_CHANNEL_SETTINGS;
    this.handoffSettings = mergeSettings(DEFAULT_HANDOFF_SETTINGS, options.handoff);
    this.kb = options.knowledge;
    this.matcherFor = options.matcherFor ?? ownMatcher();
    this.state = options.state ?? new MemoryState();
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => randomUUID());
    this.recorder = options.recorder;
    this.insights = options.insights;
    this.onAsk = options.onAsk;
    this.communityId = options.communityId;
    this.communityName = options.communityName ?? 'default';
    this.language = options.language;
    this.seedPopularity();
  }

  get knowledge(): KnowledgeBase {
    return this.kb;
  }

  /** Asked at each use rather than kept: a cache may drop it, and the next question rebuilds it. */
  private get matcher(): Matcher {
    return this.matcherFor(this.kb, this.matcherSettings);
  }

  /** Builds the matcher now, before the first question needs it (the bot does so at start-up). */
  warm(): void {
    void this.matcher;
  }

  /**
   * Swaps in a new knowledge base. The new matcher is built before the swap, so a question
   * asked meanwhile is answered from the old one, never from half of each.
   */
  replaceKnowledge(kb: KnowledgeBase): void {
    this.matcherFor(kb, this.matcherSettings);
    this.kb = kb;
    const warm = this.shortlister !== undefined;
    this.views = new Map();
    this.shortlister = undefined;
    // A running bot keeps the next keystroke from paying for the new index.
    if (warm) this.prepareAutocomplete();
  }

  /**
   * Builds a large base's autocomplete index now (a second or two at 10,000 entries) rather
   * than on the first keystroke, which has 3 s to be answered. The bot calls it at start-up.
   */
  prepareAutocomplete(): void {
    if (this.kb.entries.length <= MAX_CANDIDATES) return;
    this.shortlister ??= new BoundedAutocomplete(this.kb);
    this.shortlister.candidates('');
  }

  /** The bare matcher decision, for tools (eval, chat --explain). No policy, no records. */
  match(text: string, place: LanguagePlace = {}): Match {
    return this.matcher.inLanguage(this.languageOf(place)).match(text);
  }

  /**
   * Choices for a partly typed query. The work per keystroke is bounded (bounded-autocomplete.ts):
   * a small base is searched whole, a large one through a shortlist; either way on the end of
   * what was typed only. At most `limit` choices: the platform's, passed in by its adapter.
   */
  autocomplete(partial: string, limit: number, asker: Pick<Person, 'groups'> = {}, place: LanguagePlace = {}): AutocompleteChoice[] {
    const typed = typedPart(partial);
    const language = this.languageOf(place);
    // Entries the member may not see are left out; asking for that many more keeps the list full.
    const hidden = hasRestricted(this.kb) ? this.kb.entries.filter((e) => !canSee(e, asker.groups)).length : 0;
    const wanted = limit + hidden;
    let choices: AutocompleteChoice[];
    if (typed === '' || this.kb.entries.length <= MAX_CANDIDATES)
      choices = this.matcher.inLanguage(language).autocomplete(typed, wanted, this.askCounts);
    else {
      this.shortlister ??= new BoundedAutocomplete(this.kb);
      choices = this.shortlister.complete(typed, wanted, this.askCounts, language);
    }
    if (hidden === 0) return choices.slice(0, limit);
    return choices
      .filter((c) => {
        const e = this.kb.byId.get(c.entryId);
        return e !== undefined && canSee(e, asker.groups);
      })
      .slice(0, limit);
  }

  /**
   * The matcher over what this member may see: the whole base's when nothing is hidden from
   * them, else one built over their view (and kept for the next member with the same view).
   */
  private matcherOf(asker: Pick<Person, 'groups'>, language: Language): Matcher {
    const whole = this.matcher.inLanguage(language);
    const view = viewOf(this.kb, asker);
    if (view.knowledge === this.kb) return whole;
    let matcher = this.views.get(view.key);
    if (!matcher) {
      // The whole base's calibration: a view is the base minus a few entries, and asking the
      // same question must not meet a different bar depending on who asks.
      matcher = buildMatcher(view.knowledge, this.matcherSettings, this.matcher.calibration);
      if (this.views.size >= MAX_VIEWS) this.views.delete(this.views.keys().next().value!);
      this.views.set(view.key, matcher);
    }
    // The view's matcher for the language keeps the whole base's bar in that language too.
    return matcher.inLanguage(language, whole.calibration);
  }

  /**
   * The language a reply is in: the member's locale, else the channel's or the community's
   * configured language, else the place's locale (Discord's server language), among the
   * languages the knowledge speaks; else the knowledge's own.
   */
  languageOf(place: LanguagePlace): Language {
    const channel =
      place.channelId !== undefined && !place.direct
        ? this.channelRule({ channelId: place.channelId, ...(place.channelParents ? { channelParents: place.channelParents } : {}) })
            .language
        : undefined;
    return replyLanguage(this.kb, [place.locale, channel, this.language, place.placeLocale]);
  }

  /**
   * The rule for a channel: how mentions are answered there and whether `/faq` works. Adapters
   * ask before answering a mention (`ignore` means no reply at all) or autocompleting.
   */
  channelRule(where: Pick<Query, 'channelId' | 'channelParents'>): ChannelRule {
    const fallback: ChannelRule = { mention: this.policy.mentionRepliesPublic ? 'public' : 'private', slash: 'allow', help: false };
    return channelRule(this.channels, fallback, [where.channelId, ...(where.channelParents ?? [])]);
  }

  /** Whether any channel is a help forum or help channel (Discord then needs the Message Content intent). */
  get hasHelpChannels(): boolean {
    return Object.values(this.channels).some((rule) => rule.help === true);
  }

  /** Answers a question: the main entry point of every adapter. */
  async ask(query: Query): Promise<Reply> {
    const reply = this.offerHandoff(query, await this.decide(query));
    this.onAsk?.({ platform: query.platform, decision: reply.kind });
    return reply;
  }

  private async decide(query: Query): Promise<Reply> {
    const now = query.at ?? this.now();
    const askId = this.newId();
    const language = this.languageOf(query);
    const say = phrasesFor(language);
    if (query.via === 'command' && !query.direct) {
      const rule = this.channelRule(query);
      if (rule.slash === 'deny') return this.held(askId, language, 'slash-denied', 0, undefined, slashDeniedMessage(rule, say));
    }
    // The console is the operator at their own terminal, not a member: no rate limit for it.
    const waited =
      query.via === 'console'
        ? 0
        : await this.state.take(
            stateKeys.rateLimit(query.platform, query.asker.id),
            this.policy.rateLimitCount,
            this.policy.rateLimitWindowSeconds * 1000,
            now,
          );
    if (waited > 0) {
      return this.held(askId, language, 'rate-limit', waited, undefined, say.rateLimited(humanDuration(waited)));
    }
    const refused = this.refuseTarget(query, askId, language);
    if (refused) return refused;

    if (HELP_WORDS.has(query.text.trim().toLowerCase()) && !this.kb.byId.has(query.text.trim().toLowerCase())) {
      const reply = this.helpReply(askId, query.asker, language);
      this.record(query, askId, now, reply.kind, undefined, 0);
      return reply;
    }

    const matcher = this.matcherOf(query.asker, language);
    const inLanguage = (entries: readonly Entry[]) => entries.map((e) => localized(e, language));
    let match = matcher.match(query.text);
    // Whoever aims an answer at a member chose the entry on purpose: a mass mention in their
    // words is not spam (and pings nobody: replies mention only their target).
    if (match.smallTalk === 'spam' && aimedAt(query)) match = matcher.match(withoutMassMentions(query.text));
    const top = match.candidates[0];
    let reply: Reply;
    if (query.via === 'message-menu') {
      // The invoker picks what to post; show the best candidates privately whatever the decision.
      const candidates = inLanguage(match.candidates.slice(0, Math.max(this.matcherSettings.maxSuggestions, 5)).map((c) => c.entry));
      reply =
        candidates.length > 0
          ? { kind: 'suggest', askId, language, visibility: 'private', mention: [], candidates }
          : { kind: 'none', askId, language, visibility: 'private', mention: [], suggestions: this.pinnedTopics(5, query.asker, language) };
    } else if (match.decision === 'answer' && top) {
      reply = await this.answer(query, askId, top.entry, top.score, now, {}, language);
    } else if (match.decision === 'suggest') {
      reply = {
        kind: 'suggest',
        askId,
        language,
        visibility: this.undecidedVisibility(query),
        mention: [],
        candidates: inLanguage(match.candidates.slice(0, this.matcherSettings.maxSuggestions).map((c) => c.entry)),
      };
    } else if (match.smallTalk) {
      // Spam is never echoed in public; a greeting or thanks is answered where it was said.
      const visibility = match.smallTalk === 'spam' ? 'private' : this.undecidedVisibility(query);
      reply = { kind: 'none', askId, language, visibility, mention: [], suggestions: [], smallTalk: match.smallTalk };
    } else {
      reply = {
        kind: 'none',
        askId,
        language,
        visibility: this.undecidedVisibility(query),
        mention: [],
        suggestions: inLanguage(
          match.candidates.slice(0, Math.min(match.plausible, this.matcherSettings.maxSuggestions)).map((c) => c.entry),
        ),
      };
    }
    this.record(query, askId, now, match.decision, top?.entry.id, top?.score ?? 0);
    return reply;
  }

  /**
   * Answers with a chosen entry: a suggestion or related button clicked, a moderator's pick
   * from "Answer with FAQ", or "Post in channel". Policies apply as for ask().
   */
  async choose(query: Query, entryId: string, options: ChooseOptions = {}): Promise<Reply> {
    const now = query.at ?? this.now();
    const askId = this.newId();
    const language = this.languageOf(query);
    const entry = this.kb.byId.get(entryId);
    // An entry the member may not see is, for them, no entry at all.
    if (!entry || !canSee(entry, query.asker.groups)) {
      return { kind: 'none', askId, language, visibility: 'private', mention: [], suggestions: [] };
    }
    const refused = this.refuseTarget(query, askId, language);
    if (refused) return refused;
    this.recorder?.recordPick({
      ...asked(query, askId, now),
      entryId,
      ...(options.fromAskId ? { fromAskId: options.fromAskId } : {}),
    });
    this.countAsk(entryId);
    return this.answer(query, askId, entry, 1, now, options, language);
  }

  /**
   * The adapter could not post this public answer (no permission, channel gone): lift the
   * cooldowns it started, so asking again after fixing the cause is not held back.
   */
  async notDelivered(askId: string): Promise<void> {
    const started = this.started.get(askId);
    if (!started) return;
    this.started.delete(askId);
    await Promise.all(started.map((c) => this.state.release(c.key, c.token)));
  }

  /** What the bot knows about: for an empty query, `/faq help` and the console's start. */
  help(asker: Pick<Person, 'groups'> = {}, place: LanguagePlace = {}): Reply {
    return this.helpReply(this.newId(), asker, this.languageOf(place));
  }

  /** The week's figures for a moderator (`/faq-stats`); always private. */
  async stats(query: Pick<Query, 'asker'> & LanguagePlace & { at?: number }, days = 7): Promise<Reply> {
    const askId = this.newId();
    const language = this.languageOf(query);
    const say = phrasesFor(language);
    const base = { kind: 'stats' as const, askId, language, visibility: 'private' as const, mention: [] };
    if (!query.asker.isModerator) return { ...base, message: say.statsModeratorsOnly };
    const knowledge = this.knowledgeInUse();
    const insights = this.insights;
    if (!insights) return { ...base, knowledge, message: say.statsOff };
    const now = query.at ?? this.now();
    try {
      return { ...base, knowledge, summary: { ...(await insights.summary(now - days * 86_400_000, this.communityId)), days } };
    } catch {
      return { ...base, knowledge, message: say.statsUnreadable };
    }
  }

  /** Which knowledge answers here: told to moderators, who may not see the deployment's config. */
  knowledgeInUse(): KnowledgeInUse {
    return { community: this.communityName, title: this.kb.title, entries: this.kb.entries.length };
  }

  /**
   * A new post in a help forum or help channel (`help: true` in `channels:`), asked by nobody:
   * answered in public in its thread only when the matcher is sure beyond the stricter help bar,
   * and at most once per thread (claimed in the shared state). Undefined means stay silent.
   * The adapter passes only a thread's first post by a member, never a reply or a bot's post.
   */
  async helpPost(query: Query): Promise<Reply | undefined> {
    if (query.direct || !this.channelRule(query).help) return undefined;
    const now = query.at ?? this.now();
    const once = await this.state.claim(stateKeys.helpThread(query), HELP_THREAD_MS, now);
    if (!once.claimed) return undefined;
    const language = this.languageOf(query);
    const matcher = this.matcherOf(query.asker, language);
    const match = helpDecision(matcher.match(query.text), helpBar(matcher, this.matcherSettings.helpQuantile));
    const top = match.candidates[0];
    // A limited entry is never posted for everyone.
    if (match.decision !== 'answer' || !top || top.entry.restrictedTo) return undefined;
    const askId = this.newId();
    const reply = await this.answer(query, askId, top.entry, top.score, now, {}, language);
    if (reply.kind !== 'answer') return undefined;
    this.record(query, askId, now, 'answer', top.entry.id, top.score);
    this.onAsk?.({ platform: query.platform, decision: reply.kind });
    return this.offerHandoff(query, reply);
  }

  /**
   * "Ask a human" pressed: allowed once per ask, and at most once per member and per channel
   * within the configured cooldowns; recorded in the insights. The adapter then pings the
   * helpers once, in a thread with the question, and shows `message` privately when refused.
   */
  async handoff(request: HandoffRequest): Promise<HandoffDecision> {
    const say = phrasesFor(this.languageOf(request));
    const helpers = helpersOn(this.handoffSettings, request.platform);
    if (!helpers) return { allowed: false, message: say.handoffOff };
    const now = this.now();
    const once = await this.state.claim(stateKeys.handoffAsk(request.platform, request.askId), 30 * 86_400_000, now);
    if (!once.claimed) return { allowed: false, message: say.handoffAlready };
    const member = await this.claim(
      stateKeys.handoffMember(request.platform, request.by.id),
      this.handoffSettings.memberCooldownSeconds,
      now,
    );
    const channel = member.claimed
      ? await this.claim(stateKeys.handoffChannel(request), this.handoffSettings.channelCooldownSeconds, now)
      : undefined;
    if (!member.claimed || !channel?.claimed) {
      // Nothing is posted: the claims that were taken are given back, so asking later works.
      const taken = [once, member, channel].filter((c): c is Held => c?.claimed === true && c.token !== '');
      await Promise.all(taken.map((c) => this.state.release(c.key, c.token)));
      return !member.claimed
        ? { allowed: false, message: say.handoffWaitMember(humanDuration(member.remainingMs)) }
        : { allowed: false, message: say.handoffWaitChannel(humanDuration((channel as Extract<Claim, { claimed: false }>).remainingMs)) };
    }
    const taken = [once, member, channel].filter((c): c is Held => c?.claimed === true && c.token !== '');
    this.started.set(`handoff:${request.askId}`, taken);
    if (this.started.size > 1000) this.started.delete(this.started.keys().next().value!);
    this.recorder?.recordHandoff?.({
      askId: request.askId,
      at: now,
      platform: request.platform,
      communityId: request.communityId,
      channelId: request.channelId,
      askerId: request.by.id,
      ...(request.entryId ? { entryId: request.entryId } : {}),
    });
    const words = this.questions.get(request.askId);
    const entry = request.entryId ? this.kb.byId.get(request.entryId) : undefined;
    return { allowed: true, helpers, question: words || entry?.question || 'a question the bot could not answer' };
  }

  /**
   * The adapter could not ping the helpers (no permission to start a thread, channel gone):
   * give back the hand-off's limits so the member can press again once the cause is fixed.
   */
  async handoffNotDelivered(askId: string): Promise<void> {
    await this.notDelivered(`handoff:${askId}`);
  }

  /** Marks replies that carry "Ask a human", and remembers what was asked for the helpers. */
  private offerHandoff(query: Query, reply: Reply): Reply {
    const offered =
      (reply.kind === 'answer' || reply.kind === 'suggest' || (reply.kind === 'none' && !reply.smallTalk)) &&
      helpersOn(this.handoffSettings, query.platform) !== undefined &&
      !query.direct &&
      query.via !== 'direct-message' &&
      query.via !== 'console' &&
      query.via !== 'message-menu' &&
      !aimedAt(query);
    if (!offered) return reply;
    this.questions.set(reply.askId, query.text.slice(0, 500));
    if (this.questions.size > 2000) this.questions.delete(this.questions.keys().next().value!);
    return { ...reply, handoff: true };
  }

  feedback(feedback: Feedback): void {
    this.recorder?.recordFeedback({ ...feedback, at: this.now() });
  }

  /**
   * "Dismiss" on a public answer: allowed for the asker, the member it was for and moderators,
   * and then recorded as the clicker's "Not helpful" (an answer someone removed did not help).
   * The adapter deletes the message when allowed, and shows `message` privately when not.
   */
  dismiss(request: DismissRequest): DismissDecision {
    if (!mayDismiss(request.by, request.dismissers))
      return { allowed: false, message: phrasesFor(this.languageOf(request)).dismissRefused };
    this.feedback({
      askId: request.askId,
      entryId: request.entryId,
      helpful: false,
      by: request.by,
      platform: request.platform,
      ...(request.communityId !== undefined ? { communityId: request.communityId } : {}),
    });
    return { allowed: true };
  }

  /** `base`: the entry as the knowledge has it; the reply carries it (and its related entries) in `language`. */
  private async answer(
    query: Query,
    askId: string,
    base: Entry,
    score: number,
    now: number,
    options: ChooseOptions,
    language: Language,
  ): Promise<Reply> {
    const say = phrasesFor(language);
    const entry = localized(base, language);
    const related = entry.related
      .flatMap((id) => this.kb.byId.get(id) ?? [])
      .filter((e) => canSee(e, query.asker.groups))
      .map((e) => localized(e, language));
    const target = aimedAt(query);
    if (entry.restrictedTo && (target || options.share)) {
      // The bot cannot tell who else reads a channel: a limited entry is never posted for others.
      return this.held(askId, language, 'restricted', 0, entry, say.restrictedNotPosted);
    }
    // A limited entry is answered to the asker alone, wherever the bot would answer in public.
    const visibility: Visibility = target || options.share ? 'public' : entry.restrictedTo ? 'private' : this.defaultVisibility(query);
    if (visibility === 'public') {
      // Each cooldown is claimed atomically, so two replicas asked at once post only one answer.
      const targetClaim = target
        ? await this.claim(stateKeys.targetCooldown(query.platform, target.id, entry.id), this.policy.targetCooldownSeconds, now)
        : undefined;
      if (targetClaim && !targetClaim.claimed) {
        return this.held(
          askId,
          language,
          'target-cooldown',
          targetClaim.remainingMs,
          entry,
          say.targetCooldown(entry.question, humanDuration(targetClaim.remainingMs)),
        );
      }
      const channelClaim = await this.claim(stateKeys.channelCooldown(query, entry.id), this.policy.channelCooldownSeconds, now);
      const held = [targetClaim, channelClaim].filter((c): c is Held => c?.claimed === true);
      if (!channelClaim.claimed) {
        // Nothing is sent: the member's cooldown must not hold back the answer elsewhere.
        await Promise.all(held.map((c) => this.state.release(c.key, c.token)));
        return this.held(
          askId,
          language,
          'channel-cooldown',
          channelClaim.remainingMs,
          entry,
          say.channelCooldown(entry.question, query.threadId !== undefined, humanDuration(channelClaim.remainingMs)),
        );
      }
      this.started.set(askId, held);
      if (this.started.size > 1000) this.started.delete(this.started.keys().next().value!);
    }
    this.countAsk(entry.id);
    const suggestedBy = target || (options.share && visibility === 'public') ? query.asker : undefined;
    // In a direct message there is no one else to spare the answer; everywhere else it can go.
    const dismissible = visibility === 'public' && query.via !== 'direct-message' && query.direct !== true;
    return {
      kind: 'answer',
      askId,
      language,
      visibility,
      entry,
      related,
      score,
      mention: target ? [target] : [],
      ...(suggestedBy ? { suggestedBy } : {}),
      ...(dismissible ? { dismissibleBy: { askerId: query.asker.id, ...(target ? { targetId: target.id } : {}) } } : {}),
    };
  }

  /** A cooldown of 0 s is off: nothing to claim, nothing kept. */
  private async claim(key: string, seconds: number, now: number): Promise<Claim> {
    if (seconds <= 0) return { claimed: true, key, token: '' };
    return this.state.claim(key, seconds * 1000, now);
  }

  private refuseTarget(query: Query, askId: string, language: Language): HeldReply | undefined {
    if (!aimedAt(query)) return undefined;
    if (this.policy.targeting === 'moderators' && !query.asker.isModerator) {
      return this.held(askId, language, 'not-allowed-to-target', 0, undefined, phrasesFor(language).notAllowedToTarget);
    }
    return undefined;
  }

  private defaultVisibility(query: Query): Visibility {
    // A direct message is no channel: only the policy applies there.
    if (query.via === 'direct-message') return this.policy.mentionRepliesPublic ? 'public' : 'private';
    if (query.via === 'mention') return this.channelRule(query).mention === 'public' ? 'public' : 'private';
    if (query.via === 'help-post') return 'public';
    // The console is one person's terminal: nothing is posted for others, so no cooldown holds it.
    if (query.via === 'console') return 'private';
    return 'private';
  }

  /** Suggestions and "no answer" go to the asker alone when they asked by command or for someone else. */
  private undecidedVisibility(query: Query): Visibility {
    if (aimedAt(query)) return 'private';
    return this.defaultVisibility(query);
  }

  private held(
    askId: string,
    language: Language,
    reason: HoldReason,
    retryAfterMs: number,
    entry: Entry | undefined,
    message: string,
  ): HeldReply {
    return {
      kind: 'held',
      askId,
      language,
      visibility: 'private',
      mention: [],
      reason,
      retryAfterMs,
      message,
      ...(entry ? { entry } : {}),
    };
  }

  private helpReply(askId: string, asker: Pick<Person, 'groups'>, language: Language): Reply {
    const footer = this.kb.files.find((f) => f.footer)?.footer;
    return {
      kind: 'help',
      askId,
      language,
      visibility: 'private',
      mention: [],
      title: this.kb.title,
      topics: this.pinnedTopics(10, asker, language),
      entryCount: viewOf(this.kb, asker).knowledge.entries.length,
      ...(footer ? { footer } : {}),
    };
  }

  /** Pinned entries first, then the most asked, then knowledge-base order; in the reply's language. */
  private pinnedTopics(limit: number, asker: Pick<Person, 'groups'>, language: Language): Entry[] {
    return leadingEntries(viewOf(this.kb, asker).knowledge, this.askCounts, limit).map((e) => localized(e, language));
  }

  /** The most asked entries of the last 30 days lead an empty autocomplete box from the start. */
  private seedPopularity(): void {
    // Popularity is a nicety: an unreadable store leaves the pinned and file order.
    const seed = (summary: InsightsSummary) => {
      for (const { entryId, count } of summary.topEntries) this.askCounts.set(entryId, count);
    };
    try {
      const summary = this.insights?.summary(this.now() - 30 * 86_400_000, this.communityId);
      // A local store answers at once (seeded before the first autocomplete); a remote one soon after.
      if (summary instanceof Promise) summary.then(seed, () => undefined);
      else if (summary) seed(summary);
    } catch {
      // As above.
    }
  }

  private countAsk(entryId: string): void {
    this.askCounts.set(entryId, (this.askCounts.get(entryId) ?? 0) + 1);
  }

  private record(query: Query, askId: string, at: number, decision: string, entryId: string | undefined, score: number): void {
    // Console asks are the operator trying the bot out; mixed in, they would skew the insights
    // of real traffic (most asked, unanswered, /faq-stats).
    if (query.via === 'console') return;
    this.recorder?.recordAsk({
      ...asked(query, askId, at),
      decision,
      entryId,
      score,
    });
  }
}

/** What every record of a question keeps of it: when, where, who and how it was asked. */
function asked(query: Query, askId: string, at: number) {
  return {
    askId,
    at,
    platform: query.platform,
    communityId: query.communityId,
    channelId: query.channelId,
    askerId: query.asker.id,
    via: query.via,
    text: query.text,
  };
}

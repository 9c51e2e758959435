// The platform-neutral heart the adapters call. It matches, applies the policies (who sees
// what, cooldowns, rate limits, who may target whom) and returns a Reply for the adapter to
// render. It never talks to a platform.
import { withoutMassMentions } from '../text/small-talk.js';
import { randomUUID } from 'node:crypto';
import type { PolicySettings, MatcherSettings } from '../config.js';
import { defaultSettings } from '../config.js';
import type {
  AutocompleteChoice,
  Entry,
  Feedback,
  HeldReply,
  HoldReason,
  KnowledgeBase,
  Match,
  Query,
  Reply,
  Visibility,
} from '../domain.js';
import { leadingEntries } from '../match/autocomplete.js';
import { buildMatcher, type Matcher } from '../match/matcher.js';
import { Cooldowns, RateLimiter, conversationKey, humanDuration } from './policy.js';
import type { AskRecorder, InsightsReader } from './recorder.js';

export interface AnswerServiceOptions {
  knowledge: KnowledgeBase;
  policy?: Partial<PolicySettings>;
  matcher?: Partial<MatcherSettings>;
  recorder?: AskRecorder;
  insights?: InsightsReader;
  now?: () => number;
  /** Makes ask ids; tests pass a counter. */
  newId?: () => string;
  /** Told of every ask's outcome (the metrics count asks by platform and reply kind). */
  onAsk?: (outcome: { readonly platform: string; readonly decision: Reply['kind'] }) => void;
}

export interface ChooseOptions {
  /** Post in public even without a target ("Post in channel" / "Share in channel"). */
  share?: boolean;
  /** The ask whose suggestions or menu this choice came from, to link the pick to its wording. */
  fromAskId?: string;
}

const HELP_WORDS = new Set(['', 'help', '?', 'topics', 'list']);

export class AnswerService {
  private kb: KnowledgeBase;
  private matcher: Matcher;
  private readonly policy: PolicySettings;
  private readonly matcherSettings: MatcherSettings;
  private readonly channelCooldowns: Cooldowns;
  private readonly targetCooldowns: Cooldowns;
  private readonly rateLimiter: RateLimiter;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly askCounts = new Map<string, number>();
  /** Cooldowns each recent public answer started, so a failed post can give them back. */
  private readonly started = new Map<string, { channel: [string, number | undefined]; target?: [string, number | undefined] }>();
  recorder: AskRecorder | undefined;
  insights: InsightsReader | undefined;
  private readonly onAsk: AnswerServiceOptions['onAsk'];

  constructor(options: AnswerServiceOptions) {
    this.policy = { ...defaultSettings.policy, ...options.policy };
    this.matcherSettings = { ...defaultSettings.matcher, ...options.matcher };
    this.kb = options.knowledge;
    this.matcher = buildMatcher(this.kb, this.matcherSettings);
    this.channelCooldowns = new Cooldowns(this.policy.channelCooldownSeconds * 1000);
    this.targetCooldowns = new Cooldowns(this.policy.targetCooldownSeconds * 1000);
    this.rateLimiter = new RateLimiter(this.policy.rateLimitCount, this.policy.rateLimitWindowSeconds * 1000);
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => randomUUID());
    this.recorder = options.recorder;
    this.insights = options.insights;
    this.onAsk = options.onAsk;
    this.seedPopularity();
  }

  get knowledge(): KnowledgeBase {
    return this.kb;
  }

  /**
   * Swaps in a new knowledge base. The new matcher is built before the swap, so a question
   * asked meanwhile is answered from the old one, never from half of each.
   */
  replaceKnowledge(kb: KnowledgeBase): void {
    const matcher = buildMatcher(kb, this.matcherSettings);
    this.kb = kb;
    this.matcher = matcher;
  }

  /** The bare matcher decision, for tools (eval, chat --explain). No policy, no records. */
  match(text: string): Match {
    return this.matcher.match(text);
  }

  autocomplete(partial: string): AutocompleteChoice[] {
    return this.matcher.autocomplete(partial, 25, this.askCounts);
  }

  /** Answers a question: the main entry point of every adapter. */
  ask(query: Query): Reply {
    const reply = this.decide(query);
    this.onAsk?.({ platform: query.platform, decision: reply.kind });
    return reply;
  }

  private decide(query: Query): Reply {
    const now = query.at ?? this.now();
    const askId = this.newId();
    // The console is the operator at their own terminal, not a member: no rate limit for it.
    const waited = query.via === 'console' ? 0 : this.rateLimiter.take(`${query.platform}:${query.asker.id}`, now);
    if (waited > 0) {
      return this.held(askId, 'rate-limit', waited, undefined,
        `You are asking faster than the bot answers; try again in ${humanDuration(waited)}.`);
    }
    const refused = this.refuseTarget(query, askId);
    if (refused) return refused;

    if (HELP_WORDS.has(query.text.trim().toLowerCase()) && !this.kb.byId.has(query.text.trim().toLowerCase())) {
      const reply = this.helpReply(askId);
      this.record(query, askId, now, reply.kind, undefined, 0);
      return reply;
    }

    let match = this.matcher.match(query.text);
    // Whoever aims an answer at a member chose the entry on purpose: a mass mention in their
    // words is not spam (and pings nobody: replies mention only their target).
    if (match.smallTalk === 'spam' && query.target) match = this.matcher.match(withoutMassMentions(query.text));
    const top = match.candidates[0];
    let reply: Reply;
    if (query.via === 'message-menu') {
      // The invoker picks what to post; show the best candidates privately whatever the decision.
      const candidates = match.candidates.slice(0, Math.max(this.matcherSettings.maxSuggestions, 5)).map((c) => c.entry);
      reply = candidates.length > 0
        ? { kind: 'suggest', askId, visibility: 'private', mention: [], candidates }
        : { kind: 'none', askId, visibility: 'private', mention: [], suggestions: this.pinnedTopics(5) };
    } else if (match.decision === 'answer' && top) {
      reply = this.answer(query, askId, top.entry, top.score, now, {});
    } else if (match.decision === 'suggest') {
      reply = {
        kind: 'suggest', askId, visibility: this.undecidedVisibility(query), mention: [],
        candidates: match.candidates.slice(0, this.matcherSettings.maxSuggestions).map((c) => c.entry),
      };
    } else if (match.smallTalk) {
      // Spam is never echoed in public; a greeting or thanks is answered where it was said.
      const visibility = match.smallTalk === 'spam' ? 'private' : this.undecidedVisibility(query);
      reply = { kind: 'none', askId, visibility, mention: [], suggestions: [], smallTalk: match.smallTalk };
    } else {
      reply = {
        kind: 'none', askId, visibility: this.undecidedVisibility(query), mention: [],
        suggestions: match.candidates.slice(0, Math.min(match.plausible, this.matcherSettings.maxSuggestions)).map((c) => c.entry),
      };
    }
    this.record(query, askId, now, match.decision, top?.entry.id, top?.score ?? 0);
    return reply;
  }

  /**
   * Answers with a chosen entry: a suggestion or related button clicked, a moderator's pick
   * from "Answer with FAQ", or "Post in channel". Policies apply as for ask().
   */
  choose(query: Query, entryId: string, options: ChooseOptions = {}): Reply {
    const now = query.at ?? this.now();
    const askId = this.newId();
    const entry = this.kb.byId.get(entryId);
    if (!entry) {
      return { kind: 'none', askId, visibility: 'private', mention: [], suggestions: [] };
    }
    const refused = this.refuseTarget(query, askId);
    if (refused) return refused;
    this.recorder?.recordPick({
      askId, at: now, platform: query.platform, communityId: query.communityId, channelId: query.channelId,
      askerId: query.asker.id, via: query.via, text: query.text, entryId,
      ...(options.fromAskId ? { fromAskId: options.fromAskId } : {}),
    });
    this.countAsk(entryId);
    return this.answer(query, askId, entry, 1, now, options);
  }

  /**
   * The adapter could not post this public answer (no permission, channel gone): lift the
   * cooldowns it started, so asking again after fixing the cause is not held back.
   */
  notDelivered(askId: string): void {
    const started = this.started.get(askId);
    if (!started) return;
    this.started.delete(askId);
    this.channelCooldowns.undo(...started.channel);
    if (started.target) this.targetCooldowns.undo(...started.target);
  }

  /** What the bot knows about: for an empty query, `/faq help` and the console's start. */
  help(): Reply {
    return this.helpReply(this.newId());
  }

  /** The week's figures for a moderator (`/faq-stats`); always private. */
  stats(query: Pick<Query, 'asker'> & { at?: number }, days = 7): Reply {
    const askId = this.newId();
    const base = { kind: 'stats' as const, askId, visibility: 'private' as const, mention: [] };
    if (!query.asker.isModerator) return { ...base, message: 'Only moderators can see the FAQ statistics.' };
    if (!this.insights) return { ...base, message: 'No statistics are kept: the insights store is off (see README "Insights").' };
    const now = query.at ?? this.now();
    try {
      return { ...base, summary: this.insights.summary(now - days * 86_400_000) };
    } catch {
      return { ...base, message: 'The statistics could not be read just now; the bot keeps answering. Check the bot\'s log.' };
    }
  }

  feedback(feedback: Feedback): void {
    this.recorder?.recordFeedback({ ...feedback, at: this.now() });
  }

  private answer(query: Query, askId: string, entry: Entry, score: number, now: number, options: ChooseOptions): Reply {
    const related = entry.related.flatMap((id) => this.kb.byId.get(id) ?? []);
    const target = query.target && query.target.id !== query.asker.id ? query.target : undefined;
    const visibility: Visibility = target || options.share ? 'public' : this.defaultVisibility(query);
    if (visibility === 'public') {
      const channelKey = `${conversationKey(query)}:${entry.id}`;
      const targetKey = target ? `${query.platform}:${target.id}:${entry.id}` : undefined;
      const targetWait = targetKey ? this.targetCooldowns.remaining(targetKey, now) : 0;
      if (targetWait > 0) {
        return this.held(askId, 'target-cooldown', targetWait, entry,
          `"${entry.question}" was already sent to that member recently; it can be sent to them again in ${humanDuration(targetWait)}.`);
      }
      const channelWait = this.channelCooldowns.remaining(channelKey, now);
      if (channelWait > 0) {
        return this.held(askId, 'channel-cooldown', channelWait, entry,
          `"${entry.question}" was posted in this ${query.threadId ? 'thread' : 'channel'} moments ago; scroll up, or post it again in ${humanDuration(channelWait)}.`);
      }
      const channel: [string, number | undefined] = [channelKey, this.channelCooldowns.fire(channelKey, now)];
      const started = targetKey ? { channel, target: [targetKey, this.targetCooldowns.fire(targetKey, now)] as [string, number | undefined] } : { channel };
      this.started.set(askId, started);
      if (this.started.size > 1000) this.started.delete(this.started.keys().next().value!);
    }
    this.countAsk(entry.id);
    const suggestedBy = target || (options.share && visibility === 'public') ? query.asker : undefined;
    return {
      kind: 'answer', askId, visibility, entry, related, score,
      mention: target ? [target] : [],
      ...(suggestedBy ? { suggestedBy } : {}),
    };
  }

  private refuseTarget(query: Query, askId: string): HeldReply | undefined {
    if (!query.target || query.target.id === query.asker.id) return undefined;
    if (this.policy.targeting === 'moderators' && !query.asker.isModerator) {
      return this.held(askId, 'not-allowed-to-target', 0, undefined,
        'Only moderators can send an answer to another member here. Ask without naming a member to see the answer yourself.');
    }
    return undefined;
  }

  private defaultVisibility(query: Query): Visibility {
    if (query.via === 'mention' || query.via === 'direct-message') return this.policy.mentionRepliesPublic ? 'public' : 'private';
    // The console is one person's terminal: nothing is posted for others, so no cooldown holds it.
    if (query.via === 'console') return 'private';
    return 'private';
  }

  /** Suggestions and "no answer" go to the asker alone when they asked by command or for someone else. */
  private undecidedVisibility(query: Query): Visibility {
    if (query.target) return 'private';
    return this.defaultVisibility(query);
  }

  private held(askId: string, reason: HoldReason, retryAfterMs: number, entry: Entry | undefined, message: string): HeldReply {
    return { kind: 'held', askId, visibility: 'private', mention: [], reason, retryAfterMs, message, ...(entry ? { entry } : {}) };
  }

  private helpReply(askId: string): Reply {
    const footer = this.kb.files.find((f) => f.footer)?.footer;
    return {
      kind: 'help', askId, visibility: 'private', mention: [], title: this.kb.title,
      topics: this.pinnedTopics(10), entryCount: this.kb.entries.length,
      ...(footer ? { footer } : {}),
    };
  }

  /** Pinned entries first, then the most asked, then knowledge-base order. */
  private pinnedTopics(limit: number): Entry[] {
    return leadingEntries(this.kb, this.askCounts, limit);
  }


  /** The most asked entries of the last 30 days lead an empty autocomplete box from the start. */
  private seedPopularity(): void {
    try {
      const summary = this.insights?.summary(this.now() - 30 * 86_400_000);
      for (const { entryId, count } of summary?.topEntries ?? []) this.askCounts.set(entryId, count);
    } catch {
      // Popularity is a nicety: an unreadable store leaves the pinned and file order.
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
      askId, at, platform: query.platform, communityId: query.communityId, channelId: query.channelId,
      askerId: query.asker.id, via: query.via, text: query.text, decision, entryId, score,
    });
  }
}


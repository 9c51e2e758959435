// One deployment, many communities: each Discord guild or Slack workspace is answered by its
// own AnswerService (its knowledge, policy and matcher settings, cooldowns, insights scope),
// chosen by the Query's communityId. Matchers are built on first use and kept in an LRU keyed
// by knowledge version and settings, so communities on the same knowledge share one, and a
// deployment with hundreds of communities holds only the matchers in use.
import { join } from 'node:path';
import { checkoutFor, type GitCheckout } from '../knowledge/git-source.js';
import type { GitKnowledgeSettings } from '../knowledge/git-settings.js';
import type { MatcherSettings } from '../match/settings.js';
import { DEFAULT_CHANNEL_SETTINGS, type ChannelRule, type ChannelSettings } from './channel-settings.js';
import { DEFAULT_COMMUNITY, type CommunitiesSettings, type KnowledgeSource } from './community-settings.js';
import type { PolicySettings } from './policy-settings.js';
import { mergeSettings } from '../settings/merge.js';
import type {
  AutocompleteChoice,
  DismissDecision,
  DismissRequest,
  Feedback,
  HandoffDecision,
  HandoffRequest,
  KnowledgeBase,
  Person,
  Query,
  Reply,
} from '../domain.js';
import { buildMatcher, type Matcher } from '../match/matcher.js';
import { AnswerService, type AnswerServiceOptions, type ChooseOptions, type LanguagePlace, type MatcherSource } from './answer-service.js';
import type { Language } from '../language/languages.js';
import { Lru } from './lru.js';
import { stateKeys } from './policy.js';
import { PrefixedState } from './prefixed-state.js';
import { MemoryState, type SharedState } from './shared-state.js';

/** What adapters call: every method finds the community by the guild or workspace id it is given. */
export interface Answerer {
  ask(query: Query): Promise<Reply>;
  choose(query: Query, entryId: string, options?: ChooseOptions): Promise<Reply>;
  notDelivered(askId: string): Promise<void>;
  stats(query: Pick<Query, 'asker' | 'communityId'> & LanguagePlace & { at?: number }, days?: number): Promise<Reply>;
  /** At most `limit` choices: the platform's, passed in by its adapter. `place`: the member's locale and channel, for the language of the labels. */
  autocomplete(
    partial: string,
    limit: number,
    communityId?: string,
    asker?: Pick<Person, 'groups'>,
    place?: LanguagePlace,
  ): AutocompleteChoice[];
  /** The language to tell a member something in (a thank-you after a click): as a reply to them would be. */
  languageOf(place: LanguagePlace & Pick<Query, 'communityId'>): Language;
  channelRule(where: Pick<Query, 'channelId' | 'channelParents' | 'communityId'>): ChannelRule;
  knowledgeFor(communityId?: string): KnowledgeBase;
  /** Every knowledge base in use, e.g. to know which user groups restrict entries anywhere. */
  knowledgeBases(): readonly KnowledgeBase[];
  /**
   * Which of a place's ids names its community, nearest first (a Slack workspace, then its
   * Enterprise Grid organisation): the first one `communities:` lists, else the first given.
   */
  communityOf(ids: readonly (string | undefined)[]): string | undefined;
  feedback(feedback: Feedback): void;
  dismiss(request: DismissRequest): DismissDecision;
  /** Whether any channel is a help forum or help channel (`help: true`); the channel rules are the deployment's. */
  readonly hasHelpChannels: boolean;
  helpPost(query: Query): Promise<Reply | undefined>;
  handoff(request: HandoffRequest): Promise<HandoffDecision>;
  handoffNotDelivered(askId: string): Promise<void>;
}

/** One community as configured, its knowledge already resolved to a path. */
export interface CommunityPlan {
  /** The config key: a guild or workspace id, or "default". */
  readonly key: string;
  readonly name: string;
  readonly knowledgePath: string;
  /** The setting that named the knowledge (`communities.ID.knowledge`, `--knowledge`); absent: knowledgeDir. */
  readonly knowledgeFrom?: string;
  /** When the knowledge comes from a git repository: its clone, which holds knowledgePath. */
  readonly git?: GitCheckout;
  readonly policy: Partial<PolicySettings>;
  readonly matcher: Partial<MatcherSettings>;
  /** `communities.<id>.language`: the community's language for asks without a locale it speaks. */
  readonly language?: Language;
}

/** How many matchers are kept built at once by default; one per knowledge base in use. */
export const MATCHER_CACHE_SIZE = 64;
/** How many communities keep their service (popularity counts, cooldowns to give back) at once. */
export const SERVICE_CACHE_SIZE = 10_000;

export interface CommunityRouterOptions extends Omit<
  AnswerServiceOptions,
  'knowledge' | 'policy' | 'matcher' | 'communityId' | 'communityName' | 'matcherFor'
> {
  /** The default community first or anywhere; the rest are looked up by key. */
  readonly communities: readonly CommunityPlan[];
  /** Each knowledge path's base, loaded once by the caller (I/O stays at the edge). */
  readonly knowledge: (path: string) => KnowledgeBase;
  readonly matcherCacheSize?: number;
  readonly serviceCacheSize?: number;
  /** Whether communities are configured at all: only then are state keys prefixed per community. */
  readonly separate?: boolean;
}

/**
 * The plans for `communities:`: the listed ones, and the default (the top-level knowledge,
 * policy and matcher, with `communities.default` over them). Pure: paths are resolved by `resolvePath`.
 */
export function planCommunities(
  settings: {
    knowledgeDir: string;
    communities: CommunitiesSettings;
    policy: PolicySettings;
    matcher: MatcherSettings;
    gitKnowledge: GitKnowledgeSettings;
  },
  resolvePath: (path: string) => string,
  knowledgeOverride?: string,
): CommunityPlan[] {
  const listed = settings.communities;
  // A git source is read from its clone in the cache: the same URL and branch, the same clone.
  const place = (source: KnowledgeSource): Pick<CommunityPlan, 'knowledgePath' | 'git'> => {
    if (typeof source === 'string') return { knowledgePath: resolvePath(source) };
    const git = checkoutFor(resolvePath(settings.gitKnowledge.cacheDir), source);
    return { knowledgePath: source.path ? join(git.dir, source.path) : git.dir, git };
  };
  const plan = (
    key: string,
    over: CommunitiesSettings[string] | undefined,
    fallbackPath: string,
    from = `communities.${key}.knowledge`,
  ): CommunityPlan => ({
    key,
    name: over?.name ?? key,
    ...place(over?.knowledge ?? fallbackPath),
    ...(over?.knowledge !== undefined ? { knowledgeFrom: from } : {}),
    policy: mergeSettings(settings.policy, over?.policy),
    matcher: mergeSettings(settings.matcher, over?.matcher),
    ...(over?.language ? { language: over.language } : {}),
  });
  // `--knowledge` replaces the default community's knowledge, as it replaces the single one.
  const defaultPlan = knowledgeOverride
    ? plan(DEFAULT_COMMUNITY, { ...listed[DEFAULT_COMMUNITY], knowledge: knowledgeOverride }, settings.knowledgeDir, '--knowledge')
    : plan(DEFAULT_COMMUNITY, listed[DEFAULT_COMMUNITY], settings.knowledgeDir);
  return [
    defaultPlan,
    ...Object.entries(listed)
      .filter(([key]) => key !== DEFAULT_COMMUNITY)
      .map(([key, over]) => plan(key, over, settings.knowledgeDir)),
  ];
}

/** Each knowledge base gets a number, so a reloaded base never finds its predecessor's matcher. */
const versions = new WeakMap<KnowledgeBase, number>();
let lastVersion = 0;
function versionOf(kb: KnowledgeBase): number {
  let v = versions.get(kb);
  if (v === undefined) versions.set(kb, (v = ++lastVersion));
  return v;
}

export class CommunityRouter implements Answerer {
  private readonly plans = new Map<string, CommunityPlan>();
  private readonly defaultPlan: CommunityPlan;
  /** The current base of each knowledge path; communities on one path share it. */
  private readonly bases = new Map<string, KnowledgeBase>();
  private readonly matchers: Lru<string, Matcher>;
  private readonly services: Lru<string, AnswerService>;
  /** Which service gave out an ask id, for notDelivered. */
  private readonly askedAt = new Lru<string, AnswerService>(1000);
  /** Which service took a hand-off, for handoffNotDelivered. */
  private readonly handedOff = new Lru<string, AnswerService>(1000);
  private readonly state: SharedState;
  private readonly matcherFor: MatcherSource;
  private builds = 0;
  private readonly communities = new WeakMap<AnswerService, string | undefined>();

  constructor(private readonly options: CommunityRouterOptions) {
    for (const plan of options.communities) this.plans.set(plan.key, plan);
    const fallback = this.plans.get(DEFAULT_COMMUNITY);
    if (!fallback) throw new Error('the communities need a default');
    this.defaultPlan = fallback;
    for (const plan of options.communities)
      if (!this.bases.has(plan.knowledgePath)) this.bases.set(plan.knowledgePath, options.knowledge(plan.knowledgePath));
    this.state = options.state ?? new MemoryState();
    this.matchers = new Lru(options.matcherCacheSize ?? MATCHER_CACHE_SIZE);
    this.services = new Lru(options.serviceCacheSize ?? SERVICE_CACHE_SIZE);
    this.matcherFor = (kb, settings) =>
      this.matchers.getOrMake(`${versionOf(kb)}|${JSON.stringify(settings)}`, () => {
        this.builds++;
        return buildMatcher(kb, settings);
      });
  }

  /** The community a guild or workspace belongs to: its own entry, or the default. */
  planFor(communityId: string | undefined): CommunityPlan {
    return (communityId !== undefined ? this.plans.get(communityId) : undefined) ?? this.defaultPlan;
  }

  /** The service answering one guild or workspace (the console and DMs without one: the default's). */
  for(communityId: string | undefined): AnswerService {
    // Without `communities:` one service answers everywhere, as before communities existed:
    // one popularity count, one read of the store at start.
    const key = this.options.separate ? communityId : undefined;
    return this.services.getOrMake(key ?? '', () => this.makeService(key));
  }

  /** The knowledge paths in use, each with its base, for the hot reload to watch. */
  knowledgePaths(): readonly string[] {
    return [...this.bases.keys()];
  }

  knowledgeAt(path: string): KnowledgeBase | undefined {
    return this.bases.get(path);
  }

  /**
   * A reloaded knowledge path: every community on it switches to the new base. Services not
   * built yet will start on it; their matchers are built on their next question.
   */
  replaceKnowledge(path: string, kb: KnowledgeBase): void {
    if (!this.bases.has(path)) return;
    this.bases.set(path, kb);
    for (const service of this.services.values())
      if (this.planFor(this.communityServed(service)).knowledgePath === path) service.replaceKnowledge(kb);
  }

  /** How many matchers were built so far, and how many are kept: for the benchmark and the log. */
  matcherStats(): { built: number; kept: number } {
    return { built: this.builds, kept: this.matchers.size };
  }

  /** Builds the default community's matcher and autocomplete index before the first question. */
  warmDefault(): void {
    const service = this.for(undefined);
    service.warm();
    service.prepareAutocomplete();
  }

  // ---- Answerer: each call goes to the service of the community it names.

  async ask(query: Query): Promise<Reply> {
    const service = this.for(query.communityId);
    return this.remember(service, await service.ask(query));
  }

  async choose(query: Query, entryId: string, options?: ChooseOptions): Promise<Reply> {
    const service = this.for(query.communityId);
    return this.remember(service, await service.choose(query, entryId, options));
  }

  async notDelivered(askId: string): Promise<void> {
    await this.askedAt.get(askId)?.notDelivered(askId);
  }

  stats(query: Pick<Query, 'asker' | 'communityId'> & LanguagePlace & { at?: number }, days?: number): Promise<Reply> {
    return this.for(query.communityId).stats(query, days);
  }

  autocomplete(
    partial: string,
    limit: number,
    communityId?: string,
    asker?: Pick<Person, 'groups'>,
    place?: LanguagePlace,
  ): AutocompleteChoice[] {
    return this.for(communityId).autocomplete(partial, limit, asker, place);
  }

  languageOf(place: LanguagePlace & Pick<Query, 'communityId'>): Language {
    return this.for(place.communityId).languageOf(place);
  }

  knowledgeBases(): readonly KnowledgeBase[] {
    return [...this.bases.values()];
  }

  get hasHelpChannels(): boolean {
    return this.for(undefined).hasHelpChannels;
  }

  async helpPost(query: Query): Promise<Reply | undefined> {
    const service = this.for(query.communityId);
    const reply = await service.helpPost(query);
    return reply ? this.remember(service, reply) : undefined;
  }

  async handoff(request: HandoffRequest): Promise<HandoffDecision> {
    const service = this.for(request.communityId);
    this.handedOff.getOrMake(request.askId, () => service);
    return service.handoff(request);
  }

  async handoffNotDelivered(askId: string): Promise<void> {
    await this.handedOff.get(askId)?.handoffNotDelivered(askId);
  }

  channelRule(where: Pick<Query, 'channelId' | 'channelParents' | 'communityId'>): ChannelRule {
    return this.for(where.communityId).channelRule(where);
  }

  knowledgeFor(communityId?: string): KnowledgeBase {
    return this.for(communityId).knowledge;
  }

  communityOf(ids: readonly (string | undefined)[]): string | undefined {
    const given = ids.filter((id): id is string => id !== undefined && id !== '');
    return given.find((id) => this.plans.has(id)) ?? given[0];
  }

  feedback(feedback: Feedback): void {
    this.for(feedback.communityId).feedback(feedback);
  }

  dismiss(request: DismissRequest): DismissDecision {
    return this.for(request.communityId).dismiss(request);
  }

  private remember(service: AnswerService, reply: Reply): Reply {
    if (reply.kind === 'answer' && reply.visibility === 'public') this.askedAt.getOrMake(reply.askId, () => service);
    return reply;
  }

  private communityServed(service: AnswerService): string | undefined {
    return this.communities.get(service);
  }

  private makeService(communityId: string | undefined): AnswerService {
    const plan = this.planFor(communityId);
    // Every community records to, and reads its figures from, the deployment's one store.
    const { communities: _c, knowledge: _k, matcherCacheSize: _m, serviceCacheSize: _s, separate, ...shared } = this.options;
    const channels: ChannelSettings = shared.channels ?? DEFAULT_CHANNEL_SETTINGS;
    const service = new AnswerService({
      ...shared,
      channels,
      knowledge: this.bases.get(plan.knowledgePath)!,
      policy: plan.policy,
      matcher: plan.matcher,
      // Per community only when communities are configured: a single-community bot keeps its keys.
      state: separate && communityId !== undefined ? new PrefixedState(this.state, stateKeys.community(communityId)) : this.state,
      matcherFor: this.matcherFor,
      ...(separate && communityId !== undefined ? { communityId } : {}),
      communityName: plan.name,
      ...(plan.language ? { language: plan.language } : {}),
    });
    this.communities.set(service, communityId);
    return service;
  }
}

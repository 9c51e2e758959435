// `--community ID`, taken by check, eval and insights: the knowledge and matcher settings a
// Discord server or Slack workspace is answered with (`communities:` in the config), and for
// insights that community's records alone. One spec, one help line, one lookup.
import { resolve } from 'node:path';
import type { Config } from '../src/config.js';
import { DEFAULT_MATCHER_SETTINGS, type MatcherSettings } from '../src/match/settings.js';
import { mergeSettings } from '../src/settings/merge.js';
import { FaqbotError } from '../src/errors.js';
import { prepareCheckout } from '../src/knowledge/git-checkout.js';
import { planCommunities, type CommunityPlan } from '../src/service/community-router.js';
import type { Io, OptionSpec } from './command.js';

export const communityOption = { community: { type: 'string' } } as const satisfies OptionSpec;

export const communityHelp = {
  community:
    "a Discord server id or Slack team id: use the knowledge and settings `communities:` gives it (the default's when it is not listed)",
} as const;

export interface CommunityChoice {
  readonly plan: CommunityPlan;
  readonly matcher: MatcherSettings;
  /** False when the id is not in `communities:` and the default community answers it. */
  readonly listed: boolean;
}

/**
 * The community `--community` names, or undefined without the flag. Knowledge from git is
 * cloned or brought up to date first (a copy kept from before is used when the pull fails).
 */
export async function chosenCommunity(flag: unknown, config: Config, io: Pick<Io, 'cwd' | 'err'>): Promise<CommunityChoice | undefined> {
  if (flag === undefined) return undefined;
  const id = typeof flag === 'string' ? flag.trim() : '';
  if (id === '')
    throw new FaqbotError('usage', '--community needs an id: a Discord server id or Slack team id (see `communities:` in the config)');
  const plans = planCommunities(config.settings, (path) => resolve(io.cwd, path));
  const own = plans.find((p) => p.key === id);
  const plan = own ?? plans[0]!;
  if (plan.git) await prepareCheckout(plan.git, { info() {}, warn: (m) => io.err(`warning: ${m}`) });
  return { plan, matcher: mergeSettings(DEFAULT_MATCHER_SETTINGS, plan.matcher), listed: own !== undefined };
}

/** A note for stderr when the id falls under the default: a typo in an id should not pass unseen. */
export function unlistedNote(choice: CommunityChoice, id: string): string | undefined {
  return choice.listed || id === 'default'
    ? undefined
    : `note: ${id} is not listed under communities: in the config; it is answered with the default knowledge (${choice.plan.knowledgePath})`;
}

/** `--community` and a knowledge path both name the knowledge: only one may be given. */
export function refuseBoth(community: unknown, knowledge: unknown, command: string): void {
  if (community !== undefined && knowledge !== undefined) {
    throw new FaqbotError(
      'usage',
      `give either --community ID or a knowledge path to \`faqbot ${command}\`, not both: the community names its knowledge`,
    );
  }
}

// Whether the bot should receive traffic: the knowledge base is loaded and every configured
// platform is connected. Pure, so each reason an operator may see is tested on its own.
import type { PlatformHealth } from '../platform.js';

export interface ReadinessInput {
  readonly knowledgeLoaded: boolean;
  readonly stopping: boolean;
  /** Every configured platform; `health` is absent while it has not finished starting. */
  readonly platforms: readonly { readonly name: string; readonly health?: PlatformHealth }[];
}

export interface Readiness {
  readonly ready: boolean;
  /** Why not, one reason per cause, in words an operator can act on. */
  readonly reasons: readonly string[];
  readonly platforms: Readonly<Record<string, string>>;
}

export function readiness(input: ReadinessInput): Readiness {
  const reasons: string[] = [];
  if (input.stopping) reasons.push('shutting down');
  if (!input.knowledgeLoaded) reasons.push('knowledge base not loaded yet');
  const platforms: Record<string, string> = {};
  for (const p of input.platforms) {
    const state = p.health?.state ?? 'connecting';
    platforms[p.name] = state;
    if (state !== 'connected') reasons.push(`${p.name}: ${state}${p.health?.reason ? ` (${p.health.reason})` : ''}`);
  }
  return { ready: reasons.length === 0, reasons, platforms };
}

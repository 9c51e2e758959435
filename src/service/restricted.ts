// Entries limited to some roles or user groups (`restrictedTo`): who sees what. Pure.
import type { Entry, KnowledgeBase, Person } from '../domain.js';
import { buildKnowledgeBase } from '../knowledge/load.js';

/** Whether a member with these role or group ids may see the entry. */
export function canSee(entry: Entry, groups: readonly string[] | undefined): boolean {
  if (!entry.restrictedTo) return true;
  return groups !== undefined && entry.restrictedTo.some((id) => groups.includes(id));
}

/** Every role or group id any entry is limited to (Slack looks up only these groups' members). */
export function restrictingGroups(kb: KnowledgeBase): string[] {
  return [...new Set(kb.entries.flatMap((e) => e.restrictedTo ?? []))];
}

/**
 * What a member sees of the base, and a key naming it: members who see the same restricted
 * entries share one key (and so one matcher). The key is '' for the unrestricted view.
 */
export function viewOf(kb: KnowledgeBase, who: Pick<Person, 'groups'>): { key: string; knowledge: KnowledgeBase } {
  // Most bases limit nothing: no walk over every entry on every ask and keystroke.
  if (!hasRestricted(kb)) return { key: '*', knowledge: kb };
  const hidden = kb.entries.filter((e) => !canSee(e, who.groups));
  const shown = kb.entries.filter((e) => e.restrictedTo && canSee(e, who.groups)).map((e) => e.id);
  if (hidden.length === 0) return { key: '*', knowledge: kb };
  const entries = kb.entries.filter((e) => canSee(e, who.groups));
  return { key: shown.sort().join('\n'), knowledge: { ...buildKnowledgeBase(entries, kb.files, kb.title), title: kb.title } };
}

const restrictedBases = new WeakMap<KnowledgeBase, boolean>();

/** Whether any entry of the base is limited; remembered per base (a reload makes a new one). */
export function hasRestricted(kb: KnowledgeBase): boolean {
  let known = restrictedBases.get(kb);
  if (known === undefined) {
    known = kb.entries.some((e) => e.restrictedTo !== undefined);
    restrictedBases.set(kb, known);
  }
  return known;
}

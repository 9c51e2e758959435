// Who may remove a public answer the bot posted ("Dismiss"): the member who asked, the member
// it was for, and moderators. Pure; the service records the removal, the adapter deletes, and
// whoever else clicks reads phrases.ts's `dismissRefused`.
import type { Dismissers, Person } from '../domain.js';

export function mayDismiss(by: Person, dismissers: Dismissers): boolean {
  return by.isModerator === true || by.id === dismissers.askerId || (dismissers.targetId !== undefined && by.id === dismissers.targetId);
}

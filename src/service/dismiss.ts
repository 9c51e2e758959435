// Who may remove a public answer the bot posted ("Dismiss"): the member who asked, the member
// it was for, and moderators. Pure; the service records the removal, the adapter deletes.
import type { Dismissers, Person } from '../domain.js';

/** The one sentence a member hears when they may not remove an answer. */
export const DISMISS_REFUSED = 'Only the asker, the member it was for, or a moderator can remove this answer.';

export function mayDismiss(by: Person, dismissers: Dismissers): boolean {
  return by.isModerator === true || by.id === dismissers.askerId || (dismissers.targetId !== undefined && by.id === dismissers.targetId);
}

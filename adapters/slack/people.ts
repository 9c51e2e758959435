// Who is a moderator in Slack terms: a workspace admin or owner. Looked up with users.info only
// when a decision needs it (naming another member, statistics), and remembered for a while so
// a busy moderator costs one call every few minutes.
import type { webApi } from '@slack/bolt';
import { describeError, type Logger, type Person } from '../../src/index.js';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 5000;

interface Known {
  readonly isModerator: boolean;
  readonly name?: string;
  readonly until: number;
}

export class People {
  private readonly known = new Map<string, Known>();

  constructor(private readonly log: Logger, private readonly now: () => number = Date.now) {}

  /** The person with `isModerator` (and a display name) filled in; never throws. */
  async withRights(client: webApi.WebClient, person: Person): Promise<Person> {
    const hit = this.known.get(person.id);
    if (hit && hit.until > this.now()) return merge(person, hit);
    try {
      const res = await client.users.info({ user: person.id });
      const u = res.user;
      const name = u?.profile?.display_name || u?.real_name || u?.name;
      const known: Known = { isModerator: Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner), ...(name ? { name } : {}), until: this.now() + TTL_MS };
      if (this.known.size >= MAX_ENTRIES) this.known.clear();
      this.known.set(person.id, known);
      return merge(person, known);
    } catch (error) {
      this.log.warn(`slack: could not look up member ${person.id} (users.info: ${describeError(error)}); treating them as a regular member. Is the users:read scope granted?`);
      // Remember the failure too, so a missing scope costs one warning per member, not one per click.
      this.known.set(person.id, { isModerator: false, until: this.now() + TTL_MS });
      return { ...person, isModerator: false };
    }
  }
}

function merge(person: Person, known: Known): Person {
  return { ...person, isModerator: known.isModerator, ...(known.name ? { name: known.name } : {}) };
}

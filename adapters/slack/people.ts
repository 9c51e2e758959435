// Who is a moderator in Slack terms (a workspace admin or owner), and which locale a member's
// Slack is set to. Looked up with users.info only when a decision needs it (naming another
// member, statistics; the language of a reply when the knowledge has translations), and
// remembered for a while so a busy member costs one call every few minutes.
import type { webApi } from '@slack/bolt';
import { describeError, type Logger, type Person } from '../../src/index.js';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 5000;

interface Known {
  readonly isModerator: boolean;
  readonly name?: string;
  /** The member's Slack locale, e.g. `es-ES`: users.info gives it with `include_locale`. */
  readonly locale?: string;
  readonly until: number;
}

export class People {
  private readonly known = new Map<string, Known>();

  constructor(
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The person with `isModerator` (and a display name) filled in; never throws. */
  async withRights(client: webApi.WebClient, person: Person): Promise<Person> {
    return merge(person, await this.lookUp(client, person.id));
  }

  /** The member's Slack locale (`es-ES`), or undefined when it cannot be read; never throws. */
  async localeOf(client: webApi.WebClient, userId: string): Promise<string | undefined> {
    return (await this.lookUp(client, userId)).locale;
  }

  private async lookUp(client: webApi.WebClient, userId: string): Promise<Known> {
    const hit = this.known.get(userId);
    if (hit && hit.until > this.now()) return hit;
    try {
      // One call answers both questions: the locale comes only when asked for.
      const res = await client.users.info({ user: userId, include_locale: true });
      const u = res.user;
      const name = u?.profile?.display_name || u?.real_name || u?.name;
      const known: Known = {
        isModerator: Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner),
        ...(name ? { name } : {}),
        ...(u?.locale ? { locale: u.locale } : {}),
        until: this.now() + TTL_MS,
      };
      if (this.known.size >= MAX_ENTRIES) this.known.clear();
      this.known.set(userId, known);
      return known;
    } catch (error) {
      this.log.warn(
        `slack: could not look up member ${userId} (users.info: ${describeError(error)}); treating them as a regular member of the knowledge's language. Is the users:read scope granted?`,
      );
      // Remember the failure too, so a missing scope costs one warning per member, not one per click.
      const known: Known = { isModerator: false, until: this.now() + TTL_MS };
      this.known.set(userId, known);
      return known;
    }
  }
}

function merge(person: Person, known: Known): Person {
  return { ...person, isModerator: known.isModerator, ...(known.name ? { name: known.name } : {}) };
}

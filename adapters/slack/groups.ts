// Which of the user groups that entries are limited to (`restrictedTo`) a member belongs to.
// Slack has no "groups of a user" call, so the members of each such group are listed with
// usergroups.users.list and kept for a short while: a busy workspace costs one call per group
// every couple of minutes, and a member added to a group sees its entries soon after.
import type { webApi } from '@slack/bolt';
import { describeError, type Logger, type Person } from '../../src/index.js';

const TTL_MS = 2 * 60_000;

export class Groups {
  private readonly members = new Map<string, { users: ReadonlySet<string>; until: number }>();
  private readonly warned = new Set<string>();

  /** `wanted`: the group ids entries are limited to now (they change when knowledge reloads). */
  constructor(
    private readonly log: Logger,
    private readonly wanted: () => readonly string[],
    private readonly now: () => number = Date.now,
  ) {}

  /** The person with `groups` filled in from the groups that matter; never throws. */
  async of(client: webApi.WebClient, person: Person): Promise<Person> {
    const wanted = this.wanted();
    if (wanted.length === 0) return person;
    const lists = await Promise.all(wanted.map(async (id) => ((await this.usersOf(client, id)).has(person.id) ? [id] : [])));
    return { ...person, groups: lists.flat() };
  }

  private async usersOf(client: webApi.WebClient, group: string): Promise<ReadonlySet<string>> {
    const hit = this.members.get(group);
    if (hit && hit.until > this.now()) return hit.users;
    try {
      const res = await client.usergroups.users.list({ usergroup: group });
      const users = new Set(res.users ?? []);
      this.members.set(group, { users, until: this.now() + TTL_MS });
      this.warned.delete(group);
      return users;
    } catch (error) {
      // Failing closed: nobody sees an entry limited to a group the bot cannot read.
      if (!this.warned.has(group)) {
        this.warned.add(group);
        this.log.warn(
          `slack: could not list the members of user group ${group} (usergroups.users.list: ${describeError(error)}); entries limited to it are hidden from everyone. Is the usergroups:read scope granted?`,
        );
      }
      this.members.set(group, { users: hit?.users ?? new Set(), until: this.now() + TTL_MS });
      return hit?.users ?? new Set();
    }
  }
}

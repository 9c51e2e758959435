// Entries limited to roles (`restrictedTo`): a member without the role never sees the entry,
// not as an answer, a suggestion, a related button, an autocomplete choice or a help topic;
// a member with it gets it privately, never posted for the channel.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { autocomplete, button, guildMessage, slashFaq, type Who } from '../fakes/discord/payloads.js';
import { HARNESS_ROLES, expectSafeMentions, startHarness, type Harness } from './harness.js';

const KNOWLEDGE = resolve(import.meta.dirname, '../fixtures/restricted/knowledge');
const SECRET = 'staff key from the vault';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('policy:\n  channelCooldownSeconds: 0\n', { FAQBOT_KNOWLEDGE: KNOWLEDGE });
});
afterAll(async () => {
  expectSafeMentions(h.fake.requests);
  await h?.stop();
});

const staff = (): Who => ({ ...h.member(), roles: [HARNESS_ROLES[0]] });
const other = (): Who => ({ ...h.member(), roles: [HARNESS_ROLES[1]] });

async function faq(who: Who, query: string) {
  return (await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, who, query)))).body;
}

describe('restrictedTo on Discord', () => {
  test('a member without the role gets no answer, suggestion or help topic for the entry; one with it gets the answer', async () => {
    for (const query of ['how do I deploy to production?', 'deploy-production', 'deploy', 'help']) {
      const body = await faq(other(), query);
      expect(JSON.stringify(body), query).not.toContain(SECRET);
      expect(JSON.stringify(body), query).not.toContain('deploy-production');
      expect(JSON.stringify(body), query).not.toContain('deploy to production');
    }
    const body = await faq(staff(), 'how do I deploy to production?');
    expect(body.data.embeds[0].title).toBe('How do I deploy to production?');
    expect(JSON.stringify(body)).toContain(SECRET);
    expect(body.data.flags & 64).toBe(64);
  });

  test('autocomplete offers the entry only to members with the role', async () => {
    const choices = async (who: Who) =>
      (await h.fake.callbackOf(h.fake.interact(autocomplete(h.general, who, 'deplo')))).body.data.choices.map(
        (c: { value: string }) => c.value,
      );
    expect(await choices(other())).not.toContain('deploy-production');
    expect(await choices(staff())).toContain('deploy-production');
    const empty = (await h.fake.callbackOf(h.fake.interact(autocomplete(h.general, other(), '')))).body.data.choices.map(
      (c: { value: string }) => c.value,
    );
    expect(empty).toEqual(expect.arrayContaining(['install', 'backup']));
    expect(empty).not.toContain('deploy-production');
  });

  test('a related button to the entry is left out for others, and a forged click on it reveals nothing', async () => {
    const body = await faq(other(), 'backup');
    expect(body.data.embeds[0].title).toBe('How do I back up my data?');
    expect(JSON.stringify(body)).not.toContain('deploy-production');
    const forged = (await h.fake.callbackOf(h.fake.interact(button(h.general, other(), 'faq:o:ask-1:deploy-production')))).body;
    expect(JSON.stringify(forged)).not.toContain(SECRET);
    expect(JSON.stringify(await faq(staff(), 'backup'))).toContain('deploy-production');
  });

  test('a mention by a member with the role is answered privately (a DM), never in the channel; without it, not at all', async () => {
    const asker = staff();
    const mark = h.fake.requests.length;
    h.fake.dispatch(
      'MESSAGE_CREATE',
      guildMessage(h.general, asker.user, `<@${h.fake.bot.id}> how do I deploy to production?`, [h.fake.bot], asker.roles),
    );
    const dm = await h.fake.waitFor(
      (r) =>
        r.method === 'POST' &&
        /^\/channels\/\d+\/messages$/.test(r.path) &&
        h.fake.requests.indexOf(r) >= mark &&
        r.path !== `/channels/${h.general.channel.id}/messages`,
    );
    expect(JSON.stringify(dm.body)).toContain(SECRET);
    const nonStaff = other();
    const mark2 = h.fake.requests.length;
    h.fake.dispatch(
      'MESSAGE_CREATE',
      guildMessage(h.general, nonStaff.user, `<@${h.fake.bot.id}> how do I deploy to production?`, [h.fake.bot], nonStaff.roles),
    );
    const reply = await h.fake.waitFor(
      (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && h.fake.requests.indexOf(r) >= mark2,
    );
    expect(JSON.stringify(reply.body)).not.toContain(SECRET);
    const posts = h.fake.requests.slice(mark).filter((r) => r.method === 'POST' && r.path === `/channels/${h.general.channel.id}/messages`);
    expect(posts.every((r) => !JSON.stringify(r.body).includes(SECRET))).toBe(true);
  });

  test('a member with the role cannot send the entry to another member', async () => {
    const body = (
      await h.fake.callbackOf(
        h.fake.interact(slashFaq(h.general, { ...h.moderator(), roles: [HARNESS_ROLES[0]] }, 'deploy-production', h.member().user)),
      )
    ).body;
    expect(body.data.flags & 64).toBe(64);
    expect(body.data.content).toBe('This entry is limited to some roles, so it is only ever shown to you, not posted for others.');
  });
});

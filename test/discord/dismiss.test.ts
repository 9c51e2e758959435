// "Dismiss" on a public answer: the member who asked, the member it was for, or a moderator
// (Manage Messages) removes it; anyone else is told privately who can. Each removal is a
// "Not helpful" in the insights.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { button, directMessage, guildMessage, slashFaq, type Who } from '../fakes/discord/payloads.js';
import { snowflake, type RecordedRequest } from '../fakes/discord/server.js';
import { expectSafeMentions, startHarness, type Harness } from './harness.js';

let h: Harness;
// No cooldowns: each test posts the same few answers in the same channel.
beforeAll(async () => {
  h = await startHarness('policy:\n  channelCooldownSeconds: 0\n  targetCooldownSeconds: 0\n');
});
afterAll(async () => {
  expectSafeMentions(h.fake.requests);
  await h?.stop();
});

const REFUSED = 'Only the asker, the member it was for, or a moderator can remove this answer.';

function buttonsOf(message: { components?: { components: { label: string; custom_id: string }[] }[] }) {
  return (message.components ?? []).flatMap((r) => r.components);
}

/** A member mentions the bot with a question; resolves with the bot's public answer (its body and the message id it got). */
async function mentionAnswer(asker: Who, text = 'how do I install example?'): Promise<{ body: any; messageId: string }> {
  const mark = h.fake.requests.length;
  h.fake.dispatch('MESSAGE_CREATE', guildMessage(h.general, asker.user, `<@${h.fake.bot.id}> ${text}`, [h.fake.bot]));
  const post = await h.fake.waitFor(
    (r) => r.method === 'POST' && r.path === `/channels/${h.general.channel.id}/messages` && h.fake.requests.indexOf(r) >= mark,
  );
  return { body: post.body, messageId: snowflake() };
}

/** `who` clicks Dismiss on that answer (message `messageId`); resolves with the callback and the DELETE, if any. */
async function clickDismiss(who: Who, answer: { body: any; messageId: string }): Promise<{ callback: RecordedRequest; deleted: boolean }> {
  const dismiss = buttonsOf(answer.body).find((b) => b.label === 'Dismiss');
  expect(dismiss, 'the answer has a Dismiss button').toBeDefined();
  const payload = button(h.general, who, dismiss!.custom_id, false) as { message: { id: string } };
  payload.message.id = answer.messageId;
  const callback = await h.fake.callbackOf(h.fake.interact(payload));
  const isDelete = (r: RecordedRequest) =>
    r.method === 'DELETE' && r.path === `/channels/${h.general.channel.id}/messages/${answer.messageId}`;
  if (callback.body.type === 6) await h.fake.waitFor(isDelete);
  return { callback, deleted: h.fake.requests.some(isDelete) };
}

const notHelpful = async () => (await h.bot.insights!.summary(0)).notHelpful;

describe('Dismiss on Discord', () => {
  test('a public answer to a mention carries Dismiss; the asker removes it, and it counts as "Not helpful"', async () => {
    const asker = h.member();
    const answer = await mentionAnswer(asker);
    expect(answer.body.components[0].components.map((b: { label: string }) => b.label)).toEqual(['Helpful', 'Not helpful', 'Dismiss']);
    const before = await notHelpful();
    const { callback, deleted } = await clickDismiss(asker, answer);
    expect(callback.body.type).toBe(6); // acknowledged without a message
    expect(deleted).toBe(true);
    expect(await notHelpful()).toBe(before + 1);
  });

  test('another member is told privately who can remove it, and the answer stays', async () => {
    const answer = await mentionAnswer(h.member());
    const before = await notHelpful();
    const { callback, deleted } = await clickDismiss(h.member(), answer);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags & 64).toBe(64);
    expect(callback.body.data.content).toBe(REFUSED);
    expect(deleted).toBe(false);
    expect(await notHelpful()).toBe(before);
  });

  test("a moderator (Manage Messages) removes anyone's answer", async () => {
    const answer = await mentionAnswer(h.member());
    const { deleted } = await clickDismiss(h.moderator(), answer);
    expect(deleted).toBe(true);
  });

  test('an answer sent to a member can be removed by that member and by the one who sent it, not by a bystander', async () => {
    const sender = h.member();
    const newbie = h.member();
    const send = async () => {
      const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, sender, 'backup', newbie.user)));
      expect(body.data.flags ?? 0).toBe(0);
      return { body: body.data, messageId: snowflake() };
    };
    const first = await send();
    expect((await clickDismiss(h.member(), first)).deleted).toBe(false);
    expect((await clickDismiss(newbie, first)).deleted).toBe(true);
    expect((await clickDismiss(sender, await send())).deleted).toBe(true);
  });

  test('private answers and answers in a DM have no Dismiss button', async () => {
    const { body } = await h.fake.callbackOf(h.fake.interact(slashFaq(h.general, h.member(), 'install')));
    expect(body.data.flags & 64).toBe(64);
    expect(buttonsOf(body.data).map((b) => b.label)).not.toContain('Dismiss');
    const dm = snowflake();
    const mark = h.fake.requests.length;
    h.fake.dispatch('MESSAGE_CREATE', directMessage(dm, h.member().user, 'how do I install example?'));
    const post = await h.fake.waitFor(
      (r) => r.method === 'POST' && r.path === `/channels/${dm}/messages` && h.fake.requests.indexOf(r) >= mark,
    );
    expect(post.body.embeds[0].title).toBe('How do I install Example?');
    expect(buttonsOf(post.body).map((b) => b.label)).not.toContain('Dismiss');
  });
});

// "Dismiss" on a public answer in Slack: the member who asked, the member it was for, or a
// workspace admin deletes it (chat.delete); anyone else is told privately who can. Each
// removal is a "Not helpful" in the insights.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, blockActions, eventCallback, slashCommand } from '../fakes/slack/payloads.js';
import { button, buttons } from './blocks-of.js';
import { startHarness, type Harness } from './harness.js';

const REFUSED = 'Only the asker, the member it was for, or a moderator can remove this answer.';

describe.each(['socket', 'http'] as const)('Dismiss on Slack in %s mode', (mode) => {
  let h: Harness;
  // No cooldowns: the tests post the same answer in the same channels.
  beforeAll(async () => {
    h = await startHarness(mode, {}, 'policy:\n  channelCooldownSeconds: 0\n  targetCooldownSeconds: 0\n');
  });
  afterAll(async () => {
    await h?.close();
  });

  let nextTs = 1_700_000_500;
  interface Posted {
    channelId: string;
    args: Record<string, unknown>;
    message: { ts: string; thread_ts?: string };
  }
  /** `userId` mentions the bot in a new channel; resolves with the answer posted in the thread. */
  async function mentionAnswer(userId: string): Promise<Posted> {
    const channelId = h.id('C');
    const ts = `${++nextTs}.000001`;
    await h.driver.event(eventCallback(appMention({ text: '<@UBOT> how do I migrate from centos?', userId, channelId, ts })));
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    return { channelId, args: post.args, message: { ts: `${++nextTs}.000002`, thread_ts: ts } };
  }

  /** `userId` clicks Dismiss; resolves with whether the message was deleted, or the private reply. */
  async function clickDismiss(userId: string, answer: Posted) {
    const dismiss = button(answer.args, 'faq_dismiss');
    const responseUrl = h.fake.responseUrl();
    const deletes = () =>
      h.fake.callsTo('chat.delete').filter((c) => c.args.channel === answer.channelId && c.args.ts === answer.message.ts);
    const before = deletes().length;
    await h.driver.interactive(
      blockActions({
        actionId: dismiss.actionId,
        value: dismiss.value,
        userId,
        channelId: answer.channelId,
        responseUrl,
        message: answer.message,
      }),
    );
    const outcome = await Promise.race([
      h.fake
        .waitForCall(
          'chat.delete',
          (c) => c.args.channel === answer.channelId && c.args.ts === answer.message.ts && deletes().length > before,
        )
        .then(() => ({ deleted: true as const })),
      h.fake.waitForResponse(responseUrl.split('/').pop()!).then((r) => ({ deleted: false as const, reply: r.body })),
    ]);
    return outcome;
  }

  const notHelpful = async () => (await h.bot.insights!.summary(0)).notHelpful;

  it('a public answer to a mention carries Dismiss; the asker removes it, and it counts as "Not helpful"', async () => {
    const asker = h.id('U');
    const answer = await mentionAnswer(asker);
    expect(buttons(answer.args).map((b) => b.label)).toEqual(expect.arrayContaining(['👍 Helpful', '👎 Not helpful', '🗑️ Dismiss']));
    const before = await notHelpful();
    expect(await clickDismiss(asker, answer)).toEqual({ deleted: true });
    expect(await notHelpful()).toBe(before + 1);
    // The asker's own click needs no rights lookup.
    expect(h.fake.callsTo('users.info').some((c) => c.args.user === asker)).toBe(false);
  });

  it('another member is told privately who can remove it, and the answer stays', async () => {
    const answer = await mentionAnswer(h.id('U'));
    const before = await notHelpful();
    const outcome = await clickDismiss(h.id('U'), answer);
    expect(outcome.deleted).toBe(false);
    expect(outcome).toMatchObject({ reply: { response_type: 'ephemeral', replace_original: false, text: REFUSED } });
    expect(await notHelpful()).toBe(before);
  });

  it("a workspace admin removes anyone's answer", async () => {
    const answer = await mentionAnswer(h.id('U'));
    expect(await clickDismiss('UMOD', answer)).toEqual({ deleted: true });
    expect(h.fake.callsTo('users.info').some((c) => c.args.user === 'UMOD')).toBe(true);
  });

  it('an answer sent to a member can be removed by that member, not by a bystander', async () => {
    const channelId = h.id('C');
    await h.driver.command(slashCommand({ text: 'migrate <@UNEW|nina>', userId: h.id('U'), channelId, responseUrl: h.fake.responseUrl() }));
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    const answer = { channelId, args: post.args, message: { ts: `${++nextTs}.000003` } };
    expect((await clickDismiss(h.id('U'), answer)).deleted).toBe(false);
    expect(await clickDismiss('UNEW', answer)).toEqual({ deleted: true });
  });

  it('a private answer has no Dismiss button', async () => {
    const acked = await h.driver.command(
      slashCommand({ text: 'migrate', userId: h.id('U'), channelId: h.id('C'), responseUrl: h.fake.responseUrl() }),
    );
    const body = JSON.parse(acked.body) as Record<string, unknown>;
    expect(body.response_type).toBe('ephemeral');
    expect(buttons(body).map((b) => b.actionId)).not.toContain('faq_dismiss');
  });
});

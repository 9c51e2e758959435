// With `targeting: moderators`, only workspace admins and owners may aim an answer at someone.
// The service decides; the adapter looks up who is an admin (users.info) and shows the outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageShortcut, slashCommand } from '../fakes/slack/payloads.js';
import { blocksOf, headerText, pings, sectionTexts } from './blocks-of.js';
import { startHarness, type Harness } from './harness.js';

describe('Slack adapter with targeting limited to moderators', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('http', {}, 'policy:\n  targeting: moderators\n');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tells a regular member privately that only moderators can send an answer to someone', async () => {
    const channelId = h.id('C');
    const responseUrl = h.fake.responseUrl();
    await h.driver.command(slashCommand({ text: 'migrate <@UMOD|mona>', userId: 'UNEW', channelId, responseUrl }));
    const { body } = await h.fake.waitForResponse(responseUrl.split('/').pop());
    expect(body.response_type).toBe('ephemeral');
    expect(sectionTexts(body)[0]).toContain('Only moderators can send an answer to another member');
    expect(pings(body)).toEqual([]);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId)).toHaveLength(0);
  });

  it('lets a workspace admin send it, looked up with users.info', async () => {
    const channelId = h.id('C');
    await h.driver.command(slashCommand({ text: 'migrate <@UNEW|nina>', userId: 'UMOD', channelId, responseUrl: h.fake.responseUrl() }));
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect(headerText(post.args)).toBe('How do I migrate from CentOS to AlmaLinux?');
    expect(h.fake.callsTo('users.info').map((c) => c.args.user)).toContain('UMOD');
  });

  it('shows a regular member why "Answer with FAQ" cannot post, with no submit button', async () => {
    const trigger = messageShortcut({
      userId: 'UNEW',
      channelId: h.id('C'),
      responseUrl: h.fake.responseUrl(),
      message: { user: 'UMOD', text: 'how do I migrate', ts: '1700000900.000001' },
    });
    await h.driver.interactive(trigger);
    const open = await h.fake.waitForCall('views.open', (c) => c.args.trigger_id === trigger.trigger_id);
    const view = open.args.view as Record<string, unknown>;
    expect(view.submit).toBeUndefined();
    expect(
      blocksOf(view)
        .map((b) => b.text?.text ?? '')
        .join('\n'),
    ).toContain('Only moderators');
  });
});

// Entries limited to user groups (`restrictedTo`) in Slack: the bot lists the group's members
// (usergroups.users.list, cached briefly); a member outside it never sees the entry, a member
// in it gets the answer privately.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, blockActions, eventCallback, slashCommand } from '../fakes/slack/payloads.js';
import { startHarness, type Harness } from './harness.js';

const KNOWLEDGE = resolve(import.meta.dirname, '../fixtures/restricted/knowledge');
const SECRET = 'staff key from the vault';

describe.each(['socket', 'http'] as const)('restrictedTo on Slack in %s mode', (mode) => {
  let h: Harness;
  const STAFF = 'USTAFF1';
  beforeAll(async () => {
    h = await startHarness(mode, { FAQBOT_KNOWLEDGE: KNOWLEDGE }, 'policy:\n  channelCooldownSeconds: 0\n');
    h.fake.usergroups.set('SSTAFF', new Set([STAFF]));
  });
  afterAll(async () => {
    await h?.close();
  });

  async function faq(userId: string, text: string): Promise<string> {
    const responseUrl = h.fake.responseUrl();
    const acked = await h.driver.command(slashCommand({ text, userId, channelId: h.id('C'), responseUrl }));
    const inAck = acked.body ? (JSON.parse(acked.body) as Record<string, unknown>) : {};
    return JSON.stringify('text' in inAck ? inAck : (await h.fake.waitForResponse(responseUrl.split('/').pop()!)).body);
  }

  it('a member outside the group gets no answer, suggestion or topic for the entry; a member in it does', async () => {
    for (const text of ['how do I deploy to production?', 'deploy-production', 'deploy', 'help', 'backup']) {
      const reply = await faq(h.id('U'), text);
      expect(reply, text).not.toContain(SECRET);
      // The member's own words are echoed ("no answer for …"); the entry's are not.
      expect(reply, text).not.toContain('How do I deploy to production?');
      expect(reply, text).not.toMatch(/\\"e\\":\\"deploy-production/);
    }
    expect(await faq(STAFF, 'how do I deploy to production?')).toContain(SECRET);
    expect(h.fake.callsTo('usergroups.users.list').map((c) => c.args.usergroup)).toContain('SSTAFF');
  });

  it("the group's members are looked up once for many asks (cached briefly)", async () => {
    const before = h.fake.callsTo('usergroups.users.list').length;
    for (let i = 0; i < 3; i++) await faq(h.id('U'), 'install');
    expect(h.fake.callsTo('usergroups.users.list').length - before).toBeLessThanOrEqual(1);
  });

  it('a mention by a group member is answered to them alone (ephemeral), never in the thread', async () => {
    const channelId = h.id('C');
    await h.driver.event(
      eventCallback(appMention({ text: '<@UBOT> how do I deploy to production?', userId: STAFF, channelId, ts: '1700000900.000001' })),
    );
    const eph = await h.fake.waitForCall('chat.postEphemeral', (c) => c.args.channel === channelId);
    expect(eph.args.user).toBe(STAFF);
    expect(JSON.stringify(eph.args)).toContain(SECRET);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId)).toHaveLength(0);
  });

  it('a forged button naming the entry shows a member outside the group nothing of it', async () => {
    const responseUrl = h.fake.responseUrl();
    const channelId = h.id('C');
    await h.driver.interactive(
      blockActions({
        actionId: 'faq_choose',
        value: JSON.stringify({ a: 'ask-x', e: 'deploy-production', v: 'command' }),
        userId: h.id('U'),
        channelId,
        responseUrl,
      }),
    );
    const reply = await h.fake.waitForResponse(responseUrl.split('/').pop()!);
    expect(JSON.stringify(reply.body)).not.toContain(SECRET);
  });
});

// End to end: the real Bolt app, started as `npm start` starts it, against the fake Slack, in
// both Socket Mode and HTTP mode. Assertions are on what the fake Slack receives.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  appMention,
  blockActions,
  directMessage,
  eventCallback,
  messageShortcut,
  slashCommand,
  viewBlockAction,
  viewSubmission,
} from '../fakes/slack/payloads.js';
import { blocksOf, button, buttons, headerText, pings, sectionTexts } from './blocks-of.js';
import { startHarness, type Harness } from './harness.js';

describe.each(['socket', 'http'] as const)('Slack adapter in %s mode', (mode) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(mode);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function faq(text: string, opts: { userId?: string; userName?: string; channelId?: string; command?: string } = {}) {
    const responseUrl = h.fake.responseUrl();
    const responseId = responseUrl.split('/').pop()!;
    const channelId = opts.channelId ?? h.id('C');
    const userId = opts.userId ?? h.id('U');
    const acked = await h.driver.command(
      slashCommand({
        text,
        userId,
        channelId,
        responseUrl,
        ...(opts.userName ? { userName: opts.userName } : {}),
        ...(opts.command ? { command: opts.command } : {}),
      }),
    );
    /** The private reply: in the acknowledgement itself, or posted to response_url afterwards. */
    const reply = async (): Promise<{ body: Record<string, unknown> }> => {
      const inAck = acked.body ? (JSON.parse(acked.body) as Record<string, unknown>) : {};
      return 'text' in inAck ? { body: inAck } : h.fake.waitForResponse(responseId);
    };
    return { acked, reply, responseUrl, responseId, channelId, userId };
  }

  it.runIf(mode === 'socket')('connects through apps.connections.open on SLACK_API_URL with the app token', () => {
    expect(h.fake.callsTo('apps.connections.open').map((c) => c.token)).toEqual(['xapp-1-test']);
    expect(h.slack).toMatchObject({ name: 'slack', mode: 'socket' });
  });

  it('answers /faq privately, in the acknowledgement itself, as Block Kit with Share / Helpful / Not helpful buttons', async () => {
    const { acked, reply } = await faq('migrate');
    expect(acked.status).toBe(200);
    expect(JSON.parse(acked.body)).toMatchObject({ response_type: 'ephemeral' });
    const { body } = await reply();
    expect(body.response_type).toBe('ephemeral');
    expect(headerText(body)).toBe('How do I migrate from CentOS to AlmaLinux?');
    const answer = sectionTexts(body).join('\n');
    expect(answer).toContain('*almalinux-deploy*');
    expect(answer).toContain('<https://faq.example.org/migrate?a=1&amp;b=2|migration guide>');
    expect(answer).toContain('1. Back up your system.');
    expect(answer).toMatch(/```\nSource\s+\| Supported/);
    expect(answer).toContain('<https://faq.example.org/elevate|ELevate>');
    const context = JSON.stringify(blocksOf(body).filter((b) => b.type === 'context'));
    expect(context).toContain('Source: <https://faq.example.org/faq|Test FAQ>');
    expect(context).toContain('Example &amp; Co. is a trademark of Nobody &lt;nobody@example.org&gt;.');
    expect(buttons(body).map((b) => b.actionId)).toEqual(expect.arrayContaining(['faq_share', 'faq_helpful', 'faq_not_helpful']));
    expect(typeof body.text).toBe('string');
    expect(body.text).toContain('How do I migrate');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('offers suggestions as buttons, and a picked one replaces the list with the answer', async () => {
    const { reply, channelId, userId } = await faq('reset forum');
    const { body } = await reply();
    expect(sectionTexts(body)[0]).toContain('Which one do you mean?');
    const pick = button(body, /^faq_choose/, /password/);
    const clickUrl = h.fake.responseUrl();
    const choose = vi.spyOn(h.bot.service, 'choose');
    await h.driver.interactive(blockActions({ actionId: pick.actionId, value: pick.value, userId, channelId, responseUrl: clickUrl }));
    const picked = await h.fake.waitForResponse(clickUrl.split('/').pop());
    expect(picked.body.replace_original).toBe(true);
    expect(headerText(picked.body)).toBe('How do I reset my forum password?');
    // The pick is recorded against the ask whose suggestions it came from.
    expect(choose).toHaveBeenCalledWith(expect.objectContaining({ channelId, via: 'command' }), 'reset-password', {
      fromAskId: JSON.parse(pick.value).a,
    });
    choose.mockRestore();
  });

  it('shares a private answer in the channel with attribution, and removes the private copy', async () => {
    const { reply, channelId, userId } = await faq('install packages', { userName: 'alice' });
    const { body } = await reply();
    const share = button(body, 'faq_share');
    const clickUrl = h.fake.responseUrl();
    await h.driver.interactive(blockActions({ actionId: share.actionId, value: share.value, userId, channelId, responseUrl: clickUrl }));
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect(headerText(post.args)).toBe('How do I install packages?');
    expect(JSON.stringify(post.args.blocks)).toContain('Suggested by');
    expect(buttons(post.args).map((b) => b.actionId)).not.toContain('faq_share');
    expect(pings(post.args)).toEqual([]);
    const removed = await h.fake.waitForResponse(clickUrl.split('/').pop());
    expect(removed.body.delete_original).toBe(true);
  });

  it('records Helpful / Not helpful with the ask and entry, and thanks the member privately', async () => {
    const feedback = vi.spyOn(h.bot.service, 'feedback');
    const { reply, channelId, userId } = await faq('migrate');
    const { body } = await reply();
    for (const actionId of ['faq_helpful', 'faq_not_helpful']) {
      const b = button(body, actionId);
      const clickUrl = h.fake.responseUrl();
      await h.driver.interactive(blockActions({ actionId, value: b.value, userId, channelId, responseUrl: clickUrl }));
      const thanks = await h.fake.waitForResponse(clickUrl.split('/').pop());
      expect(thanks.body.response_type).toBe('ephemeral');
      expect(String(thanks.body.text)).toMatch(/^Thanks/);
    }
    expect(feedback).toHaveBeenCalledWith(
      expect.objectContaining({ entryId: 'migrate', helpful: true, platform: 'slack', by: expect.objectContaining({ id: userId }) }),
    );
    expect(feedback).toHaveBeenCalledWith(expect.objectContaining({ entryId: 'migrate', helpful: false }));
    feedback.mockRestore();
  });

  it('posts `/faq <text> @member` in the channel, mentioning only that member, suggested by the asker', async () => {
    const channelId = h.id('C');
    const { responseId } = await faq('migrate <@UNEW|nina> <@UMOD>', { userId: 'UMOD', userName: 'mona', channelId });
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect(pings(post.args)).toEqual(['<@UNEW>', '<@UNEW>']); // text fallback and first section
    expect(String(post.args.text).startsWith('<@UNEW>')).toBe(true);
    expect(JSON.stringify(post.args.blocks)).toContain('Suggested by Mona Moderator');
    expect(h.fake.callsTo('users.info').some((c) => c.args.user === 'UMOD')).toBe(true);
    expect(h.fake.responses.some((r) => r.id === responseId)).toBe(false);
    // Anyone may press the related buttons of a public answer; they must not aim it at the member again.
    expect(
      buttons(post.args)
        .filter((b) => b.actionId.startsWith('faq_choose'))
        .map((b) => JSON.parse(b.value).t),
    ).toEqual([undefined]);
  });

  it('shows what the bot knows for `/faq` alone and `/faq help`', async () => {
    for (const text of ['', 'help']) {
      const { reply } = await faq(text);
      const { body } = await reply();
      expect(body.response_type).toBe('ephemeral');
      expect(headerText(body)).toBe('Test FAQ');
      expect(sectionTexts(body).join('\n')).toContain('I can answer 5 questions');
      expect(buttons(body).map((b) => b.label)).toContain('How do I migrate from CentOS to AlmaLinux?');
    }
  });

  it('answers /faq-stats privately: figures are for moderators only', async () => {
    const mod = await faq('', { command: '/faq-stats', userId: 'UMOD' });
    const modReply = await mod.reply();
    expect(modReply.body.response_type).toBe('ephemeral');
    expect(headerText(modReply.body)).toMatch(/^FAQ statistics, last 7 days$/);
    expect(JSON.stringify(modReply.body.blocks)).toContain('*Questions*');
    const member = await faq('', { command: '/faq-stats', userId: 'UNEW' });
    const memberReply = await member.reply();
    expect(String(memberReply.body.text)).toContain('Only moderators');
  });

  it('answers a mention in the thread of that message', async () => {
    const channelId = h.id('C');
    await h.driver.event(
      eventCallback(appMention({ text: '<@UBOT> how do I migrate from centos?', userId: h.id('U'), channelId, ts: '1700000100.000001' })),
    );
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect(post.args.thread_ts).toBe('1700000100.000001');
    expect(headerText(post.args)).toBe('How do I migrate from CentOS to AlmaLinux?');
  });

  it('answers a mention inside a thread in that thread, honestly when it has no answer', async () => {
    const channelId = h.id('C');
    await h.driver.event(
      eventCallback(
        appMention({ text: '<@UBOT> xyzzy quantum', userId: h.id('U'), channelId, ts: '1700000200.000009', threadTs: '1700000200.000001' }),
      ),
    );
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect(post.args.thread_ts).toBe('1700000200.000001');
    expect(sectionTexts(post.args)[0]).toContain("Sorry, I don't have an answer for “xyzzy quantum”");
  });

  it('offers suggestions to a mention as buttons; a pick is answered in the same thread', async () => {
    const channelId = h.id('C');
    const userId = h.id('U');
    await h.driver.event(eventCallback(appMention({ text: '<@UBOT> reset forum', userId, channelId, ts: '1700000300.000001' })));
    const list = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    const pick = button(list.args, /^faq_choose/, /account/);
    await h.driver.interactive(
      blockActions({
        actionId: pick.actionId,
        value: pick.value,
        userId,
        channelId,
        responseUrl: h.fake.responseUrl(),
        message: { ts: '1700000301.000001', thread_ts: '1700000300.000001' },
      }),
    );
    const answer = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId && headerText(c.args) !== undefined);
    expect(answer.args.thread_ts).toBe('1700000300.000001');
    expect(headerText(answer.args)).toBe('How do I reset my forum account?');
  });

  it('answers a direct message in the conversation', async () => {
    const channelId = h.id('D');
    await h.driver.event(
      eventCallback(directMessage({ text: 'how do I install packages', userId: h.id('U'), channelId, ts: '1700000400.000001' })),
    );
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect(headerText(post.args)).toBe('How do I install packages?');
    expect(post.args.thread_ts).toBeUndefined();
  });

  it('answers a retried event once', async () => {
    const channelId = h.id('C');
    const event = eventCallback(appMention({ text: '<@UBOT> migrate', userId: h.id('U'), channelId, ts: '1700000500.000001' }));
    await h.driver.event(event);
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    const retry = await h.driver.event(event, 1);
    expect(retry.status).toBe(200);
    // A later event being answered shows the retry was processed (and dropped) before it.
    const later = h.id('C');
    await h.driver.event(
      eventCallback(appMention({ text: '<@UBOT> migrate', userId: h.id('U'), channelId: later, ts: '1700000501.000001' })),
    );
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === later);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId)).toHaveLength(1);
  });

  it('"Answer with FAQ": opens a modal with candidates and a preview, then answers in the thread mentioning the author', async () => {
    const channelId = h.id('C');
    const trigger = messageShortcut({
      userId: 'UMOD',
      channelId,
      responseUrl: h.fake.responseUrl(),
      message: { user: 'UNEW', text: 'hi all, how can I reset my forum thing?', ts: '1700000600.000001' },
    });
    await h.driver.interactive(trigger);
    const open = await h.fake.waitForCall('views.open', (c) => c.args.trigger_id === trigger.trigger_id);
    const view = open.args.view as Record<string, unknown>;
    const pick = blocksOf(view).find((b) => b.block_id === 'faq_pick');
    const options = pick?.element?.options?.map((o) => o.value) ?? [];
    expect(options.slice(0, 2).sort()).toEqual(['reset-account', 'reset-password']);
    expect(JSON.stringify(view)).toContain('Preview');

    await h.driver.interactive(viewBlockAction({ userId: 'UMOD', view, pickedEntryId: 'reset-password' }));
    const update = await h.fake.waitForCall('views.update');
    expect(headerText(update.args.view as Record<string, unknown>)).toBe('How do I reset my forum password?');

    const choose = vi.spyOn(h.bot.service, 'choose');
    const acked = await h.driver.interactive(viewSubmission({ userId: 'UMOD', view, pickedEntryId: 'reset-password' }));
    expect(acked.body).not.toContain('errors');
    expect(choose).toHaveBeenCalledWith(
      expect.objectContaining({ via: 'message-menu', target: { id: 'UNEW' }, text: 'hi all, how can I reset my forum thing?' }),
      'reset-password',
      { fromAskId: expect.any(String) },
    );
    choose.mockRestore();
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect(post.args.thread_ts).toBe('1700000600.000001');
    expect(pings(post.args)).toEqual(['<@UNEW>', '<@UNEW>']);
    expect(JSON.stringify(post.args.blocks)).toContain('Suggested by Mona Moderator');

    // The same answer to the same member again is held by the service; the modal says why.
    const again = await h.driver.interactive(viewSubmission({ userId: 'UMOD', view, pickedEntryId: 'reset-password' }));
    expect(again.body).toContain('"response_action":"errors"');
    expect(again.body).toContain('already sent to that member');
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId)).toHaveLength(1);
  });

  it('escapes <!channel> and other control sequences typed by a member', async () => {
    const { reply } = await faq('&lt;!channel&gt; xyzzy &lt;@U123&gt; quantum <!here>');
    const { body } = await reply();
    expect(pings(body)).toEqual([]);
    // A message that pings everyone is not echoed back at all: the bot says it does not answer it.
    expect(sectionTexts(body)[0]).toContain('ping everyone');
    expect(JSON.stringify(body)).not.toContain('quantum');
  });

  it('splits a 3,000+ character answer into valid sections and escapes pings written in the knowledge base', async () => {
    const { reply } = await faq('release notes');
    const { body } = await reply();
    const sections = sectionTexts(body);
    const answerSections = sections.filter((s) => s.includes('stack was refreshed'));
    expect(answerSections.length).toBeGreaterThan(1);
    for (const s of sections) expect(s.length).toBeLessThanOrEqual(3000);
    expect(blocksOf(body).length).toBeLessThanOrEqual(50);
    expect(answerSections.join('\n')).toContain('*Python*');
    expect(pings(body)).toEqual([]);
    expect(JSON.stringify(body)).toContain('&lt;!channel&gt;');
  });

  it('explains privately when it cannot post in the channel (not_in_channel), with the answer', async () => {
    h.fake.fail('chat.postMessage', 'not_in_channel');
    const { reply } = await faq('install packages <@UNEW>', { userId: 'UMOD' });
    const { body } = await reply();
    expect(body.response_type).toBe('ephemeral');
    expect(sectionTexts(body)[0]).toContain('I am not a member of this channel');
    expect(headerText(body)).toBe('How do I install packages?');
  });

  it('posts normally once the bot is invited after a refused post: no cooldown from the failure', async () => {
    const channelId = h.id('C');
    const userId = h.id('U');
    h.fake.fail('chat.postMessage', 'not_in_channel');
    const refused = await faq('install packages <@UNEW2>', { userId, channelId });
    expect(sectionTexts((await refused.reply()).body)[0]).toContain('I am not a member of this channel');
    const refusedPost = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    await faq('install packages <@UNEW2>', { userId, channelId });
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId && c !== refusedPost);
    expect(JSON.stringify(post.args)).toContain('How do I install packages?');
    expect(JSON.stringify(post.args)).toContain('<@UNEW2>');
  });

  it('explains a rate limit privately instead of waiting or crashing', async () => {
    h.fake.fail('chat.postMessage', 'ratelimited', 1, 7);
    const { reply } = await faq('release notes <@UNEW>', { userId: 'UMOD' });
    const { body } = await reply();
    expect(sectionTexts(body)[0]).toContain('try again in 7 s');
  });

  it('logs a warning when a mention cannot be answered (channel_not_found) and keeps answering', async () => {
    h.fake.fail('chat.postMessage', 'channel_not_found');
    h.fake.fail('chat.postEphemeral', 'channel_not_found');
    const lost = h.id('C');
    await h.driver.event(
      eventCallback(appMention({ text: '<@UBOT> migrate', userId: h.id('U'), channelId: lost, ts: '1700000700.000001' })),
    );
    const next = h.id('C');
    await h.driver.event(
      eventCallback(appMention({ text: '<@UBOT> migrate', userId: h.id('U'), channelId: next, ts: '1700000701.000001' })),
    );
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === next);
    expect(h.logs.some((l) => l.startsWith('warn') && l.includes('channel_not_found'))).toBe(true);
  });

  it('holds a second share of the same answer in the same channel, privately, keeping the private copy', async () => {
    const channelId = h.id('C');
    const shares: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { reply, userId } = await faq('install packages', { channelId });
      const { body } = await reply();
      const clickUrl = h.fake.responseUrl();
      await h.driver.interactive(
        blockActions({ actionId: 'faq_share', value: button(body, 'faq_share').value, userId, channelId, responseUrl: clickUrl }),
      );
      shares.push(clickUrl.split('/').pop()!);
    }
    const held = await h.fake.waitForResponse(shares[1], (r) => r.body.delete_original === undefined);
    expect(String(held.body.text)).toContain('was posted in this channel moments ago');
    expect(held.body.replace_original).toBe(false);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId)).toHaveLength(1);
  });

  it('gives each thread its own cooldown: the same answer in the channel or another thread does not hold a thread back', async () => {
    const channelId = h.id('C');
    const postsIn = (thread: string) =>
      h.fake
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === channelId && c.args.thread_ts === thread && headerText(c.args) !== undefined);
    // A mention in the channel is answered in a new thread under it: that thread's cooldown starts.
    await h.driver.event(eventCallback(appMention({ text: '<@UBOT> migrate', userId: h.id('U'), channelId, ts: '1700001000.000001' })));
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId && c.args.thread_ts === '1700001000.000001');
    // Seconds later, the same question inside another thread is answered there.
    await h.driver.event(
      eventCallback(
        appMention({ text: '<@UBOT> migrate', userId: h.id('U'), channelId, ts: '1700001001.000002', threadTs: '1700000990.000001' }),
      ),
    );
    const inThread = await h.fake.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === channelId && c.args.thread_ts === '1700000990.000001',
    );
    expect(headerText(inThread.args)).toBe('How do I migrate from CentOS to AlmaLinux?');
    // A second ask in that same thread is held, privately, saying it is this thread.
    const user = h.id('U');
    await h.driver.event(
      eventCallback(
        appMention({ text: '<@UBOT> migrate', userId: user, channelId, ts: '1700001002.000003', threadTs: '1700000990.000001' }),
      ),
    );
    const held = await h.fake.waitForCall('chat.postEphemeral', (c) => c.args.channel === channelId && c.args.user === user);
    expect(JSON.stringify(held.args)).toContain('was posted in this thread moments ago');
    expect(postsIn('1700000990.000001')).toHaveLength(1);
    expect(postsIn('1700001000.000001')).toHaveLength(1);
  });

  it('tells the member privately when a handler throws, for a command and for a mention', async () => {
    const ask = vi.spyOn(h.bot.service, 'ask').mockImplementation(() => {
      throw new Error('boom');
    });
    try {
      const { reply } = await faq('migrate');
      const { body } = await reply();
      expect(body.response_type).toBe('ephemeral');
      expect(String(body.text)).toMatch(/^Sorry, something went wrong while answering/);
      const channelId = h.id('C');
      const userId = h.id('U');
      await h.driver.event(
        eventCallback(appMention({ text: '<@UBOT> migrate', userId, channelId, ts: '1700001100.000002', threadTs: '1700001100.000001' })),
      );
      const apology = await h.fake.waitForCall('chat.postEphemeral', (c) => c.args.channel === channelId && c.args.user === userId);
      expect(String(apology.args.text)).toMatch(/^Sorry, something went wrong while answering/);
      expect(apology.args.thread_ts).toBe('1700001100.000001');
      expect(h.logs.some((l) => l.startsWith('error') && l.includes('slack: a mention failed'))).toBe(true);
    } finally {
      ask.mockRestore();
    }
  });

  it('explains privately when the "Answer with FAQ" window cannot open', async () => {
    h.fake.fail('views.open', 'expired_trigger_id');
    const responseUrl = h.fake.responseUrl();
    await h.driver.interactive(
      messageShortcut({
        userId: 'UMOD',
        channelId: h.id('C'),
        responseUrl,
        message: { user: 'UNEW', text: 'migrate?', ts: '1700000800.000001' },
      }),
    );
    const { body } = await h.fake.waitForResponse(responseUrl.split('/').pop());
    expect(body.response_type).toBe('ephemeral');
    expect(String(body.text)).toContain('could not open: the request expired before the window could open; try the shortcut again.');
  });

  it('keeps the modal open with the reason when the bot may not post in that channel', async () => {
    const channelId = h.id('C');
    const trigger = messageShortcut({
      userId: 'UMOD',
      channelId,
      responseUrl: h.fake.responseUrl(),
      message: { user: h.id('U'), text: 'how do I install packages', ts: '1700000810.000001' },
    });
    await h.driver.interactive(trigger);
    const open = await h.fake.waitForCall('views.open', (c) => c.args.trigger_id === trigger.trigger_id);
    h.fake.fail('chat.postMessage', 'not_in_channel');
    const acked = await h.driver.interactive(
      viewSubmission({ userId: 'UMOD', view: open.args.view as Record<string, unknown>, pickedEntryId: 'install-packages' }),
    );
    expect(acked.body).toContain('"response_action":"errors"');
    expect(acked.body).toContain('I am not a member of this channel');
  });

  it('asks for a pick when the modal is submitted without one', async () => {
    const trigger = messageShortcut({
      userId: 'UMOD',
      channelId: h.id('C'),
      responseUrl: h.fake.responseUrl(),
      message: { user: 'UNEW', text: 'reset forum', ts: '1700000820.000001' },
    });
    await h.driver.interactive(trigger);
    const open = await h.fake.waitForCall('views.open', (c) => c.args.trigger_id === trigger.trigger_id);
    const acked = await h.driver.interactive(viewSubmission({ userId: 'UMOD', view: open.args.view as Record<string, unknown> }));
    expect(acked.body).toContain('Pick an answer to post.');
  });

  it('offers the lead topics in "Answer with FAQ" for a message without words', async () => {
    const trigger = messageShortcut({
      userId: 'UMOD',
      channelId: h.id('C'),
      responseUrl: h.fake.responseUrl(),
      message: { user: 'UNEW', text: '', ts: '1700000830.000001' },
    });
    await h.driver.interactive(trigger);
    const open = await h.fake.waitForCall('views.open', (c) => c.args.trigger_id === trigger.trigger_id);
    const pick = blocksOf(open.args.view as Record<string, unknown>).find((b) => b.block_id === 'faq_pick');
    expect(pick?.element?.options?.map((o) => o.value)).toEqual(expect.arrayContaining(['migrate', 'install-packages']));
  });

  it('ignores edits and bot posts in a direct message, answering only new messages from people', async () => {
    const channelId = h.id('D');
    const userId = h.id('U');
    await h.driver.event(
      eventCallback({ ...directMessage({ text: 'migrate', userId, channelId, ts: '1700000900.000001' }), subtype: 'message_changed' }),
    );
    await h.driver.event(
      eventCallback({ ...directMessage({ text: 'migrate', userId, channelId, ts: '1700000901.000001' }), bot_id: 'BOTHER' }),
    );
    await h.driver.event(eventCallback(directMessage({ text: 'install packages', userId, channelId, ts: '1700000902.000001' })));
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    const posts = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId);
    expect(posts.map((p) => headerText(p.args))).toEqual(['How do I install packages?']);
  });

  it('answers an oversized, hostile direct message with a valid message that pings nobody', async () => {
    const channelId = h.id('D');
    const junk = Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? '<!everyone>' : i % 3 === 1 ? '&lt;@U0BAD&gt;' : 'zqx*_~`')).join(
      ' ',
    );
    await h.driver.event(eventCallback(directMessage({ text: junk, userId: h.id('U'), channelId, ts: '1700001000.000001' })));
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect(pings(post.args)).toEqual([]);
    for (const t of sectionTexts(post.args)) expect(t.length).toBeLessThanOrEqual(3000);
    expect(String(post.args.text).length).toBeLessThanOrEqual(3000);
  });
});

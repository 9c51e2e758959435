// "Where the bot speaks": per-channel rules layered default → category → channel → thread, and
// what the answer service does with them.
import { describe, expect, it } from 'vitest';
import type { ChannelSettings } from '../../src/service/channel-settings.js';
import type { Query } from '../../src/domain.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AnswerService } from '../../src/service/answer-service.js';
import { channelRule } from '../../src/service/channels.js';

const { knowledge } = loadKnowledge('test/fixtures/core/knowledge.yaml');
const fallback = { mention: 'public', slash: 'allow', help: false } as const;

describe('channelRule', () => {
  const channels: ChannelSettings = {
    default: { mention: 'ignore' },
    CATEGORY: { mention: 'private', slash: 'deny' },
    CHANNEL: { mention: 'public' },
  };

  it.each([
    [
      'an unlisted channel follows the default, and the built-in rule for what the default leaves out',
      ['ELSEWHERE'],
      { mention: 'ignore', slash: 'allow', help: false },
    ],
    ['a channel in a listed category follows the category', ['OTHER', 'CATEGORY'], { mention: 'private', slash: 'deny', help: false }],
    ['a listed channel overrides only what it names', ['CHANNEL', 'CATEGORY'], { mention: 'public', slash: 'deny', help: false }],
    [
      'a thread follows its channel, then its category',
      ['THREAD', 'CHANNEL', 'CATEGORY'],
      { mention: 'public', slash: 'deny', help: false },
    ],
  ])('%s', (_, ids, rule) => {
    expect(channelRule(channels, fallback, ids)).toEqual(rule);
  });

  it('with no channels configured, every channel gets the built-in rule', () => {
    expect(channelRule({}, fallback, ['X'])).toEqual(fallback);
  });
});

describe('the answer service in configured channels', () => {
  const service = (channels: ChannelSettings, mentionRepliesPublic = true) =>
    new AnswerService({ knowledge, channels, policy: { mentionRepliesPublic } });
  const q = (extra: Partial<Query>): Query => ({
    text: 'tls',
    platform: 'test',
    channelId: 'C1',
    asker: { id: 'U1' },
    via: 'command',
    ...extra,
  });

  it('holds /faq back where it is denied, saying what works instead, and answers it elsewhere and in DMs', async () => {
    const s = service({ C1: { slash: 'deny' }, C2: { slash: 'deny', mention: 'ignore' } });
    const denied = await s.ask(q({}));
    expect(denied).toMatchObject({
      kind: 'held',
      reason: 'slash-denied',
      visibility: 'private',
      message: expect.stringMatching(/^`\/faq` is turned off in this channel; mention the bot/),
    });
    expect(await s.ask(q({ channelId: 'C2' }))).toMatchObject({
      kind: 'held',
      message: '`/faq` is turned off in this channel; ask in another channel.',
    });
    expect((await s.ask(q({ channelId: 'C3' }))).kind).toBe('answer');
    expect((await s.ask(q({ direct: true }))).kind).toBe('answer');
  });

  it('answers a mention privately where the channel says so, whatever mentionRepliesPublic says', async () => {
    const s = service({ C1: { mention: 'private' }, C9: { mention: 'public' } }, true);
    expect((await s.ask(q({ via: 'mention' }))).visibility).toBe('private');
    expect((await s.ask(q({ via: 'mention', channelId: 'T1', channelParents: ['C1'] }))).visibility).toBe('private');
    expect((await service({ C9: { mention: 'public' } }, false).ask(q({ via: 'mention', channelId: 'C9' }))).visibility).toBe('public');
    expect((await service({}, false).ask(q({ via: 'mention' }))).visibility).toBe('private');
  });
});

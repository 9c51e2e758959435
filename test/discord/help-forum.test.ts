// Help forums on Discord (`help: true` on a forum in `channels:`): a new post is answered in its
// thread only when the matcher is sure beyond the stricter help bar, with Helpful / Not helpful
// and "Ask a human"; never a reply inside the thread, never twice in a thread, never a bot's post.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { guildMessage } from '../fakes/discord/payloads.js';
import { snowflake, type FakeChannel, type FakeUser, type RecordedRequest } from '../fakes/discord/server.js';
import { HARNESS_ROLES, expectSafeMentions, startHarness, type ChannelIds, type Harness } from './harness.js';

let h: Harness;
let ids: ChannelIds;
beforeAll(async () => {
  h = await startHarness((i) => {
    ids = i;
    return `policy:\n  channelCooldownSeconds: 0\nchannels:\n  "${i.forum}": { help: true, mention: public }\nhandoff:\n  discordRole: "${HARNESS_ROLES[1]}"\n`;
  });
});
afterAll(async () => {
  expectSafeMentions(h.fake.requests, HARNESS_ROLES[1]);
  await h?.stop();
});

/** A member opens a forum post: THREAD_CREATE, then its first message (whose id is the thread's). */
function newPost(author: FakeUser, title: string, body: string, parentId = ids.forum): FakeChannel {
  const thread: FakeChannel = { id: snowflake(), name: title, type: 11, parent_id: parentId };
  h.fake.dispatch('THREAD_CREATE', {
    id: thread.id,
    type: 11,
    name: title,
    parent_id: parentId,
    guild_id: h.guild.id,
    owner_id: author.id,
    newly_created: true,
    thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false, archive_timestamp: new Date().toISOString() },
    member_count: 1,
    message_count: 0,
  });
  const message = guildMessage({ guild: h.guild, channel: thread }, author, body);
  h.fake.dispatch('MESSAGE_CREATE', { ...message, id: thread.id });
  return thread;
}

const postsIn = (threadId: string, from = 0) =>
  h.fake.requests.slice(from).filter((r: RecordedRequest) => r.method === 'POST' && r.path === `/channels/${threadId}/messages`);
/** Waits until the bot has surely seen the events: a later mention elsewhere is answered. */
async function settle(): Promise<void> {
  const mark = h.fake.requests.length;
  h.fake.dispatch(
    'MESSAGE_CREATE',
    guildMessage(h.general, h.member().user, `<@${h.fake.bot.id}> how do I install example?`, [h.fake.bot]),
  );
  await h.fake.waitFor(
    (r) => r.method === 'POST' && r.path === `/channels/${h.general.channel.id}/messages` && h.fake.requests.indexOf(r) >= mark,
  );
}

describe('help forums on Discord', () => {
  test('a confident match is answered in the post, with Helpful / Not helpful and Ask a human', async () => {
    const thread = newPost(h.member().user, 'How do I install Example?', 'installation steps');
    const post = await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${thread.id}/messages`);
    expect(post.body.embeds[0].title).toBe('How do I install Example?');
    const labels = post.body.components[0].components.map((b: { label: string }) => b.label);
    expect(labels).toEqual(expect.arrayContaining(['Helpful', 'Not helpful', 'Ask a human']));
    expect(post.body.allowed_mentions.parse).toEqual([]);
  });

  test('a post the matcher is not sure about stays unanswered (a wrong unasked-for answer costs more than silence)', async () => {
    const mark = h.fake.requests.length;
    const thread = newPost(h.member().user, 'Weird crash', 'my screen flickers when the fan spins, any idea?');
    await settle();
    expect(postsIn(thread.id, mark)).toEqual([]);
  });

  test("a reply inside a post, a second post message, and a bot's post are never answered", async () => {
    const member = h.member().user;
    const mark = h.fake.requests.length;
    const thread = newPost({ id: snowflake(), username: 'otherbot', bot: true }, 'How do I install Example?', 'installation steps');
    h.fake.dispatch('MESSAGE_CREATE', guildMessage(h.thread, member, 'how do I install example? installation steps'));
    await settle();
    expect(postsIn(thread.id, mark)).toEqual([]);
    expect(postsIn(h.thread.channel.id, mark)).toEqual([]);
  });

  test('never twice in a thread: the same first message delivered again (another replica, a resume) is answered once', async () => {
    const author = h.member().user;
    const thread = newPost(author, 'How do I back up my data?', 'saving a copy of my database');
    await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${thread.id}/messages`);
    const again = guildMessage({ guild: h.guild, channel: thread }, author, 'saving a copy of my database');
    h.fake.dispatch('MESSAGE_CREATE', { ...again, id: thread.id });
    await settle();
    expect(postsIn(thread.id)).toHaveLength(1);
  });
});

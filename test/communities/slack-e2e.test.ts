// Two Slack workspaces on one bot, each with its own knowledge (`communities:` by team id),
// run end to end: the real Bolt app against the fake Slack. Each workspace gets only its own
// answers, mentions, /faq-stats and cooldowns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, eventCallback, slashCommand } from '../fakes/slack/payloads.js';
import { headerText, sectionTexts } from '../slack/blocks-of.js';
import { startHarness, type Harness } from '../slack/harness.js';
import { twoKnowledge } from './knowledge.js';

const BOATS = 'T0BOATS';
const TRAINS = 'T0TRAINS';
let h: Harness;

beforeAll(async () => {
  const k = twoKnowledge();
  h = await startHarness(
    'http',
    { FAQBOT_KNOWLEDGE: k.trains },
    [
      'policy: { rateLimitCount: 3 }',
      'communities:',
      `  ${BOATS}: { name: Boat Club, knowledge: ${k.boats} }`,
      `  ${TRAINS}: { knowledge: ${k.trains} }`,
      `  E0GRID: { name: Grid, knowledge: ${k.boats} }`,
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await h?.close();
});

/** `/faq` (or another command) from one workspace; resolves with the private reply when one comes. */
async function command(
  team: string,
  text: string,
  options: { userId?: string; channelId?: string; command?: string; enterprise?: string } = {},
) {
  const responseUrl = h.fake.responseUrl();
  const channelId = options.channelId ?? h.id('C');
  const acked = await h.driver.command({
    ...slashCommand({
      text,
      userId: options.userId ?? h.id('U'),
      channelId,
      responseUrl,
      ...(options.command ? { command: options.command } : {}),
    }),
    team_id: team,
    ...(options.enterprise ? { enterprise_id: options.enterprise, is_enterprise_install: 'false' } : {}),
  });
  // A private reply rides on the acknowledgement, or comes to response_url afterwards.
  const reply = async (): Promise<{ body: Record<string, unknown> }> => {
    const inAck = acked.body ? (JSON.parse(acked.body) as Record<string, unknown>) : {};
    return 'text' in inAck ? { body: inAck } : h.fake.waitForResponse(responseUrl.split('/').pop());
  };
  return { channelId, reply };
}

describe('two Slack workspaces with their own knowledge', () => {
  it('answers each workspace from its own knowledge alone', async () => {
    expect(headerText((await (await command(BOATS, 'how do I launch my boat')).reply()).body)).toBe('How do I launch my boat?');
    expect(headerText((await (await command(TRAINS, 'where do I buy train tickets')).reply()).body)).toBe('Where do I buy train tickets?');
    const other = (await (await command(TRAINS, 'how do I launch my boat')).reply()).body;
    expect(JSON.stringify(other)).not.toContain('slipway');
    expect(JSON.stringify((await (await command(BOATS, 'house rules')).reply()).body)).toContain('Life jackets');
    expect(JSON.stringify((await (await command(TRAINS, 'house rules')).reply()).body)).toContain('No photos with flash');
  });

  it('answers a workspace of an Enterprise Grid organisation listed by its organisation id', async () => {
    const body = (await (await command('T0GRIDWS', 'how do I launch my boat', { enterprise: 'E0GRID' })).reply()).body;
    expect(headerText(body)).toBe('How do I launch my boat?');
    // The same workspace id without the organisation falls under the default (trains).
    expect(JSON.stringify((await (await command('T0GRIDWS', 'house rules')).reply()).body)).toContain('No photos with flash');
  });

  it('answers a mention from the knowledge of the workspace it came from', async () => {
    const channelId = h.id('C');
    await h.driver.event({
      ...eventCallback(appMention({ text: '<@UBOT> house rules', userId: h.id('U'), channelId, ts: '1700000100.000001' })),
      team_id: BOATS,
    });
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect(JSON.stringify(post.args.blocks)).toContain('Life jackets');
  });

  it('keeps cooldowns and rate limits per workspace', async () => {
    // UNEW is named in both workspaces by a moderator (UMOD is an admin in the fake).
    const first = await command(BOATS, 'house-rules <@UNEW|nina>', { userId: 'UMOD' });
    const posted = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === first.channelId);
    expect(JSON.stringify(posted.args.blocks)).toContain('Life jackets');
    const held = (await (await command(BOATS, 'house-rules <@UNEW|nina>', { userId: 'UMOD' })).reply()).body;
    expect(sectionTexts(held).join('\n')).toMatch(/already sent to that member recently/);
    const { channelId } = await command(TRAINS, 'house-rules <@UNEW|nina>', { userId: 'UMOD' });
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect(JSON.stringify(post.args.blocks)).toContain('No photos with flash');
    const member = h.id('U');
    for (let i = 0; i < 3; i++) await (await command(BOATS, 'mooring fee', { userId: member })).reply();
    expect(sectionTexts((await (await command(BOATS, 'mooring fee', { userId: member })).reply()).body).join('\n')).toMatch(
      /faster than the bot answers/,
    );
    expect(headerText((await (await command(TRAINS, 'timetable', { userId: member })).reply()).body)).toBe('Where is the timetable?');
  });

  it('/faq-stats shows each workspace its own figures and which knowledge it uses', async () => {
    await (await command(BOATS, 'can I rent a kayak')).reply();
    const boats = JSON.stringify((await (await command(BOATS, '', { command: '/faq-stats', userId: 'UMOD' })).reply()).body);
    expect(boats).toContain('kayak');
    expect(boats).toContain('Knowledge used here: \\"Boat Club FAQ\\", 3 entries (community \\"Boat Club\\").');
    const trains = JSON.stringify((await (await command(TRAINS, '', { command: '/faq-stats', userId: 'UMOD' })).reply()).body);
    expect(trains).not.toContain('kayak');
    expect(trains).toContain('Rail Fans FAQ');
  });
});

// Two Discord servers on one bot, each with its own knowledge (`communities:`), run end to
// end: the real discord.js client against the fake Discord. Each server gets only its own
// answers, autocomplete, /faq-stats and cooldowns.
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type Started } from '../../bin/start.js';
import { adapters } from '../../bin/commands.js';
import { autocomplete, slashFaq, slashStats, type Where, type Who } from '../fakes/discord/payloads.js';
import { FakeDiscord, snowflake, type FakeGuild } from '../fakes/discord/server.js';
import { twoKnowledge } from './knowledge.js';

let fake: FakeDiscord;
let knowledge: ReturnType<typeof twoKnowledge>;
let bot: Started;
let boats: Where;
let trains: Where;
let users = 0;
const silent = { info() {}, warn() {}, error() {} };

function guild(name: string): FakeGuild {
  return { id: snowflake(), name, channels: [{ id: snowflake(), name: 'general', type: 0 }], members: [] };
}

function who(g: FakeGuild, moderator = false): Who {
  const user = { id: snowflake(), username: `member${++users}`, global_name: null };
  g.members.push(user);
  return { user, moderator };
}

beforeAll(async () => {
  const k = (knowledge = twoKnowledge());
  const boatGuild = guild('Boat Club');
  const trainGuild = guild('Rail Fans');
  boats = { guild: boatGuild, channel: boatGuild.channels[0]! };
  trains = { guild: trainGuild, channel: trainGuild.channels[0]! };
  fake = await FakeDiscord.start({ guilds: [boatGuild, trainGuild] });
  const cwd = mkdtempSync(join(tmpdir(), 'faqbot-communities-discord-'));
  writeFileSync(
    join(cwd, 'faqbot.config.yaml'),
    [
      'policy: { rateLimitCount: 3 }',
      'communities:',
      `  ${boatGuild.id}: { name: Boat Club, knowledge: ${k.boats} }`,
      `  ${trainGuild.id}: { knowledge: ${k.trains} }`,
      '',
    ].join('\n'),
  );
  bot = await startBot(
    {
      out() {},
      err() {},
      stdin: new PassThrough(),
      cwd,
      env: { DISCORD_TOKEN: 'test-token', DISCORD_API_URL: fake.apiUrl, FAQBOT_DB: join(cwd, 'faqbot.db'), FAQBOT_KNOWLEDGE: k.trains },
    },
    { adapters, log: silent },
  );
  await fake.whenReady();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

async function ask(where: Where, asker: Who, text: string, target?: Who) {
  return (await fake.callbackOf(fake.interact(slashFaq(where, asker, text, target?.user)))).body;
}

describe('two Discord servers with their own knowledge', () => {
  it('answers each server from its own knowledge alone', async () => {
    expect((await ask(boats, who(boats.guild), 'how do I launch my boat')).data.embeds[0].title).toBe('How do I launch my boat?');
    expect((await ask(trains, who(trains.guild), 'where do I buy train tickets')).data.embeds[0].title).toBe(
      'Where do I buy train tickets?',
    );
    // The other server's question finds nothing here.
    const none = await ask(trains, who(trains.guild), 'how do I launch my boat');
    expect(JSON.stringify(none.data)).not.toContain('slipway');
    // The same entry id answers with each server's own text.
    expect(JSON.stringify((await ask(boats, who(boats.guild), 'house rules')).data)).toContain('Life jackets');
    expect(JSON.stringify((await ask(trains, who(trains.guild), 'house rules')).data)).toContain('No photos with flash');
  });

  it("autocompletes from the server's own knowledge", async () => {
    const inBoats = (await fake.callbackOf(fake.interact(autocomplete(boats, who(boats.guild), '')))).body;
    const inTrains = (await fake.callbackOf(fake.interact(autocomplete(trains, who(trains.guild), '')))).body;
    expect(inBoats.type).toBe(8);
    const values = (b: typeof inBoats) => (b.data.choices as { value: string }[]).map((c) => c.value).sort();
    expect(values(inBoats)).toEqual(['house-rules', 'launch-boat', 'mooring-fee']);
    expect(values(inTrains)).toEqual(['house-rules', 'timetable', 'train-tickets']);
  });

  it('keeps cooldowns and rate limits per server', async () => {
    const boatMod = who(boats.guild, true);
    const trainMod = who(trains.guild, true);
    // One person in both servers (Discord user ids are global).
    const both = who(boats.guild);
    trains.guild.members.push(both.user);
    expect((await ask(boats, boatMod, 'house-rules', both)).data.allowed_mentions.users).toEqual([both.user.id]);
    const again = await ask({ ...boats, channel: boats.channel }, boatMod, 'house-rules', both);
    expect(again.data.content).toMatch(/already sent to that member recently/);
    // The same entry id for the same member in the other server is not held back.
    expect((await ask(trains, trainMod, 'house-rules', both)).data.allowed_mentions.users).toEqual([both.user.id]);
    // Three asks use up the rate limit in one server, not in the other.
    for (let i = 0; i < 3; i++) await ask(boats, both, 'mooring fee');
    expect((await ask(boats, both, 'mooring fee')).data.content).toMatch(/faster than the bot answers/);
    expect((await ask(trains, both, 'timetable')).data.embeds[0].title).toBe('Where is the timetable?');
  });

  it('/faq-stats shows each server its own figures and which knowledge it uses', async () => {
    const stats = async (where: Where) => {
      const i = fake.interact(slashStats(where, who(where.guild, true)));
      await fake.callbackOf(i);
      return (await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${i.token}/messages/@original`))
        .body;
    };
    await ask(boats, who(boats.guild), 'can I rent a kayak');
    const boatStats = await stats(boats);
    const embed = boatStats.embeds[0];
    expect(embed.footer.text).toBe('Knowledge used here: "Boat Club FAQ", 3 entries (community "Boat Club").');
    const unanswered = JSON.stringify(embed.fields);
    expect(unanswered).toContain('kayak');
    const trainStats = await stats(trains);
    expect(trainStats.embeds[0].footer.text).toContain('"Rail Fans FAQ"');
    expect(JSON.stringify(trainStats.embeds[0].fields)).not.toContain('kayak');
    const questions = (e: { fields: { name: string; value: string }[] }) => Number(e.fields.find((f) => f.name === 'Questions')!.value);
    expect(questions(embed)).not.toBe(questions(trainStats.embeds[0]));
  });

  it('reloads an edited knowledge folder for the server answered from it alone', async () => {
    appendFileSync(
      join(knowledge.boats, 'faq.yaml'),
      [
        '  - id: winter-storage',
        '    question: Where can I store my boat in winter?',
        '    keywords: [winter, storage]',
        '    answer: In the big shed behind the clubhouse.',
        '',
      ].join('\n'),
    );
    const title = async (where: Where) => JSON.stringify((await ask(where, who(where.guild), 'winter storage')).data);
    const end = Date.now() + 10_000;
    while (!(await title(boats)).includes('big shed')) {
      if (Date.now() > end) throw new Error('the edit was not reloaded');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await title(trains)).not.toContain('big shed');
  });
});

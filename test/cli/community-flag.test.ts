// `--community ID` on check, eval and insights: the community's own knowledge, matcher
// settings and records, as `communities:` in the config says.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandDescriptor, Io } from '../../cli/command.js';
import { checkCommand } from '../../cli/commands/check.js';
import { evalCommand } from '../../cli/commands/eval.js';
import { insightsCommand } from '../../cli/commands/insights.js';
import { runCli } from '../../cli/run-cli.js';
import { InsightsStore } from '../../src/insights/store.js';
import { twoKnowledge, type TwoKnowledge } from '../communities/knowledge.js';

const BOATS = '111111111111111111';
const TRAINS = 'T0TRAINS';
let k: TwoKnowledge;
const commands: CommandDescriptor[] = [checkCommand([]), evalCommand, insightsCommand];

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: new PassThrough(), cwd: k.root, env: {} };
  const code = await runCli(args, commands, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  k = twoKnowledge();
  writeFileSync(
    join(k.root, 'faqbot.config.yaml'),
    [
      `knowledgeDir: ${k.trains}`,
      'insights: { path: faqbot.db }',
      'communities:',
      `  "${BOATS}": { knowledge: boats, name: Boat Club }`,
      `  ${TRAINS}: { knowledge: trains }`,
      '  T0BROKEN: { knowledge: broken }',
      '',
    ].join('\n'),
  );
  mkdirSync(join(k.root, 'broken'));
  writeFileSync(join(k.root, 'broken', 'faq.yaml'), 'entries:\n  - id: Not Kebab\n    question: q\n    answer: a\n');
  writeFileSync(
    join(k.root, 'boat-cases.yaml'),
    'cases:\n  - q: how do I put my boat in the water\n    expect: launch-boat\n  - q: what does mooring cost\n    expect: mooring-fee\n',
  );
  const store = InsightsStore.open({
    path: join(k.root, 'faqbot.db'),
    log: { info() {}, warn() {}, error() {} },
    retentionDays: 90,
    storeQueryText: true,
  });
  const ask = (askId: string, communityId: string, text: string) =>
    store.recordAsk({
      askId,
      at: Date.now() - 1000,
      platform: 'discord',
      communityId,
      channelId: 'C1',
      askerId: 'U1',
      via: 'command',
      text,
      decision: 'none',
      score: 0,
    });
  ask('a1', BOATS, 'can I rent a kayak');
  ask('a2', TRAINS, 'is there a sleeper car');
  store.close();
});

describe('--community', () => {
  it("faqbot check checks that community's knowledge", async () => {
    const boats = await cli('check', '--community', BOATS, '--quick');
    expect(boats.code).toBe(0);
    expect(boats.out).toMatch(/ok: 3 entries in 1 file/);
    const broken = await cli('check', '--community', 'T0BROKEN', '--quick');
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/broken\/faq\.yaml:2:\d+/);
    const both = await cli('check', 'trains', '--community', BOATS);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/either --community ID or a knowledge path/);
  });

  it("faqbot eval asks the cases of that community's knowledge", async () => {
    const boats = await cli('eval', '--cases', 'boat-cases.yaml', '--community', BOATS, '--json');
    expect(JSON.parse(boats.out).top1).toBeGreaterThan(0);
    // The default knowledge (trains) has no boat entry: nothing it answers is right.
    const trains = await cli('eval', '--cases', 'boat-cases.yaml', '--community', 'T0UNLISTED', '--json');
    expect(JSON.parse(trains.out).top1).toBe(0);
    expect(trains.err).toMatch(/T0UNLISTED is not listed under communities: .* default knowledge/);
  });

  it("faqbot insights shows that community's records alone", async () => {
    const boats = await cli('insights', '--community', BOATS, '--json');
    expect(boats.code).toBe(0);
    expect(boats.out).toContain('can I rent a kayak');
    expect(boats.out).not.toContain('sleeper car');
    const all = await cli('insights', '--json');
    expect(all.out).toContain('sleeper car');
    expect(all.out).toContain('kayak');
  });
});

// The wiring `npm start` uses: the store opens at settings.insights.path under the working
// folder, the service records into it, and stop() closes it.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startBot } from '../../bin/start.js';
import type { Io } from '../../cli/command.js';
import { captureLog, here, tempDir } from './helpers.js';

function io(cwd: string): Io {
  return { out() {}, err() {}, stdin: new PassThrough(), cwd, env: { FAQBOT_KNOWLEDGE: 'knowledge' } };
}

function project(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'knowledge'));
  copyFileSync(join(here, 'kb.yaml'), join(dir, 'knowledge', 'faq.yaml'));
  return dir;
}

const member = { id: 'U1', isModerator: true };

describe('startBot with insights', () => {
  it('creates data/faqbot.db, records asks, and keeps them across a restart', async () => {
    const dir = project();
    const first = await startBot(io(dir), { adapters: [], log: captureLog() });
    await first.service.ask({ text: 'is there a dark mode', platform: 'slack', channelId: 'C1', asker: member, via: 'command' });
    await first.stop();
    expect(existsSync(join(dir, 'data', 'faqbot.db'))).toBe(true);

    const second = await startBot(io(dir), { adapters: [], log: captureLog() });
    const stats = await second.service.stats({ asker: member });
    await second.stop();
    expect(stats.kind === 'stats' && stats.summary?.topUnanswered).toEqual([{ text: 'is there a dark mode', count: 1 }]);
  });

  it('answers with a corrupt database file, after one warning', async () => {
    const dir = project();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'faqbot.db'), Buffer.alloc(8192, 7));
    const log = captureLog();
    const bot = await startBot(io(dir), { adapters: [], log });
    const replies = await Promise.all(
      [1, 2, 3].map((i) =>
        bot.service.ask({ text: 'how do I export my data', platform: 'slack', channelId: `C${i}`, asker: member, via: 'command' }),
      ),
    );
    await bot.stop();
    expect(replies.map((r) => r.kind)).toEqual(['answer', 'answer', 'answer']);
    expect(log.warnings.filter((w) => w.startsWith('insights:'))).toHaveLength(1);
  });
});

// The fake Discord as a load driver in its own worker thread, so that in `npm run bench` the
// bot's thread does only the bot's work (Discord is another machine, after all). The driver
// dispatches /faq interactions and times each until its callback arrives, on its own clock.
import { parentPort, workerData } from 'node:worker_threads';
import { slashFaq } from './payloads.js';
import { FakeDiscord, snowflake } from './server.js';

export interface DriverItem {
  text: string;
  userId: string;
}

export type DriverRequest = { type: 'run'; mode: 'sequential' | 'burst'; items: DriverItem[] } | { type: 'stop' };

export type DriverReply =
  { type: 'ready'; apiUrl: string } | { type: 'result'; latencies: number[]; elapsedMs: number } | { type: 'stopped' };

async function main(): Promise<void> {
  const port = parentPort!;
  const channel = { id: snowflake(), name: 'general', type: 0 };
  const guild = { id: snowflake(), name: 'Bench', channels: [channel], members: [] };
  const fake = await FakeDiscord.start({ guilds: [guild] });
  const where = { guild, channel };
  const payload = (item: DriverItem) => slashFaq(where, { user: { id: item.userId, username: 'member' } }, item.text);
  port.on('message', async (msg: DriverRequest) => {
    if (msg.type === 'stop') {
      await fake.stop();
      port.postMessage({ type: 'stopped' } satisfies DriverReply);
      return;
    }
    await fake.whenReady();
    const start = performance.now();
    let latencies: number[];
    if (msg.mode === 'sequential') {
      latencies = [];
      for (const item of msg.items) {
        const t = performance.now();
        const cb = await fake.callbackOf(fake.interact(payload(item)), 10_000);
        latencies.push(cb.at - t);
      }
    } else {
      const sent = msg.items.map((item) => ({ t: performance.now(), interaction: fake.interact(payload(item)) }));
      latencies = await Promise.all(sent.map(async ({ t, interaction }) => (await fake.callbackOf(interaction, 60_000)).at - t));
    }
    port.postMessage({ type: 'result', latencies, elapsedMs: performance.now() - start } satisfies DriverReply);
  });
  port.postMessage({ type: 'ready', apiUrl: fake.apiUrl } satisfies DriverReply);
}

if (parentPort && (workerData as { role?: string } | undefined)?.role === 'discord-bench-driver') void main();

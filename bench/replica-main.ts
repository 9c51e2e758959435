// One bot replica for the `replicas` bench, in its own process: started as `npm start` starts
// it (the environment configures it), with the platforms' HTTP routes (Discord interactions)
// on a plain node:http server standing in for the bot's HTTP server. Prints its ports, then
// runs until SIGTERM.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adapters } from '../bin/commands.js';
import { startBot } from '../bin/start.js';
import { consoleLogger, type Logger } from '../src/log.js';
import type { RunningSlack } from '../adapters/slack/index.js';

const bot = await startBot(
  { out() {}, err() {}, stdin: process.stdin, cwd: process.cwd(), env: process.env },
  { adapters, log: process.env.BENCH_DEBUG ? consoleLogger('replica') : warningsOnly(consoleLogger('replica')) },
);
const server = createServer((req, res) => {
  const route = bot.routes.find((r) => r.method === req.method && r.path === req.url);
  if (route) route.handler(req, res);
  else res.writeHead(404).end();
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const slack = bot.platforms.find((p) => p.name === 'slack') as RunningSlack | undefined;
process.stdout.write(`replica ${slack?.port ?? 0} ${(server.address() as AddressInfo).port}\n`);
/** The bench counts fall-backs to local state: warnings and errors reach stderr, the rest is quiet. */
function warningsOnly(log: Logger): Logger {
  return { info() {}, warn: (m) => log.warn(m), error: (m, e) => log.error(m, e) };
}

process.on('SIGTERM', () => {
  server.close();
  void bot.stop().then(() => process.exit(0));
});

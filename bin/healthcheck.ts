#!/usr/bin/env node
// The container's HEALTHCHECK: exit 0 when the bot's /healthz answers 200, 1 otherwise. Node,
// not curl, because the slim image has no curl. The port is the bot's own choice of it.
import { loadConfig } from '../src/config.js';
import { describeError } from '../src/log.js';
import { OPS_PATHS } from '../src/ops/server.js';

const TIMEOUT_MS = 4_000;

let port: number;
try {
  const { ops, secrets } = loadConfig(process.env, process.cwd());
  port = ops.httpPort ?? secrets.port;
} catch (error) {
  process.stderr.write(`healthcheck: ${describeError(error)}\n`);
  process.exit(1);
}
const url = `http://127.0.0.1:${port}${OPS_PATHS.health}`;
try {
  const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  process.exitCode = 0;
} catch (error) {
  process.stderr.write(`healthcheck: ${url}: ${describeError(error)}\n`);
  process.exitCode = 1;
}

#!/usr/bin/env node
// The `faqbot` executable: the commands of cli/, as bin/commands.ts hands them what they need
// of the adapters. Only this layer and the adapters themselves import an adapter.
import { existsSync } from 'node:fs';
import { commands } from './commands.js';
import { runCli } from '../cli/run-cli.js';
import { readSecrets } from '../src/secrets.js';
import { installLastResort } from '../src/last-resort.js';
import { consoleLogger } from '../src/log.js';
import { secretValues } from '../src/redact.js';

if (existsSync('.env')) process.loadEnvFile('.env');
installLastResort(
  process,
  consoleLogger(),
  () => {
    try {
      return secretValues(readSecrets(process.env));
    } catch {
      return []; // a bad PORT: start-up reports it; token-shaped text is still redacted
    }
  },
  (code) => process.exit(code),
);

const code = await runCli(process.argv.slice(2), commands, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  stdin: process.stdin,
  stdout: process.stdout,
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
// A failed start may leave a connection attempt open (an API that never answers): the exit
// code is final, so once output has had a moment to flush nothing is left to wait for. The
// timer does not itself keep the process alive.
if (code !== 0) setTimeout(() => process.exit(code), 1000).unref();

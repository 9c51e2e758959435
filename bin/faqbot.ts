#!/usr/bin/env node
// The composition root: the core's commands, the adapters' commands and `start`. Only this
// layer (and the adapters) may know that Discord and Slack exist.
import { existsSync } from 'node:fs';
import { commands } from './commands.js';
import { runCli } from '../src/cli/run-cli.js';

if (existsSync('.env')) process.loadEnvFile('.env');

const code = await runCli(process.argv.slice(2), commands, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  stdin: process.stdin,
  stdout: process.stdout,
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;

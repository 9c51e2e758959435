// runCli over command descriptors: `faqbot --help` lists each command's name and summary from
// its descriptor without loading any command, and running one loads that one alone.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commands } from '../../bin/commands.js';
import type { CommandBody, CommandDescriptor, Io } from '../../cli/command.js';
import { runCli } from '../../cli/run-cli.js';

function descriptor(name: string, summary: string, loaded: string[]): CommandDescriptor {
  const body: CommandBody = {
    usage: `faqbot ${name}`,
    options: {},
    async run(_args, io) {
      io.out(`ran ${name}`);
      return 0;
    },
  };
  return {
    name,
    summary,
    async load() {
      loaded.push(name);
      return body;
    },
  };
}

async function cli(args: string[], list: readonly CommandDescriptor[]) {
  const out: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => out.push(t), stdin: new PassThrough(), cwd: process.cwd(), env: {} };
  const code = await runCli(args, list, io);
  return { code, out: out.join('\n') };
}

describe('runCli', () => {
  it('lists every command from its descriptor, loading none', async () => {
    const loaded: string[] = [];
    const { code, out } = await cli(['--help'], [descriptor('one', 'The first', loaded), descriptor('two', 'The second', loaded)]);
    expect(code).toBe(0);
    expect(out).toMatch(/^ {2}one {2}The first$/m);
    expect(out).toMatch(/^ {2}two {2}The second$/m);
    expect(loaded).toEqual([]);
  });

  it('loads only the command it runs, and its --help opens with the summary the list shows', async () => {
    const loaded: string[] = [];
    const list = [descriptor('one', 'The first', loaded), descriptor('two', 'The second', loaded)];
    expect((await cli(['two'], list)).out).toBe('ran two');
    expect(loaded).toEqual(['two']);
    expect((await cli(['one', '--help'], list)).out.split('\n')[0]).toBe('The first');
  });

  it("names each of faqbot's commands once", () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['start', 'discord', 'slack', 'ask', 'chat', 'check', 'eval', 'import', 'preview', 'insights']);
  });
});

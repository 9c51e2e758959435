// The outermost layer: parses argv, dispatches to a command, and is the one place that turns
// errors into messages and exit codes. No stack traces reach the user.
import { parseArgs } from 'node:util';
import { FaqbotError } from '../src/errors.js';
import { packageVersion } from './version.js';
import { resolveCommand, type Command, type CommandDescriptor, type Io } from './command.js';

export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_USAGE = 2;

export async function runCli(argv: readonly string[], commands: readonly CommandDescriptor[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(topHelp(commands));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(`faqbot ${packageVersion()}`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(
      `faqbot: unknown command "${name}"${didYouMean(
        name,
        commands.map((c) => c.name),
      )}\nRun \`faqbot --help\` for the list of commands.`,
    );
    return EXIT_USAGE;
  }
  return runCommand(await resolveCommand(command), rest, io, `faqbot ${name}`);
}

async function runCommand(command: Command, argv: readonly string[], io: Io, path: string): Promise<number> {
  if (command.subcommands && command.subcommands.length > 0) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      io.out(commandHelp(command));
      return sub === undefined ? EXIT_USAGE : EXIT_OK;
    }
    const found = command.subcommands.find((c) => c.name === sub);
    if (!found) {
      io.err(
        `${path}: unknown sub-command "${sub}"${didYouMean(
          sub,
          command.subcommands.map((c) => c.name),
        )}\nUsage: ${command.usage}`,
      );
      return EXIT_USAGE;
    }
    return runCommand(found, rest, io, `${path} ${sub}`);
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(commandHelp(command));
    return EXIT_OK;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${path}: ${cleanParseError(error)}\nUsage: ${command.usage}\nRun \`${path} --help\` for details.`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(
      { values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals },
      io,
    );
  } catch (error) {
    if (error instanceof FaqbotError) {
      io.err(`${path}: ${error.message}`);
      for (const line of error.details) io.err(`  ${line}`);
      return error.code === 'usage' ? EXIT_USAGE : EXIT_FAIL;
    }
    io.err(`${path}: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAIL;
  }
}

function cleanParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option/, 'unknown option');
}

function topHelp(commands: readonly CommandDescriptor[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "faqbot: answers your community's frequently asked questions in Discord and Slack.",
    '',
    'Usage: faqbot <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `faqbot <command> --help` for a command's options, `faqbot --version` (-v) for the version.",
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const lines = [command.summary, '', `Usage: ${command.usage}`];
  const opts = Object.entries(command.options);
  if (opts.length > 0) {
    lines.push('', 'Options:');
    const shown = opts.map(([flag, spec]) => `--${flag}${spec.type === 'string' ? ` ${placeholder(command.usage, flag)}` : ''}`);
    const width = Math.max(...shown.map((s) => s.length));
    opts.forEach(([flag], i) => lines.push(`  ${shown[i]!.padEnd(width)}  ${command.optionHelp?.[flag] ?? ''}`.trimEnd()));
  }
  if (command.subcommands?.length) {
    lines.push('', 'Sub-commands:', ...command.subcommands.map((c) => `  ${c.name}  ${c.summary}`));
  }
  if (command.details) lines.push('', command.details);
  return lines.join('\n');
}

/** The word the usage line shows after `--flag` (PATH, FILE, N...), so help and usage agree. */
function placeholder(usage: string, flag: string): string {
  return new RegExp(`--${flag} ([A-Z][A-Z0-9_]*|\\d\\w*)`).exec(usage)?.[1] ?? 'VALUE';
}

function didYouMean(name: string, names: readonly string[]): string {
  const near = names.find((n) => n.startsWith(name.slice(0, 2)) && Math.abs(n.length - name.length) <= 2);
  return near ? ` (did you mean "${near}"?)` : '';
}

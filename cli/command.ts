// Commands are data: a name, a summary, their flags in node:util parseArgs form, and run().
// Each command module exports a descriptor, its name and summary and how to load the rest, so
// `faqbot --help` lists every command without loading any, and running one loads only it.
// Only runCli prints errors and picks exit codes.
import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, for the chat REPL. */
  stdin: NodeJS.ReadableStream;
  /**
   * Standard output as a stream, when it may be a terminal: its width for wrapping, and the
   * chat's prompt and line editing. Absent in tests that only collect out().
   */
  stdout?: NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number };
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** What running a command takes: its usage, flags and help, and run(). Loaded when it runs. */
export interface CommandBody {
  /** e.g. `faqbot ask "question" [--json]` */
  readonly usage: string;
  /** Extra lines for --help. */
  readonly details?: string;
  readonly options: OptionSpec;
  /** One line of help per flag, keyed like `options`. */
  readonly optionHelp?: Readonly<Record<string, string>>;
  /** Sub-commands, e.g. `faqbot discord register`. */
  readonly subcommands?: readonly Command[];
  run(args: ParsedArgs, io: Io): Promise<number>;
}

/**
 * A command as `faqbot --help` lists it: the one place its name and summary are written. The
 * body is loaded from inside load(), so listing the commands loads none of their modules.
 */
export interface CommandDescriptor {
  readonly name: string;
  readonly summary: string;
  load(): Promise<CommandBody>;
}

/** A command with its body: what runCli runs and --help describes; sub-commands are written so. */
export interface Command extends CommandBody {
  readonly name: string;
  readonly summary: string;
}

export async function resolveCommand(descriptor: CommandDescriptor): Promise<Command> {
  return { ...(await descriptor.load()), name: descriptor.name, summary: descriptor.summary };
}

/** The body of a command that only groups sub-commands (`faqbot discord register`); runCli dispatches. */
export function commandGroup(subcommands: readonly Command[]): CommandBody {
  return {
    usage: subcommands.map((c) => c.usage).join('\n       '),
    options: {},
    subcommands,
    async run() {
      return 2; // never reached: runCli answers a missing or unknown sub-command itself
    },
  };
}

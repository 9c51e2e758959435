// Commands are data: a name, a summary, their flags in node:util parseArgs form, and run().
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

export interface Command {
  readonly name: string;
  readonly summary: string;
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

/** A command known by name and summary, loaded only when run: keeps start-up light. */
export interface LazyCommand {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

export type CommandEntry = Command | LazyCommand;

export async function resolveCommand(entry: CommandEntry): Promise<Command> {
  return 'load' in entry ? entry.load() : entry;
}

/** A command that only groups sub-commands (`faqbot discord register`); runCli dispatches. */
export function commandGroup(name: string, summary: string, subcommands: readonly Command[]): Command {
  return {
    name,
    summary,
    usage: subcommands.map((c) => c.usage).join('\n       '),
    options: {},
    subcommands,
    async run() {
      return 2; // never reached: runCli answers a missing or unknown sub-command itself
    },
  };
}

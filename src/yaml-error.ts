// One reading of a yaml library error: where it is and what it says. The library only fills
// `linePos` when `prettyErrors` is on (its default), so callers must not turn that off.
import type { YAMLError } from 'yaml';

export interface YamlErrorAt {
  readonly line: number;
  readonly col: number;
  /** The first line of the message, without the library's " at line N, column M:" suffix. */
  readonly message: string;
}

export function yamlErrorAt(e: YAMLError): YamlErrorAt {
  const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
  const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return { line: pos.line, col: pos.col, message };
}

/** Names the offending line for a message: its text, or the end of the file when it is blank. */
export function offendingText(text: string, line: number): string {
  const offending = (text.split('\n')[line - 1] ?? '').trim().slice(0, 80);
  return offending ? `in \`${offending}\`` : 'at the end of the file';
}

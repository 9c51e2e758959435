/**
 * The one error class the core throws for problems a user can fix. Only the outermost layer
 * (the CLI, an adapter's edge) prints it; `code` lets callers branch without parsing text.
 */
export type FaqbotErrorCode =
  | 'config'
  | 'knowledge'
  | 'usage'
  | 'not-found'
  | 'import'
  /** A model file (e.g. the static encoder table) is missing or unreadable. */
  | 'model';

export class FaqbotError extends Error {
  readonly code: FaqbotErrorCode;
  /** Extra lines, e.g. one per problem found in a knowledge file. */
  readonly details: readonly string[];

  constructor(code: FaqbotErrorCode, message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'FaqbotError';
    this.code = code;
    this.details = details;
  }
}

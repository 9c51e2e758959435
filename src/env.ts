// Reading variables of the environment: what the config loader, the secrets and the ops
// settings share. Each reader is handed the environment, so tests pass their own.
import { FaqbotError } from './errors.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value trimmed; unset and blank are the same. */
export function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A port number from a variable, or the error naming the variable and the fix. */
export function portNumber(name: string, text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new FaqbotError('config', `${name}=${text} is not a port number; set ${name} to a whole number from 0 to 65535`);
  }
  return port;
}

// `--knowledge PATH`, the flag every command that loads knowledge takes: one spec, one help
// line and one rule for which path wins, so no command can forget it.
import { resolve } from 'node:path';
import type { Config, Settings } from '../src/config.js';
import type { KnowledgeOrigin } from '../src/knowledge/load.js';
import { requireKnowledgeAt } from '../src/knowledge/load.js';
import type { Io, OptionSpec } from './command.js';

export const knowledgeOption = { knowledge: { type: 'string' } } as const satisfies OptionSpec;

export const knowledgeHelp = { knowledge: 'a knowledge file or folder (default: knowledgeDir from the config, knowledge/)' } as const;

/** The flag when given, else the configured folder; relative to the working directory. */
export function knowledgePath(flag: unknown, settings: Pick<Settings, 'knowledgeDir'>, io: Pick<Io, 'cwd'>): string {
  return resolve(io.cwd, typeof flag === 'string' && flag !== '' ? flag : settings.knowledgeDir);
}

/** Who named the path `knowledgePath` gives: the flag, or whatever set knowledgeDir. */
export function knowledgeOrigin(flag: unknown, config: Pick<Config, 'knowledgeDirFrom'>): KnowledgeOrigin {
  return typeof flag === 'string' && flag !== '' ? { kind: 'setting', name: '--knowledge' } : config.knowledgeDirFrom;
}

/** `knowledgePath`, checked to exist: a missing one is explained by who named it. */
export function existingKnowledgePath(flag: unknown, config: Pick<Config, 'settings' | 'knowledgeDirFrom'>, io: Pick<Io, 'cwd'>): string {
  return requireKnowledgeAt(knowledgePath(flag, config.settings, io), knowledgeOrigin(flag, config), io.cwd);
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../../src/domain.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Logger } from '../../src/log.js';

export const here = dirname(fileURLToPath(import.meta.url));

export function fixtureKnowledge(): KnowledgeBase {
  return loadKnowledge(join(here, 'kb.yaml'), here).knowledge;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'faqbot-insights-'));
}

export interface CapturedLog extends Logger {
  readonly warnings: string[];
  readonly infos: string[];
}

export function captureLog(): CapturedLog {
  const warnings: string[] = [];
  const infos: string[] = [];
  return {
    warnings,
    infos,
    info: (m) => infos.push(m),
    warn: (m) => warnings.push(m),
    error: (m) => warnings.push(m),
  };
}

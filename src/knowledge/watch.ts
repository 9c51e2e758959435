// Hot reload: watches the knowledge folder (or file) and swaps in a changed knowledge base when
// it is valid. An invalid change keeps the last good base and logs every problem as
// file:line:col, so a typo in one file never takes the bot down or empties it.
import { watch, statSync, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { KnowledgeBase, Problem } from '../domain.js';
import { describeError, type Logger } from '../log.js';
import { checkKnowledge, formatProblem } from './load.js';

/** What receives a new knowledge base: the AnswerService. */
export interface KnowledgeTarget {
  readonly knowledge: KnowledgeBase;
  replaceKnowledge(kb: KnowledgeBase): void;
}

export type ReloadOutcome =
  | { readonly ok: true; readonly knowledge: KnowledgeBase; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly message: string };

export interface WatchOptions {
  /** The knowledge folder or file, as loaded at start. */
  path: string;
  cwd?: string;
  target: KnowledgeTarget;
  log: Logger;
  /** Editors write a file in several steps; wait this long after the last event. */
  debounceMs?: number;
  /** Called after each reload attempt (tests wait on it). */
  onReload?: (outcome: ReloadOutcome) => void;
}

export interface KnowledgeWatcher {
  /** Reloads at once, as a change would. */
  reload(): ReloadOutcome;
  close(): void;
}

export function watchKnowledge(options: WatchOptions): KnowledgeWatcher {
  const { path, target, log } = options;
  const cwd = options.cwd ?? process.cwd();
  const debounceMs = options.debounceMs ?? 250;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const reload = (): ReloadOutcome => {
    let outcome: ReloadOutcome;
    try {
      const { knowledge, problems } = checkKnowledge(path, cwd);
      if (knowledge) {
        target.replaceKnowledge(knowledge);
        outcome = { ok: true, knowledge, warnings: problems };
        log.info(`knowledge reloaded: ${knowledge.entries.length} entries from ${path}`);
        for (const w of problems) log.warn(formatProblem(w));
      } else {
        const errors = problems.filter((p) => p.severity === 'error');
        outcome = { ok: false, problems, message: `${errors.length} problem${errors.length === 1 ? '' : 's'}` };
        log.error(`knowledge change not loaded (${outcome.message}); still answering from the last good knowledge base (${target.knowledge.entries.length} entries). Fix:`);
        for (const p of problems) (p.severity === 'error' ? log.error : log.warn)(formatProblem(p));
      }
    } catch (error) {
      // A missing folder or a folder with no YAML left (e.g. mid-rename): keep answering.
      outcome = { ok: false, problems: [], message: describeError(error) };
      log.error(`knowledge change not loaded: ${describeError(error)}; still answering from the last good knowledge base`);
    }
    options.onReload?.(outcome);
    return outcome;
  };

  const schedule = (file: string | null) => {
    if (closed) return;
    if (file !== null && !isKnowledgeFile(file)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) reload();
    }, debounceMs);
    timer.unref();
  };

  let watcher: FSWatcher;
  if (statSync(path).isFile()) {
    // Editors often replace a file (write elsewhere, rename over it), which ends a watch on the
    // file itself; watching its folder survives that.
    const name = basename(path);
    watcher = watch(dirname(path), (_event, file) => {
      if (file === null || file === name) schedule(name);
    });
  } else {
    watcher = watch(path, { recursive: true }, (_event, file) => schedule(file === null ? null : String(file)));
  }
  watcher.on('error', (error) => log.warn(`knowledge: watching ${path} stopped (${describeError(error)}); restart the bot to pick up further changes`));
  watcher.unref();

  return {
    reload,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}

function isKnowledgeFile(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

// Hot reload: watches the knowledge folder (or file) and swaps in a changed knowledge base when
// it is valid. An invalid change keeps the last good base and logs every problem as
// file:line:col, so a typo in one file never takes the bot down or empties it.
import { statSync } from 'node:fs';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { basename, dirname, join, resolve } from 'node:path';
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
  /** Resolves once the watch is in place: changes before it may go unseen. */
  readonly ready: Promise<void>;
  close(): void;
}

/**
 * Reads the knowledge at `path` again and swaps it in when valid; otherwise keeps the last
 * good base answering and logs every problem. Never throws. Used by the watch, and by git
 * sources after a pull moved them.
 */
export function reloadKnowledge(options: Pick<WatchOptions, 'path' | 'target' | 'log' | 'onReload'> & { cwd: string }): ReloadOutcome {
  const { path, cwd, target, log } = options;
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
}

export function watchKnowledge(options: WatchOptions): KnowledgeWatcher {
  const { path, target, log } = options;
  const cwd = options.cwd ?? process.cwd();
  // chokidar drops a second 'change' for a path within 50 ms of the last one. Reloading no
  // sooner than that after the last event means the reload reads the file after such a write.
  const debounceMs = Math.max(options.debounceMs ?? 250, CHOKIDAR_CHANGE_THROTTLE_MS + 10);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const reload = (): ReloadOutcome => reloadKnowledge({ path, cwd, target, log, ...(options.onReload ? { onReload: options.onReload } : {}) });

  const schedule = (file: string) => {
    if (closed) return;
    if (!isKnowledgeFile(file)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) reload();
    }, debounceMs);
    timer.unref();
  };

  // chokidar, not fs.watch: on Node 20 a recursive fs.watch stops reporting a file once it has
  // been replaced by a rename (`sed -i`, editors that write then rename, `git checkout`, `mv`).
  // chokidar re-attaches and reports one event per step. A single file is watched through its
  // folder, so replacing the file cannot end the watch either.
  const single = statSync(path).isFile();
  const name = basename(path);
  const root = single ? dirname(path) : path;
  const watchRoot = (): FSWatcher => {
    const w = chokidarWatch(root, { ignoreInitial: true, ...(single ? { depth: 0 } : {}) });
    w.on('all', (_event, file) => {
      if (single && basename(file) !== name) return;
      schedule(file);
    });
    w.on('error', (error) => log.warn(`knowledge: watching ${path} stopped (${describeError(error)}); restart the bot to pick up further changes`));
    return w;
  };
  let watcher = watchRoot();
  // A watch ends with the folder it watches: when the folder is deleted and made again (a
  // checkout, a deploy that replaces it), nothing would be seen any more. Its parent is watched
  // for that, one level deep, and the folder's watch is started again when it is back.
  const parent: FSWatcher = chokidarWatch(dirname(root), { ignoreInitial: true, depth: 0 });
  parent.on('unlinkDir', (dir) => {
    if (closed || resolve(dir) !== resolve(root)) return;
    log.warn(`knowledge: the folder ${root} was removed; still answering from the last good knowledge base (${target.knowledge.entries.length} entries), and watching for it to come back`);
  });
  parent.on('addDir', (dir) => {
    if (closed || resolve(dir) !== resolve(root)) return;
    log.info(`knowledge: the folder ${root} is back; watching it again`);
    void watcher.close();
    watcher = watchRoot();
    // Files written before the new watch was in place are read now.
    watcher.once('ready', () => schedule(single ? path : join(root, 'knowledge.yaml')));
  });
  parent.on('error', (error) => log.warn(`knowledge: watching the folder around ${root} stopped (${describeError(error)})`));
  const ready = Promise.all([
    new Promise<void>((done) => watcher.once('ready', () => done())),
    new Promise<void>((done) => parent.once('ready', () => done())),
  ]).then(() => undefined);

  return {
    reload,
    ready,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      void watcher.close();
      void parent.close();
    },
  };
}

/** chokidar's own throttle of 'change' events per path (see its _emit). */
const CHOKIDAR_CHANGE_THROTTLE_MS = 50;

function isKnowledgeFile(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

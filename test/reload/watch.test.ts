import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, renameSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Query, Reply } from '../../src/domain.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { watchKnowledge, type KnowledgeWatcher, type ReloadOutcome } from '../../src/knowledge/watch.js';
import type { Logger } from '../../src/log.js';
import { AnswerService } from '../../src/service/answer-service.js';

const BASE = `title: Reload test
entries:
  - id: reset-password
    question: How do I reset my password?
    alternates: [I forgot my password, password reset link]
    keywords: [password]
    answer: Use the "Forgot password" link.
  - id: export-data
    question: How do I export my data?
    alternates: [download all my data]
    keywords: [export]
    answer: Settings, then Export.
`;

const DARK_MODE = `  - id: dark-mode
    question: How do I turn on dark mode?
    alternates: [switch to the dark theme, night mode]
    keywords: [dark mode, theme]
    answer: Settings, then Appearance, then Dark.
`;

const watchers: KnowledgeWatcher[] = [];
afterEach(() => {
  while (watchers.length) watchers.pop()!.close();
});

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-reload-'));
  const folder = join(dir, 'knowledge');
  mkdirSync(folder);
  const file = join(folder, 'faq.yaml');
  writeFileSync(file, BASE);
  const service = new AnswerService({
    knowledge: loadKnowledge(folder, dir).knowledge,
    policy: { rateLimitCount: 100_000, channelCooldownSeconds: 0 },
  });
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
  const outcomes: ReloadOutcome[] = [];
  let waiting: ((o: ReloadOutcome) => void) | undefined;
  const watcher = watchKnowledge({
    path: folder,
    cwd: dir,
    target: service,
    log,
    debounceMs: 30,
    onReload: (o) => {
      outcomes.push(o);
      waiting?.(o);
    },
  });
  watchers.push(watcher);
  await watcher.ready;
  /** Resolves with the first reload after `edit` (no clock involved: it waits on the watcher). */
  const afterReload = (edit: () => void) =>
    new Promise<ReloadOutcome>((done) => {
      waiting = (o) => {
        waiting = undefined;
        done(o);
      };
      edit();
    });
  return { dir, folder, file, service, lines, outcomes, afterReload };
}

/** Waits for something the watcher does on its own (file events), without asserting a time. */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ask = async (service: AnswerService, text: string): Promise<Reply> => {
  const q: Query = { text, platform: 'console', channelId: 'c', asker: { id: 'u' }, via: 'console' };
  return await service.ask(q);
};
const answered = (r: Reply) => (r.kind === 'answer' ? r.entry.id : r.kind);

describe('hot reload of the knowledge folder', () => {
  it('answers from a valid edit without a restart (answers and autocomplete)', async () => {
    const { file, service, afterReload } = await setup();
    expect(answered(await ask(service, 'how do I turn on dark mode'))).not.toBe('dark-mode');
    const outcome = await afterReload(() => writeFileSync(file, BASE + DARK_MODE));
    expect(outcome.ok).toBe(true);
    expect(answered(await ask(service, 'how do I turn on dark mode'))).toBe('dark-mode');
    expect(service.autocomplete('dark', 25).map((c) => c.entryId)).toContain('dark-mode');
  });

  it('keeps the last good knowledge base on a broken edit and logs every problem as file:line:col', async () => {
    const { file, service, lines, afterReload } = await setup();
    await afterReload(() => writeFileSync(file, BASE + DARK_MODE));
    const broken = (BASE + DARK_MODE).replace('    answer: Settings, then Export.\n', '').replace('id: dark-mode', 'id: Dark Mode');
    const outcome = await afterReload(() => writeFileSync(file, broken));
    expect(outcome.ok).toBe(false);
    expect(answered(await ask(service, 'how do I turn on dark mode'))).toBe('dark-mode');
    expect(answered(await ask(service, 'I forgot my password'))).toBe('reset-password');
    expect(lines.some((l) => l.includes('still answering from the last good knowledge base (3 entries)'))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^knowledge[/\\]faq\.yaml:8:\d+: entry `export-data`: missing `answer`/));
    expect(lines).toContainEqual(expect.stringMatching(/^knowledge[/\\]faq\.yaml:\d+:\d+: id `Dark Mode` is not kebab-case/));

    // Fixing the file brings the new version in.
    const fixed = await afterReload(() => writeFileSync(file, BASE));
    expect(fixed.ok).toBe(true);
    expect(answered(await ask(service, 'how do I turn on dark mode'))).not.toBe('dark-mode');
  });

  it('keeps answering when a YAML syntax error is saved, and when every file is moved away', async () => {
    const { file, folder, service, lines, afterReload } = await setup();
    const syntax = await afterReload(() => writeFileSync(file, `${BASE}  - id: [unclosed\n`));
    expect(syntax.ok).toBe(false);
    expect(lines).toContainEqual(expect.stringMatching(/^knowledge[/\\]faq\.yaml:\d+:\d+: YAML syntax/));
    const gone = await afterReload(() => renameSync(file, join(folder, 'faq.bak')));
    expect(gone.ok).toBe(false);
    expect(answered(await ask(service, 'I forgot my password'))).toBe('reset-password');
  });

  it('picks up the folder again after it is deleted and made again, and says so in the log', async () => {
    const { folder, file, service, lines, outcomes } = await setup();
    rmSync(folder, { recursive: true, force: true });
    await until(() =>
      lines.some((l) =>
        /^knowledge: the folder .*knowledge was removed; still answering from the last good knowledge base \(2 entries\)/.test(l),
      ),
    );
    expect(answered(await ask(service, 'I forgot my password'))).toBe('reset-password');
    const mark = outcomes.length;
    mkdirSync(folder);
    writeFileSync(file, BASE + DARK_MODE);
    await until(() => outcomes.slice(mark).some((o) => o.ok && o.knowledge.entries.length === 3));
    expect(lines).toContainEqual(expect.stringMatching(/^knowledge: the folder .*knowledge is back; watching it again$/));
    // And edits after that are seen too.
    const again = outcomes.length;
    writeFileSync(file, BASE);
    await until(() => outcomes.slice(again).some((o) => o.ok && o.knowledge.entries.length === 2));
  });

  it('answers every question asked while edits are swapped in', async () => {
    const { file, service, afterReload } = await setup();
    const replies: Promise<Reply>[] = [];
    let asking = true;
    const loop = () => {
      replies.push(ask(service, 'I forgot my password'));
      if (asking) setImmediate(loop);
    };
    loop();
    for (let i = 0; i < 5; i++) {
      const extra = i % 2 === 0 ? DARK_MODE : DARK_MODE.replace('night mode', `night mode ${i}`);
      const outcome = await afterReload(() => writeFileSync(file, BASE + extra));
      expect(outcome.ok).toBe(true);
    }
    asking = false;
    expect(replies.length).toBeGreaterThan(5);
    expect(new Set((await Promise.all(replies)).map(answered))).toEqual(new Set(['reset-password']));
  });

  it('keeps reloading a file after it is replaced by a rename (sed -i, write-then-rename, mv over), one step at a time', async () => {
    const { folder, file, service, afterReload } = await setup();
    const entry = (id: string, phrase: string) =>
      `  - id: ${id}\n    question: What about ${phrase}?\n    alternates: [tell me about ${phrase}]\n    answer: ${phrase} is covered.\n`;
    const live = async (phrase: string, id: string) => expect(answered(await ask(service, `tell me about ${phrase}`)), phrase).toBe(id);

    // 1. An append in place.
    expect((await afterReload(() => appendFileSync(file, entry('first-step', 'zebra crossings')))).ok).toBe(true);
    await live('zebra crossings', 'first-step');
    // 2. sed -i writes a temporary file and renames it over faq.yaml.
    expect(
      (
        await afterReload(() => {
          const r = spawnSync('sed', ['-i', 's/zebra crossings/yak shaving/g', file]);
          if (r.status !== 0) throw new Error(String(r.stderr));
        })
      ).ok,
    ).toBe(true);
    await live('yak shaving', 'first-step');
    // 3. An append to the file that replaced the original: fs.watch on Node 20 no longer saw this.
    expect((await afterReload(() => appendFileSync(file, entry('third-step', 'quokka photos')))).ok).toBe(true);
    await live('quokka photos', 'third-step');
    // 4. mv over it, as an editor's write-then-rename or a git checkout does.
    const temp = join(folder, '.faq.yaml.tmp');
    writeFileSync(temp, readFileSync(file, 'utf8') + entry('fourth-step', 'walrus teeth'));
    expect((await afterReload(() => renameSync(temp, file))).ok).toBe(true);
    await live('walrus teeth', 'fourth-step');
    // 5. And an append after that.
    expect((await afterReload(() => appendFileSync(file, entry('fifth-step', 'narwhal tusks')))).ok).toBe(true);
    await live('narwhal tusks', 'fifth-step');
    // A broken file renamed over it keeps the last good base, and the watch goes on.
    writeFileSync(temp, `${readFileSync(file, 'utf8')}  - id: [unclosed\n`);
    expect((await afterReload(() => renameSync(temp, file))).ok).toBe(false);
    await live('narwhal tusks', 'fifth-step');
    expect((await afterReload(() => writeFileSync(file, BASE + entry('sixth-step', 'okapi stripes')))).ok).toBe(true);
    await live('okapi stripes', 'sixth-step');
  });

  it('ignores files that are not knowledge files', async () => {
    const { folder, file, service, afterReload } = await setup();
    writeFileSync(join(folder, 'notes.txt'), 'not yaml');
    // The next reload is the YAML edit, not the text file.
    const outcome = await afterReload(() => {
      writeFileSync(join(folder, 'draft.txt'), 'x');
      writeFileSync(file, BASE + DARK_MODE);
    });
    expect(outcome.ok).toBe(true);
    expect(answered(await ask(service, 'night mode'))).toBe('dark-mode');
    rmSync(join(folder, 'notes.txt'));
    expect(readFileSync(file, 'utf8')).toContain('dark-mode');
  });
});

// `faqbot import FILE.md`: a FAQ page to a knowledge file, or a changed page into an existing
// knowledge file (keeping what maintainers added). The conversion itself lives in src/import/.
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../src/config.js';
import { FaqbotError } from '../../../src/errors.js';
import { mergeDraft, type MergeReport } from '../../../src/import/merge.js';
import { importPage, type ImportedPage } from '../../../src/import/page.js';
import { LINK_STYLES, type LinkStyle } from '../../../src/import/links.js';
import { formatNotes } from '../../../src/import/report.js';
import { readExisting } from '../../../src/import/existing.js';
import { draftToYaml } from '../../../src/import/write-yaml.js';
import { checkKnowledge, formatProblem } from '../../../src/knowledge/load.js';
import { isHttpUrl } from '../../../src/knowledge/validate.js';
import type { CommandBody, Io } from '../../command.js';
import { stringFlag } from '../../context.js';

export const importBody: CommandBody = {
  usage:
    'faqbot import FILE.md [--base-url URL] [--link-style html|directory|clean|as-is] [--repo-url URL] [--site-root URL] [--out FILE.yaml] [--questions-only | --all-headings]',
  details: [
    'Each heading that asks something (ends with "?", or starts with How, What, Can...), each bold',
    'line ending with "?" and each `??? question "..."` block becomes an entry; its section is the',
    "answer. A statement heading that heads an answer at the level of the page's questions",
    'becomes an entry too, under a question made from it ("Scoring" -> "How does scoring work?").',
    'Deeper sub-sections join the answer above them; trailing trademark, licence or credits',
    "notices become the file's footer. HTML, admonitions (!!! note, ::: tip), attribute lists,",
    'footnotes and reference links are turned into plain Markdown. Every decision is listed on stderr.',
    'With --out pointing at an existing knowledge file, entries are matched by question: ids,',
    'alternates, keywords, links, related, tags and pinned are kept, and the changes are listed.',
  ].join('\n'),
  options: {
    'base-url': { type: 'string' },
    out: { type: 'string' },
    'all-headings': { type: 'boolean' },
    'questions-only': { type: 'boolean' },
    'link-style': { type: 'string' },
    'repo-url': { type: 'string' },
    'site-root': { type: 'string' },
  },
  optionHelp: {
    'base-url': 'the address the page is published at; relative links resolve against it',
    'link-style':
      'how the site serves page.md: html (page.html), directory (page/, MkDocs), clean (page) or as-is; default from --base-url: ending in / directory, in .html html, else clean',
    'repo-url': "the page's folder in its repository (https://github.com/org/repo/blob/main/docs/); links that leave the site go there",
    'site-root':
      "the address root-absolute links (/guide/install.md) are read against; default: the host's root, or the /en/stable/-style version root of a Read the Docs address",
    'questions-only': 'import only headings that ask something, not statement headings',
    out: 'write to this file (updating it if it exists) instead of printing the YAML',
    'all-headings': 'import every heading with content, not only the ones that ask something',
  },
  async run({ values, positionals }, io) {
    const [input, ...extra] = positionals;
    if (input === undefined)
      throw new FaqbotError(
        'usage',
        'missing the Markdown file to import; usage: faqbot import FILE.md [--base-url URL] [--out FILE.yaml]',
      );
    if (extra.length > 0) throw new FaqbotError('usage', `one file at a time; unexpected "${extra[0]}"`);
    const baseUrl = parseBaseUrl(stringFlag(values['base-url']));
    const inputPath = resolve(io.cwd, input);
    const markdown = readPage(inputPath, input);

    const linkStyle = parseLinkStyle(stringFlag(values['link-style']));
    const repoUrl = parseRepoUrl(stringFlag(values['repo-url']));
    const siteRoot = parseSiteRoot(stringFlag(values['site-root']));
    if (siteRoot && !baseUrl)
      throw new FaqbotError(
        'usage',
        '--site-root needs --base-url too: the address this page is published at, e.g. --base-url https://docs.example.org/en/stable/faq.html',
      );
    if (values['questions-only'] === true && values['all-headings'] === true)
      throw new FaqbotError('usage', '--questions-only and --all-headings contradict each other; pass one of them');
    const imported = importPage(markdown, {
      ...(baseUrl ? { baseUrl } : {}),
      ...(linkStyle ? { linkStyle } : {}),
      ...(repoUrl ? { repoUrl } : {}),
      ...(siteRoot ? { siteRoot } : {}),
      allHeadings: values['all-headings'] === true,
      questionsOnly: values['questions-only'] === true,
    });
    if (imported.draft.entries.length === 0) {
      throw new FaqbotError(
        'import',
        `${input}: no questions found; headings that ask something (ending with "?" or starting with How, What, Can...) become entries, or pass --all-headings`,
      );
    }
    printDecisions(imported, io);

    const out = stringFlag(values.out);
    if (out === undefined) {
      io.out(draftToYaml(imported.draft, { schemaRef: schemaRefFrom(knowledgeDir(io)) }).trimEnd());
      io.err(`import: ${imported.draft.entries.length} entries from ${input}`);
      return 0;
    }

    const outPath = resolve(io.cwd, out);
    if (!existsSync(dirname(outPath)))
      throw new FaqbotError('import', `${out}: the folder ${dirname(out)} does not exist; create it first`);
    if (existsSync(outPath) && statSync(outPath).isDirectory())
      throw new FaqbotError('usage', `--out ${out} is a folder; name a .yaml file in it, e.g. ${join(out, 'faq.yaml')}`);
    if (existsSync(outPath)) {
      const existing = readExisting(outPath, out);
      const { draft, report } = mergeDraft(existing.draft, imported.draft);
      const yaml = draftToYaml(
        draft,
        existing.hasModeline ? { comment: existing.comment } : { schemaRef: schemaRefFrom(dirname(outPath)), comment: existing.comment },
      );
      writeAtomically(outPath, yaml);
      printReport(report, draft.entries.length, out, io);
    } else {
      writeAtomically(outPath, draftToYaml(imported.draft, { schemaRef: schemaRefFrom(dirname(outPath)) }));
      io.out(
        `import: wrote ${imported.draft.entries.length} entries to ${out}; add alternates and keywords, then run \`faqbot check ${out}\``,
      );
      warnAboutNeighbours(outPath, out, io);
    }
    return checkWritten(outPath, io);
  },
};

/**
 * The bot answers from every file in its knowledge folder: importing next to the bundled
 * sample (knowledge/almalinux.yaml) would mix two FAQs, so say so.
 */
function warnAboutNeighbours(path: string, display: string, io: Io): void {
  const others = readdirSync(dirname(path)).filter((name) => /\.ya?ml$/i.test(name) && name !== basename(path) && !name.endsWith('.tmp'));
  if (others.length === 0) return;
  io.err(
    `import: note: ${dirname(display)}/ also holds ${others.join(', ')}; the bot answers from every file in the folder, so remove what is not yours or import into a folder of its own (--knowledge, FAQBOT_KNOWLEDGE or knowledgeDir)`,
  );
}

/** A running bot watches the knowledge folder; it must never read a half-written file. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** Where printed YAML most likely ends up: the configured knowledge folder. */
function knowledgeDir(io: Io): string {
  let dir = 'knowledge';
  try {
    dir = loadConfig(io.env, io.cwd).settings.knowledgeDir;
  } catch {
    // A broken config is `faqbot check`'s business; the modeline is only a convenience.
  }
  const path = resolve(io.cwd, dir);
  return existsSync(path) && statSync(path).isFile() ? dirname(path) : path;
}

function parseBaseUrl(value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  if (!isHttpUrl(value))
    throw new FaqbotError('usage', `--base-url "${value}" is not an absolute http(s) URL; write it like https://wiki.example.org/faq.html`);
  return new URL(value);
}

function parseLinkStyle(value: string | undefined): LinkStyle | undefined {
  if (value === undefined) return undefined;
  if (!(LINK_STYLES as readonly string[]).includes(value))
    throw new FaqbotError(
      'usage',
      `--link-style "${value}" is not one of ${LINK_STYLES.join(', ')}; e.g. --link-style directory for a MkDocs site`,
    );
  return value as LinkStyle;
}

function parseRepoUrl(value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  if (!isHttpUrl(value))
    throw new FaqbotError(
      'usage',
      `--repo-url "${value}" is not an absolute http(s) URL; write it like https://github.com/org/repo/blob/main/docs/`,
    );
  // The page's folder: without the slash, `new URL()` would resolve links next to it.
  return new URL(value.endsWith('/') ? value : `${value}/`);
}

function parseSiteRoot(value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  if (!isHttpUrl(value))
    throw new FaqbotError(
      'usage',
      `--site-root "${value}" is not an absolute http(s) URL; write it like https://docs.example.org/en/stable/`,
    );
  // A root is a folder: without the slash, `new URL()` would resolve links beside it.
  return new URL(value.endsWith('/') ? value : `${value}/`);
}

/** What the importer decided, grouped, on stderr: stdout may be the YAML itself. */
function printDecisions(imported: ImportedPage, io: Io): void {
  for (const line of formatNotes(imported)) io.err(line);
  const unresolved = imported.unresolvedLinks;
  if (unresolved.length > 0)
    io.err(
      `import: warning: ${unresolved.length} relative link${unresolved.length === 1 ? '' : 's'} (e.g. ${unresolved[0]}) kept as ${unresolved.length === 1 ? 'its' : 'their'} text, since there is no --base-url to make ${unresolved.length === 1 ? 'it' : 'them'} absolute; re-import with --base-url and the address the page is published at (e.g. --base-url https://docs.example.org/faq/) to keep them as links`,
    );
}

function readPage(path: string, display: string): string {
  if (!existsSync(path)) throw new FaqbotError('import', `${display}: no such file`);
  if (statSync(path).isDirectory()) throw new FaqbotError('usage', `${display} is a folder; name the Markdown file to import`);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new FaqbotError('import', `${display}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function printReport(report: MergeReport, total: number, out: string, io: Io): void {
  io.out(
    `import: updated ${out}: ${total} entries (${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed, ${report.unchanged} unchanged)`,
  );
  for (const a of report.added) io.out(`  added    ${a.id}: ${a.question}`);
  for (const c of report.changed) io.out(`  changed  ${c.id}: ${c.fields.join(' and ')}${c.was ? ` (was "${c.was}")` : ''}`);
  for (const r of report.removed) io.out(`  removed  ${r.id}: ${r.question}`);
  for (const d of report.droppedRelated) io.out(`  ${d.id}: dropped related \`${d.related}\` (removed)`);
  for (const d of report.droppedAlternates) io.out(`  ${d.id}: dropped alternate "${d.alternate}" (now another entry's question)`);
}

/** The written file must load; if not (e.g. an id clash with another file is not ours to see), say so. */
function checkWritten(path: string, io: Io): number {
  const { problems } = checkKnowledge(path, io.cwd);
  for (const p of problems) (p.severity === 'error' ? io.err : io.out)(formatProblem(p));
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

/** knowledge.schema.json relative to `fromDir`, for the editor modeline. */
function schemaRefFrom(fromDir: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'schema', 'knowledge.schema.json');
    if (existsSync(candidate)) return relative(fromDir, candidate).split('\\').join('/');
    dir = dirname(dir);
  }
  return undefined;
}

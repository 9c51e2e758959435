// Reads knowledge files from disk and checks them as a whole (ids unique across files,
// related ids that exist, alternates claimed by two entries).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Entry, KnowledgeBase, KnowledgeFileMeta, Problem } from '../domain.js';
import { DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, type Language } from '../language/languages.js';
import { FaqbotError } from '../errors.js';
import { offendingText, yamlErrorAt } from '../yaml-error.js';
import { validateDocument, type FileCheck, type RelatedRef } from './validate.js';

export interface KnowledgeCheck {
  /** Present when there are no errors. */
  knowledge?: KnowledgeBase;
  problems: Problem[];
}

/**
 * Who named a knowledge path, so a missing one is explained with the setting to fix:
 * `default` when nothing did (knowledgeDir's default, ./knowledge).
 */
export type KnowledgeOrigin = { readonly kind: 'default' } | { readonly kind: 'setting'; readonly name: string; readonly file?: string };

/** The folder faqbot reads when nothing says where the knowledge is (knowledgeDir's default). */
const DEFAULT_FOLDER = 'knowledge/';

/**
 * A knowledge path that does not exist, explained by who named it: with nothing configured
 * (a first run in a new folder) the message says what faqbot looked for and both ways out;
 * a path named by a setting says which setting to fix.
 */
export function missingKnowledge(path: string, origin: KnowledgeOrigin, cwd: string): FaqbotError {
  if (origin.kind === 'default') {
    return new FaqbotError('knowledge', `${path}: no knowledge folder here. With nothing configured, faqbot answers from the YAML files in ${DEFAULT_FOLDER} of the folder it runs in (${cwd}), and there is none. Either:`, [
      `create it with a first file: mkdir knowledge, then write knowledge/faq.yaml (see README "The knowledge format"), or turn a FAQ page into one: faqbot import PAGE.md --out knowledge/faq.yaml`,
      'or say where your knowledge is: knowledgeDir in faqbot.config.yaml, the FAQBOT_KNOWLEDGE variable, or --knowledge PATH',
    ]);
  }
  const where = origin.file ? ` in ${origin.file}` : '';
  return new FaqbotError('knowledge', `${path}: no such file or folder, named by ${origin.name}${where}; fix ${origin.name} to name your knowledge folder or file, or create it with a knowledge YAML file`);
}

/** Throws `missingKnowledge` when nothing is at `path`. */
export function requireKnowledgeAt(path: string, origin: KnowledgeOrigin, cwd: string): string {
  if (!existsSync(path)) throw missingKnowledge(path, origin, cwd);
  return path;
}

/** The YAML files a path names: the file itself, or every .yaml/.yml file in the folder (sorted). */
export function knowledgeFiles(path: string): string[] {
  if (!existsSync(path)) {
    throw new FaqbotError('knowledge', `${path}: no such file or folder; create it with a knowledge YAML file, or pass the right path (--knowledge PATH)`);
  }
  if (statSync(path).isFile()) return [path];
  const files = readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(path, name));
  if (files.length === 0) {
    throw new FaqbotError('knowledge', `${path}: the folder has no .yaml files; add one (see README: "The knowledge format") or run \`faqbot import\``);
  }
  return files;
}

/** Parses and checks one file's text; `file` is only used in messages. */
export function checkText(text: string, file: string): FileCheck {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e): Problem => {
      const pos = yamlErrorAt(e);
      return {
        severity: 'error', file, line: pos.line, col: pos.col,
        message: `YAML syntax: ${pos.message} ${offendingText(text, pos.line)}`,
        hint: yamlHint(e.code),
      };
    });
    return { meta: { file }, entries: [], problems, relatedRefs: [] };
  }
  return validateDocument(doc, lines, file);
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY': return 'remove or rename the repeated key';
    case 'BAD_INDENT':
    case 'MISSING_CHAR': return 'check the indentation: list items under a key are indented by the same amount';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': return 'put quotes around text that contains `: ` or use `|` for multi-line text';
    default: return 'fix the YAML syntax on that line (quote text containing `: `, `#` or leading special characters)';
  }
}

/** Loads and checks a file or folder, returning every problem found and the base when valid. */
export function checkKnowledge(path: string, cwd = process.cwd()): KnowledgeCheck {
  const files = knowledgeFiles(path);
  const metas: KnowledgeFileMeta[] = [];
  const entries: Entry[] = [];
  const problems: Problem[] = [];
  const relatedRefs: RelatedRef[] = [];
  const ids = new Set<string>();
  for (const file of files) {
    const display = relative(cwd, file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ severity: 'error', file: display, line: 1, col: 1, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, hint: 'check its permissions' });
      continue;
    }
    const result = checkText(text, display);
    metas.push(result.meta);
    entries.push(...result.entries);
    problems.push(...result.problems);
    relatedRefs.push(...result.relatedRefs);
  }
  for (const e of entries) ids.add(e.id);
  const language = baseLanguage(metas);
  problems.push(...languageCheck(metas, language), ...crossCheck(entries, language), ...relatedCheck(relatedRefs, ids, entries.map((e) => e.id)));
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { knowledge: buildKnowledgeBase(entries, metas, basename(path)), problems };
}

/** Throws a FaqbotError listing every error; warnings are returned with the base. */
export function loadKnowledge(path: string, cwd = process.cwd()): { knowledge: KnowledgeBase; warnings: Problem[] } {
  const { knowledge, problems } = checkKnowledge(path, cwd);
  if (!knowledge) {
    const errors = problems.filter((p) => p.severity === 'error');
    throw new FaqbotError('knowledge', `${path}: ${errors.length} problem${errors.length === 1 ? '' : 's'} in the knowledge base`, errors.map(formatProblem));
  }
  return { knowledge, warnings: problems };
}

export function buildKnowledgeBase(entries: readonly Entry[], files: readonly KnowledgeFileMeta[], fallbackTitle = 'FAQ'): KnowledgeBase {
  const byId = new Map(entries.map((e) => [e.id, e] as const));
  const language = baseLanguage(files);
  const translated = new Set(entries.flatMap((e) => Object.keys(e.translations ?? {}) as Language[]));
  const languages = [language, ...LANGUAGES.filter((l) => l !== language && translated.has(l))];
  return { entries, byId, files, title: files.find((f) => f.title)?.title ?? fallbackTitle, language, languages };
}

/** The base's language: the one its files declare (they must agree), English when none does. */
function baseLanguage(files: readonly KnowledgeFileMeta[]): Language {
  return files.find((f) => f.language)?.language ?? DEFAULT_LANGUAGE;
}

/** One base, one language: files may leave `language:` out, but two may not declare different ones. */
function languageCheck(files: readonly KnowledgeFileMeta[], language: Language): Problem[] {
  const first = files.find((f) => f.language);
  return files.filter((f) => f.language && f.language !== language).map((f): Problem => ({
    severity: 'error', file: f.file, line: 1, col: 1,
    message: `\`language: ${f.language}\` differs from \`language: ${language}\` in ${first!.file}`,
    hint: `a knowledge base has one language, and other languages go under each entry's \`translations:\`; declare ${language} here too, or remove \`language:\``,
  }));
}

/** What makes two phrasings the same for matching: case, punctuation and spacing aside. */
function phrasingKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function crossCheck(entries: readonly Entry[], language: Language = DEFAULT_LANGUAGE): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, Entry>();
  for (const entry of entries) {
    const first = seen.get(entry.id);
    if (first) {
      problems.push({
        severity: 'error', ...entry.location,
        message: `duplicate id \`${entry.id}\` (first used at ${first.location.file}:${first.location.line})`,
        hint: 'ids must be unique across all knowledge files; rename one of them',
      });
    } else seen.set(entry.id, entry);
  }
  const phrasing = new Map<string, Entry>();
  for (const entry of entries) {
    for (const text of [entry.question, ...entry.alternates]) {
      const key = phrasingKey(text);
      const owner = phrasing.get(key);
      if (owner && owner !== entry) {
        problems.push({
          severity: 'error', ...entry.location,
          message: `entry \`${entry.id}\`: the phrasing "${text}" is also a question or alternate of \`${owner.id}\``,
          hint: 'one phrasing can only lead to one entry; keep it where it belongs and remove the other',
        });
      } else phrasing.set(key, entry);
    }
  }
  problems.push(...translationCheck(entries, language, phrasing));
  return problems;
}

/**
 * A translation into the base language is no translation; and a language's phrasings are
 * matched beside the base's, so one of them may lead to one entry only there too.
 */
function translationCheck(entries: readonly Entry[], language: Language, basePhrasings: ReadonlyMap<string, Entry>): Problem[] {
  const problems: Problem[] = [];
  const byLanguage = new Map<Language, Map<string, Entry>>();
  for (const entry of entries) {
    for (const [code, t] of Object.entries(entry.translations ?? {}) as [Language, NonNullable<Entry['translations']>[Language]][]) {
      if (!t) continue;
      if (code === language) {
        problems.push({
          severity: 'error', ...t.location,
          message: `entry \`${entry.id}\`: a \`${code}\` translation, but ${LANGUAGE_NAMES[code]} is the knowledge base's language`,
          hint: `the entry's own question and answer are the ${LANGUAGE_NAMES[code]} ones; remove this translation, or set the file's \`language:\` to the language its entries are written in`,
        });
        continue;
      }
      let seen = byLanguage.get(code);
      if (!seen) byLanguage.set(code, (seen = new Map()));
      for (const text of [t.question, ...t.alternates]) {
        const key = phrasingKey(text);
        const owner = seen.get(key) ?? basePhrasings.get(key);
        if (owner && owner !== entry) {
          problems.push({
            severity: 'error', ...t.location,
            message: `entry \`${entry.id}\`: the ${LANGUAGE_NAMES[code]} phrasing "${text}" is also a phrasing of \`${owner.id}\``,
            hint: 'one phrasing can only lead to one entry, in every language; keep it where it belongs and remove the other',
          });
        } else seen.set(key, entry);
      }
    }
  }
  return problems;
}

function relatedCheck(refs: readonly RelatedRef[], ids: ReadonlySet<string>, known: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const ref of refs) {
    const where = { file: ref.file, line: ref.line, col: ref.col };
    if (!ids.has(ref.id)) {
      problems.push({ severity: 'error', ...where, message: `entry \`${ref.from}\`: related id \`${ref.id}\` does not exist`, hint: `use one of the ids in the knowledge base, or remove it${closest(ref.id, known)}` });
    } else if (ref.id === ref.from) {
      problems.push({ severity: 'warning', ...where, message: `entry \`${ref.from}\` lists itself as related`, hint: 'remove it from `related`' });
    }
  }
  return problems;
}

function closest(id: string, ids: readonly string[]): string {
  const near = ids.find((other) => other.includes(id) || id.includes(other));
  return near ? ` (did you mean \`${near}\`?)` : '';
}

/** `file:line:col: what is wrong; how to fix it` */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}${p.hint ? `; ${p.hint}` : ''}`;
}

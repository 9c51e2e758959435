// Checks one parsed knowledge file node by node, so every problem carries its line and column
// and a hint. Returns the entries it could read and every problem at once.
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Entry, KnowledgeFileMeta, Link, Problem, Translation } from '../domain.js';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGE_NAMES, LANGUAGES, languageOfLocale, type Language } from '../language/languages.js';
import { analyzerFor, type Analyzer } from '../text/analyzer.js';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const FILE_KEYS = ['$schema', 'title', 'source', 'footer', 'language', 'synonyms', 'entries'] as const;
export const ENTRY_KEYS = ['id', 'question', 'answer', 'alternates', 'keywords', 'links', 'related', 'tags', 'pinned', 'restrictedTo', 'translations'] as const;
/** What a translation may say; everything else of an entry is the same in every language. */
export const TRANSLATION_KEYS = ['question', 'answer', 'alternates'] as const;

/** A `related` id as written, with its position, checked once every file is read. */
export interface RelatedRef {
  readonly from: string;
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export interface FileCheck {
  meta: KnowledgeFileMeta;
  entries: Entry[];
  problems: Problem[];
  /** Every related id of every entry, valid or not, so a broken entry's links are checked too. */
  relatedRefs: RelatedRef[];
}

export function validateDocument(doc: Document, lines: LineCounter, file: string): FileCheck {
  const problems: Problem[] = [];
  const at = (node: Node | null | undefined) => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lines.linePos(offset);
    return { line: pos.line, col: pos.col };
  };
  const problem = (node: Node | null | undefined, message: string, hint?: string, severity: Problem['severity'] = 'error') => {
    problems.push({ severity, file, ...at(node), message, ...(hint ? { hint } : {}) });
  };

  const root = doc.contents;
  if (!isMap(root)) {
    problem(root, 'a knowledge file must be a mapping with an `entries:` list', 'start the file with `title: ...` and `entries:`');
    return { meta: { file }, entries: [], problems, relatedRefs: [] };
  }

  for (const pair of root.items) {
    const key = keyOf(pair);
    if (!FILE_KEYS.includes(key as (typeof FILE_KEYS)[number])) {
      problem(pair.key as Node, `unknown top-level key \`${key}\``, `allowed keys: ${FILE_KEYS.join(', ')}`);
    }
  }
  const language = fileLanguage(root, problem);
  const meta: KnowledgeFileMeta = {
    file,
    ...optionalString(root, 'title', problem),
    ...optionalString(root, 'source', problem),
    ...optionalString(root, 'footer', problem),
    ...language,
    ...synonymGroups(root, analyzerFor(language.language ?? DEFAULT_LANGUAGE), problem),
  };
  if (meta.source !== undefined && !isHttpUrl(meta.source)) {
    problem(root.get('source', true) as Node, '`source` must be an absolute http(s) URL', 'write it as https://example.org/page');
  }

  const entriesNode = root.get('entries', true) as Node | undefined;
  const entries: Entry[] = [];
  const relatedRefs: RelatedRef[] = [];
  if (entriesNode === undefined) {
    problem(root, 'missing `entries:` list', 'add `entries:` followed by a list of `- id: ...` items');
  } else if (!isSeq(entriesNode)) {
    problem(entriesNode, '`entries` must be a list', 'write each entry as an item starting with `- id: ...`');
  } else {
    for (const item of entriesNode.items) {
      const entry = readEntry(item as Node, meta, problem, at);
      if (entry) entries.push(entry);
      relatedRefs.push(...readRelatedRefs(item as Node, file, at));
    }
  }
  return { meta, entries, problems, relatedRefs };
}

type Report = (node: Node | null | undefined, message: string, hint?: string, severity?: Problem['severity']) => void;

function readEntry(node: Node, meta: KnowledgeFileMeta, problem: Report, at: (n: Node) => { line: number; col: number }): Entry | undefined {
  if (!isMap(node)) {
    problem(node, 'each entry must be a mapping with `id`, `question` and `answer`', 'write `- id: my-topic` then `question:` and `answer:` indented under it');
    return undefined;
  }
  for (const pair of node.items) {
    const key = keyOf(pair);
    if (!ENTRY_KEYS.includes(key as (typeof ENTRY_KEYS)[number])) {
      problem(pair.key as Node, `unknown entry key \`${key}\``, `allowed keys: ${ENTRY_KEYS.join(', ')}`);
    }
  }
  const id = requiredString(node, 'id', problem, 'entry', true);
  const label = id ? `entry \`${id}\`` : 'entry';
  if (id !== undefined && !ID_PATTERN.test(id)) {
    problem(node.get('id', true) as Node, `id \`${id}\` is not kebab-case`, `use lower-case words joined by hyphens, e.g. \`${suggestId(id)}\``);
  }
  const question = requiredString(node, 'question', problem, label);
  const answer = requiredString(node, 'answer', problem, label);
  const alternates = stringList(node, 'alternates', problem, label);
  const keywords = stringList(node, 'keywords', problem, label);
  const related = stringList(node, 'related', problem, label);
  const tags = stringList(node, 'tags', problem, label);
  const links = linkList(node, problem, label);
  const pinnedNode = node.get('pinned', true) as Node | undefined;
  let pinned = false;
  if (pinnedNode !== undefined) {
    if (isScalar(pinnedNode) && typeof pinnedNode.value === 'boolean') pinned = pinnedNode.value;
    else problem(pinnedNode, `${label}: \`pinned\` must be true or false`);
  }
  const restrictedTo = groupIdList(node, problem, label);
  const translations = translationMap(node, problem, label, meta.file, at);
  if (id === undefined || question === undefined || answer === undefined) return undefined;
  return {
    id, question, answer, alternates, keywords, links, related, tags, pinned,
    ...(restrictedTo.length > 0 ? { restrictedTo } : {}),
    ...(translations ? { translations } : {}),
    meta, location: { file: meta.file, ...at(node) },
  };
}

const SUPPORTED = LANGUAGES.map((l) => `${l} (${LANGUAGE_NAMES[l]})`).join(', ');

/**
 * `synonyms:` — a list of groups, each a list of two or more words or short phrases that mean
 * the same to this community: `- [pfp, avatar, profile picture]`.
 */
function synonymGroups(root: YAMLMap, analyzer: Analyzer, problem: Report): { synonyms?: string[][] } {
  const node = root.get('synonyms', true) as Node | undefined;
  if (node === undefined) return {};
  const shape = 'write one group a line, e.g. `  - [pfp, avatar, profile picture]`';
  if (!isSeq(node)) {
    problem(node, '`synonyms` must be a list of groups of words', shape);
    return {};
  }
  // `synonyms: [pfp, avatar]` is one group written without its list: say so once, not per word.
  if (node.items.length > 0 && node.items.every((item) => isScalar(item))) {
    problem(node, '`synonyms` is a list of groups, and this is one group written without its own list', shape);
    return {};
  }
  const groups: string[][] = [];
  for (const item of node.items as Node[]) {
    if (!isSeq(item)) {
      problem(item, 'each item of `synonyms` must be a list of words that mean the same', shape);
      continue;
    }
    const words: string[] = [];
    for (const word of item.items as Node[]) {
      if (isScalar(word) && (typeof word.value === 'string' || typeof word.value === 'number') && String(word.value).trim() !== '') {
        const text = String(word.value).trim();
        words.push(text);
        // The matcher drops stop words: "turn off" would stand for "turn", and "off" for nothing.
        const dropped = analyzer.words(text).filter((w) => analyzer.isStopWord(w));
        const kept = analyzer.words(text).filter((w) => !analyzer.isStopWord(w));
        if (dropped.length > 0)
          problem(
            word,
            `\`synonyms\`: the matcher ignores "${dropped.join('", "')}" in "${text}", so it stands for ${kept.length > 0 ? `"${kept.join(' ')}" alone` : 'nothing'}`,
            'write the words members type that carry the meaning (`disable`, not `turn off`), or remove it',
            'warning',
          );
      } else problem(word, 'every word of a `synonyms` group must be a non-empty text', 'quote words that contain `: ` or start with a special character');
    }
    if (words.length === (item.items as Node[]).length && words.length < 2)
      problem(item, 'a `synonyms` group needs at least two words', 'add the words members use for it, e.g. `[pfp, avatar]`, or remove the group');
    else if (words.length >= 2) groups.push(words);
  }
  return groups.length > 0 ? { synonyms: groups } : {};
}

/** `language: de` at the top of a file: the language its entries are written in. */
function fileLanguage(root: YAMLMap, problem: Report): { language?: Language } {
  const node = root.get('language', true) as Node | undefined;
  if (node === undefined) return {};
  const value = isScalar(node) && typeof node.value === 'string' ? node.value.trim() : '';
  if (isLanguage(value)) return { language: value };
  problem(node, `\`language\` ${JSON.stringify(isScalar(node) ? node.value : null)} is not a language faqbot matches in`, languageHint(value));
  return {};
}

/** How to fix a language code: the language alone for a regional code, else the supported ones. */
function languageHint(code: string): string {
  const language = languageOfLocale(code);
  if (language && language !== code.toLowerCase()) {
    return `write the language alone, \`${language}\`: translations are per language, and members with any regional locale of it (${language}-…) read them`;
  }
  return `use one of ${SUPPORTED}`;
}

/**
 * `translations:` — for each language code, the entry's question, answer and alternates in
 * that language. A translation needs both a question and an answer: half of one would answer
 * members of that language in two languages at once.
 */
function translationMap(node: YAMLMap, problem: Report, label: string, file: string, at: (n: Node) => { line: number; col: number }): Partial<Record<Language, Translation>> | undefined {
  const map = node.get('translations', true) as Node | undefined;
  if (map === undefined) return undefined;
  if (!isMap(map) || map.items.length === 0) {
    problem(map, `${label}: \`translations\` must map language codes to translations`, 'write `translations:`, then `de:` indented under it with `question:`, `answer:` and `alternates:` in German');
    return undefined;
  }
  const out: Partial<Record<Language, Translation>> = {};
  for (const pair of map.items) {
    const keyNode = pair.key as Node;
    const code = isScalar(keyNode) ? String(keyNode.value).trim() : '';
    if (!isLanguage(code)) {
      problem(keyNode, `${label}: unknown language code \`${code}\` in \`translations\``, languageHint(code));
      continue;
    }
    const value = pair.value as Node | null;
    const where = `${label}: the \`${code}\` translation`;
    if (!isMap(value)) {
      problem(value ?? keyNode, `${where} must be a mapping with \`question\` and \`answer\``, `indent \`question:\` and \`answer:\` (in ${LANGUAGE_NAMES[code]}) under \`${code}:\``);
      continue;
    }
    for (const item of value.items) {
      const key = keyOf(item);
      if (!TRANSLATION_KEYS.includes(key as (typeof TRANSLATION_KEYS)[number])) {
        problem(item.key as Node, `${where}: unknown key \`${key}\``, `a translation has ${TRANSLATION_KEYS.join(', ')}; ids, keywords, links and the rest are shared by every language`);
      }
    }
    const question = requiredString(value, 'question', problem, where, false, 'a translation needs its question and its answer');
    const answer = requiredString(value, 'answer', problem, where, false, 'a translation needs its question and its answer');
    const alternates = stringList(value, 'alternates', problem, where);
    if (question !== undefined && answer !== undefined) out[code] = { question, answer, alternates, location: { file, ...at(value) } };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function readRelatedRefs(node: Node, file: string, at: (n: Node) => { line: number; col: number }): RelatedRef[] {
  if (!isMap(node)) return [];
  const idNode = node.get('id', true) as Node | undefined;
  const related = node.get('related', true) as Node | undefined;
  if (!isSeq(related)) return [];
  const from = isScalar(idNode) ? String(idNode.value) : '?';
  return (related.items as Node[])
    .filter((item) => isScalar(item) && item.value !== null)
    .map((item) => ({ from, id: String((item as { value: unknown }).value).trim(), file, ...at(item) }));
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function optionalString(map: YAMLMap, key: string, problem: Report): Record<string, string> {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return {};
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return { [key]: node.value.trim() };
  problem(node, `\`${key}\` must be a non-empty text`, isScalar(node) && node.value !== null && typeof node.value !== 'string' ? textHint(node, key) : `write \`${key}: some text\` or remove the line`);
  return {};
}

/** `acceptNumber`: ids and link titles may be numbers (`id: 404`); a question or answer may not. */
function requiredString(map: YAMLMap, key: string, problem: Report, label = 'entry', acceptNumber = false, why?: string): string | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) {
    problem(map, `${label}: missing \`${key}\``, `add \`${key}: ...\` ${why ? `(${why})` : 'to this entry'}`);
    return undefined;
  }
  const text = isScalar(node) && (typeof node.value === 'string' || (acceptNumber && typeof node.value === 'number')) ? String(node.value).trim() : '';
  if (text !== '') return text;
  problem(node, `${label}: \`${key}\` must be a non-empty text`, textHint(node, key));
  return undefined;
}

/** How to fix a value that is not text; YAML reads `42`, `yes` or `2024-01-01` as other types. */
function textHint(node: Node, key: string): string {
  if (isSeq(node)) return `\`${key}\` takes one text, not a list`;
  if (isScalar(node) && node.value !== null && String(node.value).trim() !== '') {
    return `YAML reads this as a ${typeof node.value}: put it in quotes, \`${key}: "${String(node.source ?? node.value)}"\``;
  }
  return `write \`${key}: ...\` with some text`;
}

function stringList(map: YAMLMap, key: string, problem: Report, label: string): string[] {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return [];
  if (!isSeq(node)) {
    problem(node, `${label}: \`${key}\` must be a list of texts`, `write each item on its own line as \`- text\``);
    return [];
  }
  const out: string[] = [];
  for (const item of node.items as Node[]) {
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number') && String(item.value).trim() !== '') {
      out.push(String(item.value).trim());
    } else {
      problem(item, `${label}: every item of \`${key}\` must be a non-empty text`, 'quote items that contain `: ` or start with a special character');
    }
  }
  return out;
}

/**
 * `restrictedTo`: role or user group ids as quoted text. A Discord role id written bare is a
 * YAML number too large to keep exactly (it would name another role), so numbers are refused.
 */
function groupIdList(map: YAMLMap, problem: Report, label: string): string[] {
  const node = map.get('restrictedTo', true) as Node | undefined;
  if (node === undefined) return [];
  if (!isSeq(node) || node.items.length === 0) {
    problem(node, `${label}: \`restrictedTo\` must be a list of Discord role ids or Slack user group ids`, 'write `restrictedTo: ["123456789012345678", "S0123ABCD"]`, or remove it to show the entry to everyone');
    return [];
  }
  const out: string[] = [];
  for (const item of node.items as Node[]) {
    if (isScalar(item) && typeof item.value === 'string' && /^[A-Za-z0-9]+$/.test(item.value.trim())) out.push(item.value.trim());
    else if (isScalar(item) && typeof item.value === 'number') {
      problem(item, `${label}: the id ${String(item.source ?? item.value)} in \`restrictedTo\` is a YAML number, which cannot hold a Discord id exactly`, `put it in quotes: "${String(item.source ?? item.value)}"`);
    } else {
      problem(item, `${label}: every item of \`restrictedTo\` must be a role or user group id (letters and digits)`, 'copy the id from Discord (Developer Mode: right-click the role, Copy Role ID) or Slack (the user group\'s S… id)');
    }
  }
  return out;
}

function linkList(map: YAMLMap, problem: Report, label: string): Link[] {
  const node = map.get('links', true) as Node | undefined;
  if (node === undefined) return [];
  if (!isSeq(node)) {
    problem(node, `${label}: \`links\` must be a list`, 'write each link as `- { title: ..., url: https://... }`');
    return [];
  }
  const out: Link[] = [];
  for (const item of node.items as Node[]) {
    if (!isMap(item)) {
      problem(item, `${label}: each link must have \`title\` and \`url\``, 'write `- { title: Docs, url: https://example.org }`');
      continue;
    }
    const title = requiredString(item, 'title', problem, `${label} link`, true);
    const url = requiredString(item, 'url', problem, `${label} link`);
    if (url !== undefined && !isHttpUrl(url)) {
      problem(item.get('url', true) as Node, `${label}: link \`${url}\` is not an absolute http(s) URL`, 'write the full address, starting with https://');
      continue;
    }
    if (title !== undefined && url !== undefined) out.push({ title, url });
  }
  return out;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function suggestId(id: string): string {
  return id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'my-topic';
}

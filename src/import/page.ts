// A FAQ page (Markdown) to a draft knowledge file: each question heading, and each statement
// heading that heads an answer, becomes an entry whose answer is its section, cleaned of what
// only a static-site generator understands and re-serialised as Markdown with links made absolute.
import type { FootnoteDefinition, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { parseMarkdown } from '../markdown/parse.js';
import { liftAdmonitions, renderAdmonitions } from './admonitions.js';
import { draftEntry, type DraftEntry, type DraftFile } from './draft.js';
import { convertHtml } from './html.js';
import { slugify, uniqueId } from './ids.js';
import {
  absolutizeLinks,
  inferSiteRoot,
  labelEmptyLinks,
  unlinkDeadTargets,
  inferLinkStyle,
  linkRewrite,
  unlinkRelative,
  type LinkOptions,
  type LinkStyle,
} from './links.js';
import { Notes, type ImportNote } from './notes.js';
import { phrasingKey } from './phrasing.js';
import { pageLanguage } from './language.js';
import type { Language } from '../language/languages.js';
import { inPageFragments, sectionAnchors } from './related.js';
import { attachFootnotes, extractFootnotes, removeAbbreviations, resolveReferences } from './references.js';
import { hasBody, isComment, isNotice, isQuestion, splitSections, type Section } from './sections.js';
import { howToQuestion, isInstruction, isNavigation, isNotation, isQuotedMessage, questionFromHeading } from './statements.js';
import { expandTemplates } from './templates.js';
import { dropEdgeRules, restoreTextDirectives, tidyAnswer } from './tidy.js';

export interface ImportOptions {
  /** Where the page is published; relative links resolve against it. */
  baseUrl?: URL;
  /** Take every heading with content as a question, not only the ones that ask something. */
  allHeadings?: boolean;
  /** Only headings that ask something become entries (no questions made from statement headings). */
  questionsOnly?: boolean;
  /** How the site serves a Markdown source (see links.ts); inferred from the base URL if not given. */
  linkStyle?: LinkStyle;
  /** Where relative links that leave the site go (the page's folder in its repository). */
  repoUrl?: URL;
  /** Where root-absolute links (`/guide/x.md`) point; inferred from the base URL if not given. */
  siteRoot?: URL;
}

export interface SkippedSection {
  heading: string;
  reason: string;
}

export interface MadeQuestion {
  heading: string;
  question: string;
}

export interface ImportedPage {
  draft: DraftFile;
  /** Sections with content that did not become part of an entry, so the user can check. */
  skipped: SkippedSection[];
  /** Statement headings imported under a question made from them. */
  madeQuestions: MadeQuestion[];
  /** Relative links kept as their text because there was no base URL to resolve them against. */
  unresolvedLinks: string[];
  /** Every other decision, for the report. */
  notes: ImportNote[];
  /** The link style used (given or inferred), when there was a base URL. */
  linkStyle?: LinkStyle;
}

interface Pending {
  section: Section;
  /** The question it is filed under: the heading, or one made from a statement heading. */
  question: string;
  /** The nearest heading above, to tell apart questions a page asks twice. */
  context?: string;
  /** Non-question sub-sections whose content belongs to this question ("Bug Tracker"). */
  parts: Section[];
}

export function importPage(source: string, options: ImportOptions = {}): ImportedPage {
  const notes = new Notes();
  const markdown = expandTemplates(source, notes);
  const tree = parseMarkdown(markdown, { frontmatter: true });
  restoreTextDirectives(tree, markdown);
  const bullet = authorsBullet(tree, markdown);
  // Page-wide definitions first, so that none is left in whichever section held it.
  resolveReferences(tree, notes);
  const footnotes = extractFootnotes(tree);
  removeAbbreviations(tree, notes);
  liftAdmonitions(tree, markdown, notes);

  const page = splitSections(tree);
  const skipped: SkippedSection[] = [];
  const madeQuestions: MadeQuestion[] = [];
  const sections = [...page.sections];

  const titleIndex = sections.findIndex((s) => s.depth === 1 && !isQuestion(s.text));
  const titleSection = titleIndex >= 0 ? sections.splice(titleIndex, 1)[0] : undefined;
  if (titleSection && hasBody(titleSection))
    skipped.push({ heading: titleSection.text, reason: 'page title; its introduction is not an answer' });

  const footerSections: Section[] = [];
  while (sections.length > 0 && isNotice(sections.at(-1)!.text)) footerSections.unshift(sections.pop()!);
  const trailingNotice = takeTrailingNotice(sections);

  const frontMatter = frontMatterData(page.frontMatter);
  const detected = pageLanguage(
    frontMatter,
    options.baseUrl,
    sections.map((s) => s.text),
  );
  const language = detected?.language ?? 'en';
  if (detected) notes.add('language', `language: ${detected.language}, from ${detected.from}`);
  const pending = classify(sections, options, skipped, madeQuestions, language);

  const links = linkRewrite();
  const linkOptions: LinkOptions = {
    ...(options.linkStyle ? { style: options.linkStyle } : {}),
    ...(options.repoUrl ? { repoUrl: options.repoUrl } : {}),
    ...(options.siteRoot ? { siteRoot: options.siteRoot } : {}),
  };
  const cited = new Set<string>();
  /** `fragments`: where the text's links into the page itself point, collected before they may be unlinked. */
  const clean = (nodes: RootContent[], fragments: string[] = []): string => {
    const root: Root = { type: 'root', children: nodes.filter((node) => !isComment(node)).map((node) => structuredClone(node)) };
    root.children = attachFootnotes(root.children, footnotes, cited);
    convertHtml(root, notes);
    renderAdmonitions(root);
    tidyAnswer(root, notes);
    root.children = dropEdgeRules(root.children);
    for (const target of unlinkDeadTargets(root))
      notes.add('link', `${target} removed: no chat platform can open it (the link text stays)`);
    absolutizeLinks(root, options.baseUrl, links, linkOptions);
    labelEmptyLinks(root);
    fragments.push(...inPageFragments(root, options.baseUrl));
    if (!options.baseUrl) unlinkRelative(root);
    return serialise(root, bullet);
  };

  const answered: { question: string; context?: string; answer: string; section: Section; fragments: string[] }[] = [];
  for (const { section, question, parts, context } of pending) {
    const before = new Set(cited);
    const fragments: string[] = [];
    const answer = clean(answerNodes(section, parts), fragments);
    if (answer === '') continue; // a heading that only groups the questions below it
    for (const label of cited) if (!before.has(label)) notes.add('footnote', `[^${label}] attached to "${question}"`);
    answered.push({ question, ...(context ? { context } : {}), answer, section, fragments });
  }
  for (const label of footnotes.keys()) if (!cited.has(label)) notes.add('footnote', `[^${label}] is cited by no entry; dropped`);

  const taken = new Set<string>();
  const distinct = distinctQuestions(answered);
  const entries = distinct.map((a) => {
    const id = uniqueId(a.question, taken, language);
    if (id !== slugify(a.question)) notes.add('id', `${id} ← "${a.question}"`);
    return draftEntry(id, a.question, a.answer);
  });
  linkRelated(entries, distinct, notes);

  const footerNodes = [...joinParts(footerSections), ...trailingNotice];
  const footer = footerNodes.length > 0 ? clean(footerNodes) : '';
  if (footer !== '')
    notes.add(
      'footer',
      footerSections.length > 0 ? `sections ${footerSections.map((s) => `"${s.text}"`).join(', ')}` : 'the notice after the last answer',
    );
  for (const url of new Set(links.outside)) notes.add('link', `${url} leaves the site; pass --repo-url to send it to the repository`);
  const versionRoot = options.baseUrl && !options.siteRoot ? inferSiteRoot(options.baseUrl) : undefined;
  if (versionRoot && versionRoot.pathname !== '/' && links.rewritten.some(({ from }) => /^\/(?!\/)/.test(from)))
    notes.add(
      'link',
      `links starting with / are read against ${versionRoot.href}, the docs version or language in --base-url; pass --site-root to change it`,
    );
  for (const { from, to } of links.rewritten) if (from !== to) notes.add('link', `${from} → ${to}`);

  const title = frontMatterTitle(frontMatter) ?? titleSection?.text;
  const draft: DraftFile = {
    ...(title ? { title } : {}),
    ...(options.baseUrl ? { source: options.baseUrl.href } : {}),
    ...(footer !== '' ? { footer } : {}),
    ...(detected ? { language: detected.language } : {}),
    entries,
  };
  return {
    draft,
    skipped,
    madeQuestions,
    notes: notes.list,
    unresolvedLinks: [...new Set(links.unresolved)],
    ...(options.baseUrl ? { linkStyle: options.linkStyle ?? inferLinkStyle(options.baseUrl) } : {}),
  };
}

/**
 * Which sections become entries. A question heading always does; a statement heading does when
 * it heads an answer: it has content of its own (or only statement sub-sections, like a
 * "Grades" heading over one table per mode), no questions below it (then it only groups
 * them), is no navigation ("See also"), and sits no deeper than the page's questions. Deeper
 * sub-sections stay in the entry above them. The questions made from statement headings are
 * English sentences ("What is …?"): on a page in another `language` the heading stays as written.
 */
function classify(
  sections: readonly Section[],
  options: ImportOptions,
  skipped: SkippedSection[],
  made: MadeQuestion[],
  language: Language,
): Pending[] {
  const questionDepths = sections.filter((s) => s.depth <= 6 && isQuestion(s.text)).map((s) => s.depth);
  const statementDepths = sections.filter((s) => s.depth <= 6 && hasBody(s)).map((s) => s.depth);
  // Without a single question heading, the shallowest level that has content holds the answers.
  const deepest = questionDepths.length > 0 ? Math.max(...questionDepths) : statementDepths.length > 0 ? Math.min(...statementDepths) : 0;
  const questionLevels = new Set(questionDepths);

  const pending: Pending[] = [];
  /** `howTos`: a group of instruction sections ("How-tos" over "Rename a workspace", …). */
  const stack: { depth: number; text: string; owner: Pending | undefined; howTos?: boolean }[] = [];
  sections.forEach((section, index) => {
    while (stack.length > 0 && stack.at(-1)!.depth >= section.depth) stack.pop();
    const context = stack.at(-1)?.text;
    const open = (question: string): void => {
      const entry: Pending = { section, question, parts: [], ...(context ? { context } : {}) };
      pending.push(entry);
      stack.push({ depth: section.depth, text: section.text, owner: entry });
    };
    const owner = [...stack].reverse().find((s) => s.owner)?.owner;
    // A follow-up under a question ("How do I set them elsewhere?" under "Where are models
    // stored?") means nothing on its own: it stays part of the answer it follows up.
    if (owner && FOLLOW_UP.test(section.text) && isQuestion(owner.question) && section.depth > owner.section.depth) {
      stack.push({ depth: section.depth, text: section.text, owner });
      return void owner.parts.push(section);
    }
    if (section.text !== '' && (isQuestion(section.text) || (options.allHeadings === true && hasBody(section)))) return open(section.text);
    const underHowTos = stack.some((s) => s.howTos === true);
    stack.push({ depth: section.depth, text: section.text, owner });
    if (owner) return void owner.parts.push(section);
    const below = descendants(sections, index);
    const reason = statementVerdict(section, below, { deepest, questionLevels, underHowTos }, options);
    if (reason === HOW_TOS) stack.at(-1)!.howTos = true;
    if (reason === undefined) {
      stack.pop();
      const question =
        language !== 'en'
          ? section.text
          : underHowTos && isInstruction(section.text)
            ? howToQuestion(section.text)
            : questionFromHeading(section.text);
      made.push({ heading: section.text, question });
      return open(question);
    }
    if (hasBody(section)) skipped.push({ heading: section.text, reason });
  });
  return pending;
}

/** An answer linking to another question's section lists that entry under `related`. */
function linkRelated(
  entries: DraftEntry[],
  sources: readonly { readonly section: Section; readonly fragments: readonly string[] }[],
  notes: Notes,
): void {
  const byAnchor = new Map<string, string>();
  sources.forEach(({ section }, i) => {
    for (const key of sectionAnchors(section)) if (!byAnchor.has(key)) byAnchor.set(key, entries[i]!.id);
  });
  entries.forEach((entry, i) => {
    for (const key of sources[i]!.fragments) {
      const target = byAnchor.get(key);
      if (target === undefined || target === entry.id || entry.related.includes(target)) continue;
      entry.related.push(target);
      notes.add('related', `${entry.id} → ${target} (its answer links to that section)`);
    }
  });
}

/** Words that lean on the question above: a heading with them asks nothing on its own. */
const FOLLOW_UP = /\b(?:them|they|these|those|this one|that one|the (?:issue|problem|error|same|above))\b/i;

/** A section that is only a list of links to places on the page (mdBook's and wikis' own contents). */
function isInPageContents(section: Section): boolean {
  const body = section.body.filter((node) => !isComment(node));
  const onlyLinks = (node: Nodes): boolean =>
    node.type === 'link'
      ? node.url.startsWith('#')
      : node.type === 'text'
        ? node.value.trim() === ''
        : 'children' in node && node.children.length > 0 && node.children.every((child) => onlyLinks(child as Nodes));
  return body.length > 0 && body.every((node) => node.type === 'list' && onlyLinks(node));
}

/** Why a statement heading over instruction sections is no entry of its own: they are. */
const HOW_TOS = 'introduces the how-tos below it';

interface Levels {
  /** The deepest level the page asks questions at. */
  readonly deepest: number;
  readonly questionLevels: ReadonlySet<number>;
  /** Under a group of how-tos: an instruction heading is an entry at any level. */
  readonly underHowTos: boolean;
}

/** Undefined when a statement heading becomes an entry; otherwise why not. */
function statementVerdict(section: Section, below: readonly Section[], levels: Levels, options: ImportOptions): string | undefined {
  const { deepest, questionLevels } = levels;
  if (options.questionsOnly === true) return 'not a question (--questions-only)';
  if (section.text === '') return 'empty heading';
  if (isNavigation(section.text) || isInPageContents(section)) return 'navigation, not an answer';
  if (isNotation(section.text)) return "a key to the page's notation, not an answer";
  if (below.some((s) => isQuestion(s.text) || isQuotedMessage(s.text))) return 'introduces the questions below it';
  // With no text of its own, over sections that have text at a level where the page asks its
  // questions ("Notifications" over "The logo image in emails is broken!"): a group, whose
  // sections are entries each, as they would be under a heading that asks.
  const direct = below.filter((s) => s.depth === below[0]?.depth);
  if (!hasBody(section) && direct.length > 0 && direct.every(hasBody) && questionLevels.has(direct[0]!.depth))
    return 'introduces the sections below it';
  // Over two or more instructions that each have text ("How-tos" over "Rename a workspace"):
  // each is a question of its own, "How do I rename a workspace?".
  if (direct.length >= 2 && direct.every((s) => hasBody(s) && isInstruction(s.text))) return HOW_TOS;
  if (section.depth > deepest && !(levels.underHowTos && isInstruction(section.text)))
    return `a level ${section.depth} heading, deeper than the page's questions (level ${deepest}) and under none of them`;
  // With no text of its own, it heads an answer through its sub-sections ("Grades" over one
  // table per game mode); with none either, it is an empty group heading.
  if (!hasBody(section) && !below.some(hasBody)) return 'no content';
  return undefined;
}

/** The sections below `index` until the next heading at its level or above. */
function descendants(sections: readonly Section[], index: number): Section[] {
  const depth = sections[index]!.depth;
  const out: Section[] = [];
  for (let i = index + 1; i < sections.length && sections[i]!.depth > depth; i++) out.push(sections[i]!);
  return out;
}

const NOTICE_TEXT = /©|\(c\)\s*\d{4}|\bcopyright\b|\btrademarks?\b|\ball rights reserved\b|\blicen[cs]ed under\b/i;

/** A trademark or copyright paragraph after the last answer (with the rule above it) is the footer. */
function takeTrailingNotice(sections: Section[]): RootContent[] {
  const last = sections.at(-1);
  if (!last) return [];
  const body = [...last.body];
  const notice: RootContent[] = [];
  while (
    body.length > 1 &&
    (body.at(-1)!.type === 'paragraph' || isComment(body.at(-1)!)) &&
    (isComment(body.at(-1)!) || NOTICE_TEXT.test(toString(body.at(-1)!)))
  ) {
    notice.unshift(body.pop()!);
  }
  if (notice.every(isComment)) return [];
  while (body.at(-1)?.type === 'thematicBreak') body.pop();
  sections[sections.length - 1] = { ...last, body };
  return notice;
}

/**
 * The loader refuses one phrasing leading to two entries, yet pages ask "How do I install it?"
 * under both "Linux" and "Windows": such questions get their heading added, "(Windows)",
 * and any still alike a number.
 */
function distinctQuestions<T extends { question: string; context?: string }>(items: T[]): T[] {
  const count = new Map<string, number>();
  for (const item of items) count.set(phrasingKey(item.question), (count.get(phrasingKey(item.question)) ?? 0) + 1);
  const seen = new Set<string>();
  return items.map((item) => {
    const repeated = count.get(phrasingKey(item.question))! > 1;
    const base = repeated && item.context ? `${item.question} (${item.context})` : item.question;
    let question = base;
    for (let n = 2; seen.has(phrasingKey(question)); n++) question = `${base} (${n})`;
    seen.add(phrasingKey(question));
    return { ...item, question };
  });
}

function answerNodes(section: Section, parts: readonly Section[]): RootContent[] {
  const own = hasBody(section) ? section.body : [];
  const filled = parts.filter(hasBody);
  // "How to Report Bugs" followed only by "#### Bug Tracker": the sub-section is the answer.
  if (own.length === 0 && filled.length === 1) return [...filled[0]!.body];
  // After the entry's own text, a sub-section keeps its heading, in bold, to say what it is about.
  return [...own, ...joinParts(filled, own.length > 0)];
}

/** Several sections as one text: each introduced by its heading in bold. */
function joinParts(parts: readonly Section[], labelled = false): RootContent[] {
  if (parts.length === 1 && !labelled) return [...parts[0]!.body];
  return parts.flatMap((part) => {
    const label: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: part.heading.children }] };
    return [label, ...part.body];
  });
}

/** `-` or `*`, whichever the page's first bullet list uses, so the author's lists look the same. */
function authorsBullet(tree: Root, source: string): '-' | '*' | '+' {
  let bullet: '-' | '*' | '+' | undefined;
  const find = (node: Nodes): void => {
    if (bullet) return;
    if (node.type === 'list' && !node.ordered && node.children[0]?.position) {
      const marker = source.charAt(node.children[0].position.start.offset ?? -1);
      if (marker === '-' || marker === '*' || marker === '+') bullet = marker;
    }
    if ('children' in node) for (const child of node.children) find(child as Nodes);
  };
  find(tree);
  return bullet ?? '-';
}

function serialise(root: Root, bullet: '-' | '*' | '+'): string {
  return toMarkdown(root, { extensions: [gfmToMarkdown()], bullet, rule: '-' }).trim();
}

function frontMatterData(frontMatter: string | undefined): Record<string, unknown> | undefined {
  if (frontMatter === undefined) return undefined;
  try {
    const data: unknown = parseYaml(frontMatter);
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    // Broken front matter is the page's problem, not a reason to refuse its questions.
    return undefined;
  }
}

function frontMatterTitle(data: Record<string, unknown> | undefined): string | undefined {
  const title = data?.title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
}

export type { FootnoteDefinition };

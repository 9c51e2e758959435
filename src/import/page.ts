// A FAQ page (Markdown) to a draft knowledge file: each question heading becomes an entry whose
// answer is its section, re-serialised as Markdown with links made absolute.
import type { Paragraph, RootContent } from 'mdast';
import { directiveToMarkdown } from 'mdast-util-directive';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { parse as parseYaml } from 'yaml';
import { parseMarkdown } from '../markdown/parse.js';
import { draftEntry, type DraftFile } from './draft.js';
import { uniqueId } from './ids.js';
import { absolutizeLinks, type LinkRewrite } from './links.js';
import { phrasingKey } from './phrasing.js';
import { hasBody, isComment, isNotice, isQuestion, splitSections, type Section } from './sections.js';

export interface ImportOptions {
  /** Where the page is published; relative links resolve against it. */
  baseUrl?: URL;
  /** Take every heading with content as a question, not only the ones that ask something. */
  allHeadings?: boolean;
}

export interface SkippedSection {
  heading: string;
  reason: string;
}

export interface ImportedPage {
  draft: DraftFile;
  /** Sections with content that did not become part of an entry, so the user can check. */
  skipped: SkippedSection[];
  /** Relative links left as they were because there was no base URL. */
  unresolvedLinks: string[];
}

interface Pending {
  section: Section;
  /** The nearest heading above, to tell apart questions a page asks twice. */
  context?: string;
  /** Non-question sub-sections whose content belongs to this question ("Bug Tracker"). */
  parts: Section[];
}

export function importPage(markdown: string, options: ImportOptions = {}): ImportedPage {
  const page = splitSections(parseMarkdown(markdown, { frontmatter: true }));
  const links: LinkRewrite = { unresolved: [] };
  const skipped: SkippedSection[] = [];
  const sections = [...page.sections];

  const titleIndex = sections.findIndex((s) => s.depth === 1 && !isQuestion(s.text));
  const titleSection = titleIndex >= 0 ? sections.splice(titleIndex, 1)[0] : undefined;
  if (titleSection && hasBody(titleSection)) skipped.push({ heading: titleSection.text, reason: 'page title; its introduction is not an answer' });

  const footerSections: Section[] = [];
  while (sections.length > 0 && isNotice(sections.at(-1)!.text)) footerSections.unshift(sections.pop()!);

  const pending: Pending[] = [];
  const stack: { depth: number; text: string; owner: Pending | undefined }[] = [];
  for (const section of sections) {
    while (stack.length > 0 && stack.at(-1)!.depth >= section.depth) stack.pop();
    const asks = section.text !== '' && (isQuestion(section.text) || (options.allHeadings === true && hasBody(section)));
    if (asks) {
      const context = stack.at(-1)?.text;
      const entry: Pending = { section, parts: [], ...(context ? { context } : {}) };
      pending.push(entry);
      stack.push({ depth: section.depth, text: section.text, owner: entry });
      continue;
    }
    const owner = [...stack].reverse().find((s) => s.owner)?.owner;
    if (owner) owner.parts.push(section);
    else if (hasBody(section)) skipped.push({ heading: section.text, reason: 'not a question (use --all-headings to import it)' });
    stack.push({ depth: section.depth, text: section.text, owner });
  }

  const answered: { question: string; context?: string; answer: string }[] = [];
  for (const { section, parts, context } of pending) {
    const nodes = answerNodes(section, parts).filter((node) => !isComment(node));
    if (nodes.length === 0) continue; // a heading that only groups the questions below it
    nodes.forEach((node) => absolutizeLinks(node, options.baseUrl, links));
    answered.push({ question: section.text, ...(context ? { context } : {}), answer: serialise(nodes) });
  }
  const taken = new Set<string>();
  const entries = distinctQuestions(answered).map((a) => draftEntry(uniqueId(a.question, taken), a.question, a.answer));

  const footerNodes = joinParts(footerSections).filter((node) => !isComment(node));
  footerNodes.forEach((node) => absolutizeLinks(node, options.baseUrl, links));
  const title = frontMatterTitle(page.frontMatter) ?? titleSection?.text;
  const draft: DraftFile = {
    ...(title ? { title } : {}),
    ...(options.baseUrl ? { source: options.baseUrl.href } : {}),
    ...(footerNodes.length > 0 ? { footer: serialise(footerNodes) } : {}),
    entries,
  };
  return { draft, skipped, unresolvedLinks: [...new Set(links.unresolved)] };
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
  return [...own, ...joinParts(filled)];
}

/** Several sections as one text: each introduced by its heading in bold. */
function joinParts(parts: readonly Section[]): RootContent[] {
  if (parts.length === 1) return [...parts[0]!.body];
  return parts.flatMap((part) => {
    const label: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: part.heading.children }] };
    return [label, ...part.body];
  });
}

function serialise(nodes: RootContent[]): string {
  return toMarkdown({ type: 'root', children: nodes }, { extensions: [gfmToMarkdown(), directiveToMarkdown()] }).trim();
}

function frontMatterTitle(frontMatter: string | undefined): string | undefined {
  if (frontMatter === undefined) return undefined;
  try {
    const data: unknown = parseYaml(frontMatter);
    if (data && typeof data === 'object' && 'title' in data && typeof data.title === 'string' && data.title.trim() !== '') {
      return data.title.trim();
    }
  } catch {
    // Broken front matter is the page's problem, not a reason to refuse its questions.
  }
  return undefined;
}

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
  const stack: { depth: number; owner: Pending | undefined }[] = [];
  for (const section of sections) {
    while (stack.length > 0 && stack.at(-1)!.depth >= section.depth) stack.pop();
    const asks = isQuestion(section.text) || (options.allHeadings === true && hasBody(section));
    if (asks) {
      const entry: Pending = { section, parts: [] };
      pending.push(entry);
      stack.push({ depth: section.depth, owner: entry });
      continue;
    }
    const owner = [...stack].reverse().find((s) => s.owner)?.owner;
    if (owner) owner.parts.push(section);
    else if (hasBody(section)) skipped.push({ heading: section.text, reason: 'not a question (use --all-headings to import it)' });
    stack.push({ depth: section.depth, owner });
  }

  const taken = new Set<string>();
  const entries = [];
  for (const { section, parts } of pending) {
    const nodes = answerNodes(section, parts).filter((node) => !isComment(node));
    if (nodes.length === 0) continue; // a heading that only groups the questions below it
    nodes.forEach((node) => absolutizeLinks(node, options.baseUrl, links));
    entries.push(draftEntry(uniqueId(section.text, taken), section.text, serialise(nodes)));
  }

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

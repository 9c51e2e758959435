// Cuts a page's mdast tree into heading sections and decides what each one is: a question,
// a part of the question above it, the page title, a trailing notice (the footer), or neither.
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { questionBlockTitle } from './admonitions.js';
import { stripAttributeLists } from './tidy.js';

export interface Section {
  /** The heading's content (for a bold question, the bold text). */
  readonly heading: { readonly children: PhrasingContent[] };
  readonly text: string;
  /** 1–6 for headings; 7 for a bold-paragraph question, which sits below every heading. */
  readonly depth: number;
  /** The section's own content, up to the next heading of any level. */
  readonly body: RootContent[];
}

export interface PageSections {
  /** Front matter (`yaml` node) text, if any. */
  frontMatter?: string;
  /** Content before the first heading. */
  preamble: RootContent[];
  sections: Section[];
}

export function splitSections(tree: Root): PageSections {
  const page: PageSections = { preamble: [], sections: [] };
  let current: Section | undefined;
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      page.frontMatter = node.value;
    } else if (node.type === 'heading') {
      current = { heading: node, text: headingText(node), depth: node.depth, body: [] };
      page.sections.push(current);
    } else if (questionBlockTitle(node) !== undefined) {
      // `??? question "..."` (MkDocs Material): the block is the question and its body the answer.
      const text = questionBlockTitle(node)!;
      current = {
        heading: { children: [{ type: 'text', value: text }] },
        text,
        depth: BOLD_DEPTH,
        body: [...(node as { children: RootContent[] }).children],
      };
      page.sections.push(current);
    } else if (isBoldQuestion(node)) {
      // Many FAQ pages write questions as a bold line (`**Can I ...?**`) instead of a heading.
      const strong = node.children.find((child) => child.type === 'strong')!;
      current = {
        heading: strong,
        text: toString(strong, { includeHtml: false }).replace(/\s+/g, ' ').trim(),
        depth: BOLD_DEPTH,
        body: [],
      };
      page.sections.push(current);
    } else if (current) {
      current.body.push(node);
    } else {
      page.preamble.push(node);
    }
  }
  return page;
}

const BOLD_DEPTH = 7;

function headingText(heading: Heading): string {
  // `{#anchor}` after a heading is a custom anchor in VuePress, Docusaurus and Hugo, not text.
  // `{: #id .class }` attribute lists (Python-Markdown, kramdown) are not text either.
  return stripAttributeLists(toString(heading, { includeHtml: false }))
    .replace(/\s+/g, ' ')
    .replace(/\s*\{#[^}]*\}$/, '')
    .trim();
}

function isBoldQuestion(node: RootContent): node is Paragraph {
  if (node.type !== 'paragraph') return false;
  const meaningful = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  return meaningful.length === 1 && meaningful[0]!.type === 'strong' && /\?\s*$/.test(toString(meaningful[0]!));
}

const ASKS =
  /^(how|what|why|where|when|who|whom|whose|which|can|could|should|would|will|is|are|am|was|were|do|does|did|has|have|may|might|must|shall)\b/i;

/** Headings that ask something: they end with `?`, or start like a question ("How to Report Bugs"). */
export function isQuestion(text: string): boolean {
  return /\?\s*$/.test(text) || ASKS.test(text);
}

const NOTICE =
  /\b(trademarks?|copyrights?|licen[cs]es?|licensing|legal|disclaimers?|notices?|attributions?|credits|thanks|acknowledge?ments?)\b/i;

/** Trademark, copyright and licence sections: a footer, not an answer. */
export function isNotice(text: string): boolean {
  return NOTICE.test(text) && !isQuestion(text);
}

/** True when a section has content of its own, not just whitespace or HTML comments. */
export function hasBody(section: Section): boolean {
  return section.body.some((node) => !isComment(node));
}

/** HTML comments are notes for the page's editors; in a chat answer they would show as text. */
export function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^(?:\s*<!--[\s\S]*?-->)*\s*$/.test(node.value);
}

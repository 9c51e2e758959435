// An answer's Markdown as plain words, unescaped, from the project's one parser: what a
// notification line, a menu description or a preview shows. Each renderer escapes it for its
// platform (Slack's `&amp;`, Discord's mention syntax) and cuts it to its own limits.
import type { Nodes } from 'mdast';
import type { Entry } from '../domain.js';
import { parseMarkdown } from './parse.js';

/** Block-level nodes whose children stand on lines of their own. */
const LINE_PER_CHILD = new Set(['root', 'list', 'listItem', 'blockquote']);

export function markdownToPlain(markdown: string): string {
  const root = parseMarkdown(markdown);
  return root.children
    .map(plainOf)
    .filter(Boolean)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// Entries are immutable (a reload makes new ones) and previews are shown again and again.
const plainAnswers = new WeakMap<Entry, string>();

/** An entry's answer as plain words, worked out once per entry. */
export function plainAnswer(entry: Entry): string {
  let plain = plainAnswers.get(entry);
  if (plain === undefined) {
    plain = markdownToPlain(entry.answer);
    plainAnswers.set(entry, plain);
  }
  return plain;
}

/** The plain text of one node: images by their alt text, table cells joined by " | ". */
export function plainOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (node.type === 'break') return '\n';
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) {
    const sep = node.type === 'tableRow' ? ' | ' : LINE_PER_CHILD.has(node.type) || node.type === 'table' ? '\n' : '';
    return (node.children as Nodes[]).map(plainOf).join(sep);
  }
  return '';
}

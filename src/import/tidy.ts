// Last clean-up of an answer's tree before it is written as Markdown: what a static-site
// generator reads but a chat platform would show as text.
import type { Nodes, RootContent } from 'mdast';
import type { Notes } from './notes.js';
import { rewriteChildren, sourceOf } from './tree.js';

const ATTRIBUTE = String.raw`(?:[#.][\w-]+|[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s}]+))`;
/** Python-Markdown / kramdown / Pandoc attribute lists: `{:target="_blank"}`, `{ .class }`, `{ #id }`. */
export const ATTRIBUTE_LIST = new RegExp(String.raw`[ \t]*\{:?[ \t]*${ATTRIBUTE}(?:\s+${ATTRIBUTE})*[ \t]*:?\}`, 'g');

/** Removes attribute lists from text (headings included). */
export function stripAttributeLists(text: string): string {
  return text.replace(ATTRIBUTE_LIST, '');
}

export function tidyAnswer(root: Nodes, source: string, notes: Notes): void {
  rewriteChildren(root, (children) => children.flatMap((child): RootContent[] => {
    if (child.type === 'textDirective') {
      // micromark reads `:name` inside a sentence as a directive; on the page it was text.
      return [{ type: 'text', value: sourceOf(child, source) ?? `:${child.name}` }];
    }
    if (child.type === 'text') {
      const stripped = stripAttributeLists(child.value);
      if (stripped !== child.value) notes.add('attributes', attributeLists(child.value).join(' '));
      // A hard-wrapped source line is one line of prose.
      const value = stripped.replace(/[ \t]*\n[ \t]*/g, ' ');
      return value === '' ? [] : [{ ...child, value }];
    }
    if (child.type === 'inlineCode') return [{ ...child, value: child.value.replace(/[ \t]*\n[ \t]*/g, ' ') }];
    return [child];
  }));
  // Paragraphs that held nothing but an attribute list (`{: .note }` on its own line).
  rewriteChildren(root, (children) => children.filter((child) => !(child.type === 'paragraph' && child.children.length === 0)));
}

function attributeLists(text: string): string[] {
  return [...text.matchAll(ATTRIBUTE_LIST)].map((m) => m[0].trim());
}

/** A rule that ends a section separates it from the next one on the page; in an answer it is debris. */
export function dropEdgeRules(nodes: RootContent[]): RootContent[] {
  const out = [...nodes];
  while (out.at(-1)?.type === 'thematicBreak') out.pop();
  while (out[0]?.type === 'thematicBreak') out.shift();
  return out;
}

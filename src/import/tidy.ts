// Last clean-up of an answer's tree before it is written as Markdown: what a static-site
// generator reads but a chat platform would show as text.
import type { Code, Nodes, RootContent } from 'mdast';
import type { Notes } from './notes.js';
import { rewriteChildren, sourceOf } from './tree.js';

const ATTRIBUTE = String.raw`(?:[#.][\w-]+|[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s}]+))`;
/** Python-Markdown / kramdown / Pandoc attribute lists: `{:target="_blank"}`, `{ .class }`, `{ #id }`. */
export const ATTRIBUTE_LIST = new RegExp(String.raw`[ \t]*\{:?[ \t]*${ATTRIBUTE}(?:\s+${ATTRIBUTE})*[ \t]*:?\}`, 'g');

/** Removes attribute lists from text (headings included). */
export function stripAttributeLists(text: string): string {
  return text.replace(ATTRIBUTE_LIST, '');
}

/**
 * micromark reads `:name` inside a sentence (even in `{:target=...}`, or "Grey/:zorp" in a
 * heading) as a directive; on the page it was text. Put it back, merging the pieces, before
 * anything reads the text: headings become questions from it.
 */
export function restoreTextDirectives(root: Nodes, source: string): void {
  rewriteChildren(root, (children) =>
    mergeTexts(
      children.map((child): RootContent =>
        child.type === 'textDirective' ? { type: 'text', value: sourceOf(child, source) ?? `:${child.name}` } : child,
      ),
    ),
  );
}

export function tidyAnswer(root: Nodes, notes: Notes): void {
  rewriteChildren(root, (children, parent) => {
    const out = children.flatMap((child): RootContent[] => {
      if (child.type === 'text') {
        const stripped = stripAttributeLists(child.value);
        if (stripped !== child.value) notes.add('attributes', attributeLists(child.value).join(' '));
        // A hard-wrapped source line is one line of prose.
        const value = stripped.replace(/[ \t]*\n[ \t]*/g, ' ');
        return value === '' ? [] : [{ ...child, value }];
      }
      if (child.type === 'inlineCode') return [{ ...child, value: child.value.replace(/[ \t]*\n[ \t]*/g, ' ') }];
      if (child.type === 'code' && child.meta) return labelledCode(child);
      return [child];
    });
    return parent.type === 'paragraph' || parent.type === 'heading' || parent.type === 'tableCell' ? trimEdges(out) : out;
  });
  // Paragraphs that held nothing but an attribute list (`{: .note }` on its own line) or an anchor.
  rewriteChildren(root, (children) => children.filter((child) => !(child.type === 'paragraph' && child.children.length === 0)));
}

/**
 * A fence's meta is for the site (```` ```md [Two columns] ````, ```` ```yaml tab="Static" ````,
 * ```` ```js title="app.js" {2} ````): chat platforms would read it as part of the language. A
 * label it names (a code group's tab, a file's title) becomes a bold line above the block.
 */
function labelledCode(code: Code): RootContent[] {
  const meta = code.meta ?? '';
  const label =
    /\[([^\]]+)\]/.exec(meta)?.[1] ?? /\b(?:tab|title|filename)\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(meta)?.slice(1).find(Boolean);
  const bare: Code = { ...code, meta: null };
  return label ? [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: label.trim() }] }] }, bare] : [bare];
}

function mergeTexts(children: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const child of children) {
    const last = out.at(-1);
    if (child.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + child.value };
    else out.push(child);
  }
  return out;
}

/** Whitespace left at a paragraph's edges by a dropped anchor or line break would be escaped as `&#x20;`. */
function trimEdges(children: RootContent[]): RootContent[] {
  // `<br/><br/> text`: one line break, and no space escaped as `&#x20;` at the new line's start.
  const out = children.filter((child, i) => !(child.type === 'break' && children[i - 1]?.type === 'break'));
  out.forEach((child, i) => {
    if (child.type === 'text' && out[i - 1]?.type === 'break') out[i] = { ...child, value: child.value.trimStart() };
  });
  while (out[0]?.type === 'break') out.shift();
  while (out.at(-1)?.type === 'break') out.pop();
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.trimStart() };
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.trimEnd() };
  return out.filter((child) => child.type !== 'text' || child.value !== '');
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

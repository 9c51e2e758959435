// Page-wide definitions that an answer cut out of the page would lose: reference-style link and
// image definitions (`[osu icon]: /img/osu.png`), footnote definitions (`[^1]: ...`) and
// abbreviation definitions (`*[HTML]: Hyper Text Markup Language`). They are taken out of the
// page before it is cut into sections, so none leaks into whichever answer happened to hold it.
import type { Definition, FootnoteDefinition, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Notes } from './notes.js';
import { rewriteChildren, visit } from './tree.js';

const ABBREVIATION = /^\*\[([^\]]+)\]:\s*(.+)$/;

/** Replaces `[text][ref]` and `![alt][ref]` with ordinary links and images, and removes the definitions. */
export function resolveReferences(tree: Root, notes: Notes): void {
  const definitions = new Map<string, Definition>();
  visit(tree, (node) => {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  let resolved = 0;
  rewriteChildren(tree, (children) =>
    children.flatMap((child): RootContent[] => {
      if (child.type === 'definition') return [];
      if (child.type !== 'linkReference' && child.type !== 'imageReference') return [child];
      const definition = definitions.get(child.identifier);
      if (!definition) {
        notes.add('reference', `[${child.label ?? child.identifier}] has no definition; kept as text`);
        return child.type === 'linkReference' ? (child.children as RootContent[]) : child.alt ? [{ type: 'text', value: child.alt }] : [];
      }
      resolved++;
      const title = definition.title ? { title: definition.title } : {};
      return child.type === 'linkReference'
        ? [{ type: 'link', url: definition.url, ...title, children: child.children }]
        : [{ type: 'image', url: definition.url, alt: child.alt ?? '', ...title }];
    }),
  );
  if (resolved > 0) notes.add('reference', `${resolved} reference-style links and images resolved with their definitions`);
}

/** Takes every footnote definition out of the page, by label. */
export function extractFootnotes(tree: Root): Map<string, FootnoteDefinition> {
  const footnotes = new Map<string, FootnoteDefinition>();
  rewriteChildren(tree, (children) =>
    children.filter((child) => {
      if (child.type !== 'footnoteDefinition') return true;
      footnotes.set(child.identifier, child);
      return false;
    }),
  );
  return footnotes;
}

/**
 * Numbers the footnotes an answer cites (¹ ², in order of citation) and appends their
 * definitions to it: chat platforms have no footnotes, and the definition belongs with the
 * answer that cites it, not with whichever section the page kept it in.
 */
export function attachFootnotes(
  nodes: RootContent[],
  footnotes: ReadonlyMap<string, FootnoteDefinition>,
  cited: Set<string>,
): RootContent[] {
  const order: string[] = [];
  const root: Root = { type: 'root', children: nodes };
  rewriteChildren(root, (children) =>
    children.map((child): RootContent => {
      if (child.type !== 'footnoteReference' || !footnotes.has(child.identifier)) return child;
      if (!order.includes(child.identifier)) order.push(child.identifier);
      return { type: 'text', value: superscript(order.indexOf(child.identifier) + 1) };
    }),
  );
  const appended = order.flatMap((identifier, index): RootContent[] => {
    cited.add(identifier);
    const blocks = structuredClone(footnotes.get(identifier)!.children) as RootContent[];
    const mark: PhrasingContent = { type: 'text', value: `${superscript(index + 1)} ` };
    const first = blocks[0];
    if (first?.type === 'paragraph') blocks[0] = { ...first, children: [mark, ...first.children] };
    else blocks.unshift({ type: 'paragraph', children: [mark] });
    return blocks;
  });
  return [...root.children, ...appended];
}

function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
}

/** Removes MkDocs abbreviation definitions (`*[HTML]: ...`), which only make tooltips on the site. */
export function removeAbbreviations(tree: Root, notes: Notes): void {
  rewriteChildren(tree, (children) =>
    children.filter((child) => {
      if (child.type !== 'paragraph' || !isAbbreviations(child)) return true;
      for (const line of toString(child).split('\n'))
        notes.add('abbreviation', `*[${ABBREVIATION.exec(line.trim())?.[1] ?? line}] removed`);
      return false;
    }),
  );
}

function isAbbreviations(paragraph: Paragraph): boolean {
  const lines = toString(paragraph)
    .split('\n')
    .filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.every((line) => ABBREVIATION.test(line.trim()));
}

export type { Nodes };

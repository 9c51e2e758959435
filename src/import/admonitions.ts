// Admonitions ("callouts") in the dialects FAQ pages are written in: MkDocs/Material
// `!!! note "Title"` and collapsible `???`/`???+` with an indented body, VitePress/Docusaurus
// `::: tip Title` ... `:::` (with or without the space), micromark's own `:::tip[Title]`, and
// GitHub's alerts (`> [!NOTE]`, with Obsidian's `> [!tip]- Title` callouts).
// None of them is Markdown a chat platform knows, so they are first lifted into one node shape
// (a `containerDirective` with a `title`), then rendered as a plain quote: `> **Note:** ...`.
import type { BlockContent, Blockquote, Paragraph, PhrasingContent, RootContent, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../markdown/parse.js';
import type { Notes } from './notes.js';
import { rewriteChildren, sourceOf } from './tree.js';

/** pymdownx.tabbed content tabs (MkDocs Material): `=== "Label"` over an indented body. */
const TAB_OPEN = /^===\+?[ \t]+"(.*)"[ \t]*$/;
// A title runs to the last quote on the line: `??? question "Why "Error 42"?"` quotes inside it.
const MKDOCS_OPEN = /^(!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+"(.*)")?[ \t]*$/;
/** Material's icon shortcodes (`:fontawesome-brands-linux:`) and a heading's `¶` permalink, in a title. */
const TITLE_DECORATION = /:(?:material|fontawesome|octicons|simple)-[\w-]+:\s*|<a\b[^>]*>[^<]*<\/a>|<[^>]+>|¶/g;

function plainTitle(title: string | undefined): string | undefined {
  return title?.replace(TITLE_DECORATION, '').trim();
}
const CONTAINER_OPEN = /^:{3,}[ \t]*([\w-]+)[ \t]*(.*?)[ \t]*$/;
const CONTAINER_CLOSE = /^:{3,}[ \t]*$/;
/** A GitHub alert's marker on a quote's first line; Obsidian adds a fold sign and a title. */
const ALERT_MARKER = /^\[!([\w-]+)\][+-]?[ \t]*(.*)$/;

/** Admonition names whose usual title is not just the name capitalised. */
const LABELS: Record<string, string> = { tldr: 'TL;DR', faq: 'FAQ', info: 'Info', seealso: 'See also' };

/** Rewrites every admonition under `root` into a `containerDirective` (title in `attributes.title`). */
export function liftAdmonitions(root: RootContent | { type: 'root'; children: RootContent[] }, source: string, notes: Notes): void {
  rewriteChildren(root, (children) => liftIn(children, source, notes));
}

/** The admonition's rendering as a quote; a `question` block is a question, see sections.ts. */
export function renderAdmonitions(root: RootContent | { type: 'root'; children: RootContent[] }): void {
  // An admonition with no body ("!!! note" and nothing indented below) says nothing.
  // A VitePress `::: code-group` is tabs of code, not a callout: its blocks stand as they are
  // (each tab's `[label]` is kept by tidy.ts).
  rewriteChildren(root, (children) =>
    children.flatMap((child): RootContent[] =>
      child.type !== 'containerDirective'
        ? [child]
        : child.name === 'code-group'
          ? [...child.children]
          : child.children.length > 0
            ? [asQuote(child)]
            : [],
    ),
  );
}

/** The title of a `??? question "..."` block, which some pages (Haskell Stack) ask questions with. */
export function questionBlockTitle(node: RootContent): string | undefined {
  if (node.type !== 'containerDirective' || node.name !== 'question') return undefined;
  const title = node.attributes?.title?.trim();
  return title ? title : undefined;
}

function liftIn(children: RootContent[], source: string, notes: Notes): RootContent[] {
  const out: RootContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type === 'containerDirective') {
      out.push(withLabelAsTitle(node));
      notes.add('admonition', `:::${node.name}`);
      continue;
    }
    if (node.type === 'leafDirective') {
      // `::name` on its own line is not an admonition; it was text on the page.
      out.push({ type: 'paragraph', children: [{ type: 'text', value: sourceOf(node, source) ?? `::${node.name}` }] });
      continue;
    }
    if (node.type === 'blockquote') {
      const alert = alertOf(node, source, notes);
      out.push(alert ?? node);
      continue;
    }
    if (node.type !== 'paragraph') {
      out.push(node);
      continue;
    }
    const lines = paragraphLines(node);
    const first = lineText(lines[0] ?? []);
    const mkdocs = MKDOCS_OPEN.exec(first);
    const tab = TAB_OPEN.exec(first);
    if (mkdocs || tab) {
      const body: RootContent[] = [];
      const rest = paragraphOf(lines.slice(1));
      if (rest) body.push(rest);
      // The indented body after a blank line parses as an indented code block: it is Markdown.
      while (isIndentedCode(children[i + 1], source)) {
        const code = children[++i] as { value: string };
        const tree = parseMarkdown(code.value);
        liftAdmonitions(tree, code.value, notes);
        body.push(...tree.children);
      }
      if (mkdocs) {
        out.push(directive(mkdocs[2]!, plainTitle(mkdocs[3]), body));
        notes.add('admonition', `${mkdocs[1]} ${mkdocs[2]}`);
      } else {
        // A tab is no callout: its label becomes a bold line over its body, as for a Docusaurus TabItem.
        out.push(
          { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: plainTitle(tab![1]!)! }] }] },
          ...body,
        );
        notes.add('admonition', `=== "${tab![1]}" (a content tab: its label kept as a bold line)`);
      }
      continue;
    }
    const container = CONTAINER_OPEN.exec(first);
    if (container) {
      const closed = collectContainer(lines.slice(1), children, i + 1);
      if (closed) i = closed.next - 1;
      // Never closed: rather than swallow the rest of the page, the container is its own paragraph.
      const body = closed ? liftIn(closed.body, source, notes) : [paragraphOf(lines.slice(1))].filter((p) => p !== undefined);
      out.push(directive(container[1]!, container[2] || undefined, body));
      notes.add('admonition', closed ? `::: ${container[1]}` : `::: ${container[1]} (never closed; its own paragraph taken as its body)`);
      continue;
    }
    out.push(node);
  }
  return out;
}

/** A quote opening with `[!NOTE]` as the admonition it is on GitHub; other quotes are left alone. */
function alertOf(quote: Blockquote, source: string, notes: Notes): ContainerDirective | undefined {
  const [first, ...rest] = quote.children;
  if (first?.type !== 'paragraph') return undefined;
  const lines = paragraphLines(first);
  const marker = ALERT_MARKER.exec(lineText(lines[0] ?? []));
  if (!marker) return undefined;
  const body: RootContent[] = [];
  const text = paragraphOf(lines.slice(1));
  if (text) body.push(text);
  body.push(...rest);
  const inner = { type: 'root' as const, children: body };
  liftAdmonitions(inner, source, notes);
  notes.add('admonition', `> [!${marker[1]}]`);
  return directive(marker[1]!, marker[2] ? marker[2] : undefined, inner.children);
}

/** The body of a `::: name` container up to its closing `:::`, or undefined when it never closes. */
function collectContainer(
  firstRest: PhrasingContent[][],
  siblings: RootContent[],
  from: number,
): { body: RootContent[]; next: number } | undefined {
  const body: RootContent[] = [];
  const take = (lines: PhrasingContent[][]): boolean => {
    const last = lines.length > 0 ? lineText(lines.at(-1)!) : '';
    const closes = CONTAINER_CLOSE.test(last.trim());
    const kept = paragraphOf(closes ? lines.slice(0, -1) : lines);
    if (kept) body.push(kept);
    return closes;
  };
  if (firstRest.length > 0 && take(firstRest)) return { body, next: from };
  for (let j = from; j < siblings.length; j++) {
    const node = siblings[j]!;
    if (node.type === 'paragraph') {
      if (take(paragraphLines(node))) return { body, next: j + 1 };
    } else {
      // A closing `:::` right after a list continues its last item's paragraph (a lazy line).
      const closes = dropTrailingCloser(node);
      body.push(node);
      if (closes) return { body, next: j + 1 };
    }
  }
  return undefined;
}

/** Removes a closing `:::` line ending the last paragraph inside `node`; true if there was one. */
function dropTrailingCloser(node: RootContent): boolean {
  if (!('children' in node) || node.children.length === 0 || node.type === 'containerDirective') return false;
  const children = node.children as RootContent[];
  const last = children.at(-1)!;
  if (last.type !== 'paragraph') return dropTrailingCloser(last);
  const lines = paragraphLines(last);
  if (!CONTAINER_CLOSE.test(lineText(lines.at(-1) ?? []))) return false;
  const kept = paragraphOf(lines.slice(0, -1));
  if (kept) children[children.length - 1] = kept;
  else children.pop();
  return true;
}

function directive(name: string, title: string | undefined, children: RootContent[]): ContainerDirective {
  return {
    type: 'containerDirective',
    name: name.toLowerCase(),
    attributes: title === undefined ? {} : { title },
    children: children as BlockContent[],
  };
}

/** micromark's `:::tip[Title]` keeps the title as a first paragraph marked as the label. */
function withLabelAsTitle(node: ContainerDirective): ContainerDirective {
  const [first, ...rest] = node.children;
  if (first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) {
    return { ...node, attributes: { ...node.attributes, title: toString(first) }, children: rest };
  }
  return node;
}

function asQuote(node: ContainerDirective): Blockquote {
  const title = node.attributes?.title ?? undefined;
  const label = title === undefined || title === null ? (LABELS[node.name] ?? capitalise(node.name)) : title.trim();
  const children = [...node.children] as BlockContent[];
  if (label !== '') {
    const strong: PhrasingContent = { type: 'strong', children: [{ type: 'text', value: /[:.!?]$/.test(label) ? label : `${label}:` }] };
    const first = children[0];
    if (first?.type === 'paragraph') children[0] = { ...first, children: [strong, { type: 'text', value: ' ' }, ...first.children] };
    else children.unshift({ type: 'paragraph', children: [strong] });
  }
  return { type: 'blockquote', children };
}

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1).replace(/[-_]/g, ' ');
}

/** A paragraph's top-level phrasing cut at its line endings. */
export function paragraphLines(paragraph: Paragraph): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of paragraph.children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines.at(-1)!.push(child);
      continue;
    }
    child.value.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part !== '') lines.at(-1)!.push({ type: 'text', value: part } satisfies Text);
    });
  }
  return lines;
}

export function lineText(line: PhrasingContent[]): string {
  return line
    .map((node) => toString(node))
    .join('')
    .trim();
}

export function paragraphOf(lines: PhrasingContent[][]): Paragraph | undefined {
  const kept = lines.filter((line) => lineText(line) !== '');
  if (kept.length === 0) return undefined;
  return {
    type: 'paragraph',
    children: kept.flatMap((line, index) => (index > 0 ? [{ type: 'text', value: '\n' } as Text, ...line] : line)),
  };
}

function isIndentedCode(node: RootContent | undefined, source: string): boolean {
  if (node?.type !== 'code' || node.lang) return false;
  const text = sourceOf(node, source);
  return text !== undefined && /^[ \t]/.test(text);
}

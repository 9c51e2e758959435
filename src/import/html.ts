// HTML inside a FAQ page shows as raw tags in Discord and Slack. Each `html` node is read as a
// short run of tags and text and replaced by the Markdown it stands for: `<a name>` anchors
// dropped, `<a href>` a link, `<img>` an image (or its alt text), `<br>` a line break,
// `<details><summary>` the summary as a bold line, a `<TabItem label>` its label as one, and any
// other tag dropped, keeping its text.
import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Notes } from './notes.js';
import { rewriteChildren } from './tree.js';

type NodeToken = { kind: 'node'; node: PhrasingContent };
type Token = { kind: 'text'; value: string } | { kind: 'open' | 'close' | 'void'; tag: string; attrs: Record<string, string> };

const TOKEN = /<!--[\s\S]*?-->|<\/?([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|[^<]+|</g;
const ATTR = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'source', 'wbr']);
/** Tags that start a new paragraph when they appear in an HTML block. */
const BLOCK = new Set([
  'p',
  'div',
  'details',
  'summary',
  'section',
  'center',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'blockquote',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
]);
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  copy: '©',
  reg: '®',
  trade: '™',
};

/** Replaces HTML under `root` (blocks and inline tags) with Markdown. */
export function convertHtml(root: Nodes, notes: Notes): void {
  rewriteChildren(root, (children, parent) => {
    if (!children.some((child) => child.type === 'html')) return children;
    notes.add('html', describe(children));
    return parent.type === 'root' ||
      parent.type === 'blockquote' ||
      parent.type === 'listItem' ||
      parent.type === 'footnoteDefinition' ||
      parent.type === 'containerDirective'
      ? children.flatMap((child) => (child.type === 'html' ? htmlBlock(child.value) : [child]))
      : (convertPhrasing(children as PhrasingContent[]) as RootContent[]);
  });
}

/** The text an HTML fragment shows: tags dropped, entities decoded, whitespace collapsed. */
export function htmlText(html: string): string {
  return decode(
    tokenize(html)
      // A block tag or a break separates words; an inline one (`<code>`, `<b>`) does not.
      .map((t) => (t.kind === 'text' ? t.value : BLOCK.has(t.tag) || t.tag === 'br' ? ' ' : ''))
      .join(''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

function describe(children: RootContent[]): string {
  const tags = children
    .flatMap((child) => (child.type === 'html' ? tokenize(child.value) : []))
    .filter((t): t is Extract<Token, { tag: string }> => t.kind !== 'text' && t.kind !== 'close')
    .map((t) => (t.tag === 'a' && !('href' in t.attrs) ? '<a name>' : `<${t.tag}>`));
  return tags.length > 0 ? [...new Set(tags)].join(' ') : 'HTML comment';
}

/** An HTML block as paragraphs of Markdown phrasing; empty when it was only markup. */
function htmlBlock(value: string): RootContent[] {
  const paragraphs: PhrasingContent[][] = [[]];
  build(tokenize(value), true, () => paragraphs.push([]), paragraphs);
  return paragraphs
    .map((nodes) => trimPhrasing(nodes))
    .filter((nodes) => nodes.length > 0)
    .map((children): Paragraph => ({ type: 'paragraph', children }));
}

/** Inline HTML among other phrasing: tags become Markdown nodes wrapping what they enclose. */
export function convertPhrasing(children: PhrasingContent[]): PhrasingContent[] {
  const tokens = children.flatMap((child): (Token | NodeToken)[] =>
    child.type === 'html' ? tokenize(child.value) : [{ kind: 'node', node: child }],
  );
  const out: PhrasingContent[][] = [[]];
  build(tokens, false, () => undefined, out);
  return out[0]!;
}

interface Frame {
  tag: string;
  attrs: Record<string, string>;
  children: PhrasingContent[];
}

function build(tokens: (Token | NodeToken)[], block: boolean, newParagraph: () => void, paragraphs: PhrasingContent[][]): void {
  const stack: Frame[] = [];
  const target = (): PhrasingContent[] => (stack.length > 0 ? stack.at(-1)!.children : paragraphs.at(-1)!);
  const close = (frame: Frame): void => {
    const made = element(frame);
    if (block && frame.tag === 'summary') {
      newParagraph();
      target().push(...made);
      newParagraph();
    } else target().push(...made);
  };
  for (const token of tokens) {
    if (token.kind === 'node') target().push(token.node);
    else if (token.kind === 'text') {
      const value = decode(block ? token.value.replace(/\s+/g, ' ') : token.value);
      if (value !== '') target().push({ type: 'text', value });
    } else if (token.kind === 'void' || VOID.has(token.tag)) {
      if (token.kind === 'close') continue;
      if (token.tag === 'br') target().push({ type: 'break' });
      else if (token.tag === 'img') target().push(...image(token.attrs));
      else if (token.attrs.href || token.attrs.link) {
        // A self-closing component that links somewhere (`<LinkCard link="…" title="…" />`).
        // A component's `link` is a path in the site (VitePress resolves it from the root); an `href` is the browser's.
        const link = token.attrs.link;
        const url = token.attrs.href || (/^(?:[a-z][a-z0-9+.-]*:|[/.#])/i.test(link!) ? link! : `/${link}`);
        const text = (token.attrs.title || token.attrs.label || token.attrs.text || url).trim();
        target().push({ type: 'link', url, children: [{ type: 'text', value: text }] });
      } else if (token.kind === 'void' && !VOID.has(token.tag) && componentName(token.attrs)) {
        target().push(componentName(token.attrs)!);
      } else if (block && BLOCK.has(token.tag)) newParagraph();
    } else if (token.kind === 'open') {
      if (block && BLOCK.has(token.tag) && token.tag !== 'summary') {
        while (stack.length > 0) close(stack.pop()!);
        newParagraph();
      } else stack.push({ tag: token.tag, attrs: token.attrs, children: [] });
    } else {
      const at = stack.map((f) => f.tag).lastIndexOf(token.tag);
      if (at >= 0) while (stack.length > at) close(stack.pop()!);
      else if (block && BLOCK.has(token.tag)) newParagraph();
    }
  }
  while (stack.length > 0) close(stack.pop()!);
}

/**
 * What a self-closing component without a link shows in its place: its text, label or title,
 * or the API name an API-docs link names (`<DocsLink path="Guild:Class#members" />` shows
 * `Guild#members`); deleting it would leave a gap in the sentence ("the  object").
 */
function componentName(attrs: Readonly<Record<string, string>>): PhrasingContent | undefined {
  const text = (attrs.text || attrs.label || attrs.title || attrs.name || '').trim();
  if (text !== '') return { type: 'text', value: text };
  const path = attrs.path?.trim();
  // `Kind` after a colon says what the name is (Class, Interface, Function): the page shows the name.
  if (path) return { type: 'inlineCode', value: path.replace(/:[A-Za-z]+(?=#|$)/, '') };
  return undefined;
}

function element({ tag, attrs, children }: Frame): PhrasingContent[] {
  switch (tag) {
    case 'a':
      return attrs.href ? [{ type: 'link', url: attrs.href, children }] : children;
    case 'strong':
    case 'b':
    case 'summary':
      return children.length > 0 ? [{ type: 'strong', children }] : [];
    case 'em':
    case 'i':
      return children.length > 0 ? [{ type: 'emphasis', children }] : [];
    case 'code':
    case 'kbd':
    case 'tt':
      return [{ type: 'inlineCode', value: children.map((c) => toString(c)).join('') }];
    case 'del':
    case 's':
    case 'strike':
      return [{ type: 'delete', children }];
    case 'sup':
      // `2<sup>53</sup>` is 2^53, not 253.
      return [{ type: 'text', value: '^' }, ...children];
    case 'tabitem':
    case 'tab': {
      // Docusaurus `<TabItem label="Yarn">`: which tab a code block belongs to is worth keeping.
      const label = (attrs.label ?? attrs.title ?? attrs.value ?? '').trim();
      return label ? [{ type: 'strong', children: [{ type: 'text', value: label }] }, ...children] : children;
    }
    default:
      return children;
  }
}

function image(attrs: Record<string, string>): PhrasingContent[] {
  const alt = decode(attrs.alt ?? '').trim();
  if (!attrs.src) return alt ? [{ type: 'text', value: alt }] : [];
  return [{ type: 'image', url: attrs.src, alt, ...(attrs.title ? { title: attrs.title } : {}) }];
}

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  for (const match of html.matchAll(TOKEN)) {
    const [whole, tag, attrText, selfClosing] = match;
    if (whole.startsWith('<!--')) continue;
    if (tag === undefined) {
      tokens.push({ kind: 'text', value: whole });
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, name, a, b, c] of (attrText ?? '').matchAll(ATTR)) attrs[name!.toLowerCase()] = a ?? b ?? c ?? '';
    const name = tag.toLowerCase();
    tokens.push({ kind: whole.startsWith('</') ? 'close' : selfClosing ? 'void' : 'open', tag: name, attrs });
  }
  return tokens;
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  while (out[0]?.type === 'break' || (out[0]?.type === 'text' && out[0].value.trim() === '')) out.shift();
  while (out.at(-1)?.type === 'break' || (out.at(-1)?.type === 'text' && (out.at(-1) as { value: string }).value.trim() === '')) out.pop();
  if (out[0]?.type === 'text') out[0] = { ...out[0], value: out[0].value.trimStart() };
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.trimEnd() };
  return out;
}

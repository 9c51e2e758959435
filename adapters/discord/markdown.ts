// Knowledge Markdown → what Discord shows well. Works from the project's one parser's mdast
// tree and returns blocks (paragraphs, lists, code, quotes), so the splitter can cut between
// them instead of in the middle of a sentence or a code block.
import type { Nodes, Parent, Root, Table, List, PhrasingContent } from 'mdast';
import { parseMarkdown } from '../../src/index.js';
import { neutralizeMentions } from './safe-text.js';

/** Tables wider than this (in characters) read badly in a code block on phones; they become lists. */
const MAX_TABLE_WIDTH = 60;

const ADMONITIONS: Readonly<Record<string, string>> = {
  tip: '💡 Tip',
  hint: '💡 Hint',
  note: 'ℹ️ Note',
  info: 'ℹ️ Info',
  important: '❗ Important',
  warning: '⚠️ Warning',
  caution: '⚠️ Caution',
  danger: '🛑 Danger',
  success: '✅ Success',
};

interface Ctx {
  definitions: Map<string, string>;
}

/** Renders Markdown to Discord-flavoured blocks; join them with a blank line to get the text. */
export function markdownToDiscordBlocks(markdown: string): string[] {
  const root = parseMarkdown(markdown);
  const ctx: Ctx = { definitions: new Map() };
  collectDefinitions(root, ctx);
  return blocks(root, ctx);
}

export function markdownToDiscord(markdown: string): string {
  return markdownToDiscordBlocks(markdown).join('\n\n');
}

function collectDefinitions(node: Nodes, ctx: Ctx): void {
  if (node.type === 'definition') ctx.definitions.set(node.identifier, node.url);
  if ('children' in node) for (const child of node.children) collectDefinitions(child as Nodes, ctx);
}

function blocks(parent: Parent, ctx: Ctx): string[] {
  const out: string[] = [];
  for (const node of parent.children as Nodes[]) {
    const text = block(node, ctx);
    if (text.trim() !== '') out.push(text);
  }
  return out;
}

function block(node: Nodes, ctx: Ctx): string {
  switch (node.type) {
    case 'paragraph':
      return inline(node.children, ctx);
    case 'heading':
      // Bold rather than `#` headings: embeds and older clients show `#` literally.
      return `**${inline(node.children, ctx)}**`;
    case 'code': {
      const body = node.value.replace(/```/g, '`\u200b``');
      return `\`\`\`${node.lang ?? ''}\n${body}\n\`\`\``;
    }
    case 'blockquote':
      return quote(blocks(node, ctx).join('\n\n'));
    case 'list':
      return list(node, ctx, 0);
    case 'thematicBreak':
      return '───────';
    case 'table':
      return table(node);
    case 'html':
      return node.value.startsWith('<!--') ? '' : escapeText(node.value);
    case 'definition':
      return '';
    case 'footnoteDefinition':
      return `[${node.label ?? node.identifier}] ${blocks(node, ctx).join(' ')}`;
    case 'containerDirective':
      return admonition(node.name, node.children as Nodes[], ctx);
    case 'leafDirective':
      return inline(node.children, ctx);
    default:
      return 'children' in node ? blocks(node as Parent, ctx).join('\n\n') : '';
  }
}

function admonition(name: string, children: Nodes[], ctx: Ctx): string {
  const [first, ...rest] = children;
  // `:::tip[Custom title]` arrives as a first paragraph marked as the directive's label.
  const labelled = first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel;
  const title = labelled ? inline(first.children, ctx) : (ADMONITIONS[name.toLowerCase()] ?? capitalize(name));
  const body = blocks({ type: 'root', children: (labelled ? rest : children) as Root['children'] }, ctx).join('\n\n');
  return quote(body ? `**${title}**\n${body}` : `**${title}**`);
}

function quote(text: string): string {
  // Discord has no nested quotes: strip inner markers, then quote every line once.
  return text
    .split('\n')
    .map((line) => `> ${line.replace(/^(> ?)+/, '')}`)
    .join('\n');
}

function list(node: List, ctx: Ctx, depth: number): string {
  const start = node.start ?? 1;
  const indent = '  '.repeat(depth);
  return node.children
    .map((item, i) => {
      const marker = node.ordered ? `${start + i}.` : '-';
      const check = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
      const lines: string[] = [];
      item.children.forEach((child, c) => {
        if (child.type === 'list') {
          lines.push(list(child, ctx, depth + 1));
          return;
        }
        // Text continues under the marker; quotes and code blocks must start their own line
        // at the margin, or Discord shows their markers literally (or changes the code).
        const flush = child.type !== 'paragraph' && child.type !== 'heading';
        block(child as Nodes, ctx)
          .split('\n')
          .forEach((line, l) => {
            if (c === 0 && l === 0) lines.push(`${indent}${marker} ${check}${line}`);
            else lines.push(flush || line === '' ? line : `${indent}  ${line}`);
          });
      });
      return lines.join('\n');
    })
    .join('\n');
}

function table(node: Table): string {
  const rows = node.children.map((row) =>
    row.children.map((cell) =>
      plain(cell.children as Nodes[])
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
  const header = rows[0] ?? [];
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(1, ...rows.map((r) => [...(r[c] ?? '')].length)));
  const total = widths.reduce((a, b) => a + b, 0) + 3 * (columns - 1);
  if (total > MAX_TABLE_WIDTH) {
    // Too wide for a phone: one list item per row, "header: value" pairs.
    return rows
      .slice(1)
      .map((r) => `- ${r.map((v, c) => (header[c] ? `**${escapeText(header[c]!)}**: ${escapeText(v)}` : escapeText(v))).join(' · ')}`)
      .join('\n');
  }
  const pad = (text: string, c: number) => {
    const gap = widths[c]! - [...text].length;
    const align = node.align?.[c];
    if (align === 'right') return ' '.repeat(gap) + text;
    if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + text + ' '.repeat(Math.ceil(gap / 2));
    return text + ' '.repeat(gap);
  };
  const line = (r: string[]) =>
    Array.from({ length: columns }, (_, c) => pad(r[c] ?? '', c))
      .join(' | ')
      .trimEnd();
  const lines = [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)];
  return `\`\`\`\n${lines.join('\n').replace(/```/g, '`\u200b``')}\n\`\`\``;
}

function inline(children: readonly PhrasingContent[] | readonly Nodes[], ctx: Ctx): string {
  return (children as Nodes[]).map((n) => phrase(n, ctx)).join('');
}

function phrase(node: Nodes, ctx: Ctx): string {
  switch (node.type) {
    case 'text':
      return escapeText(node.value);
    case 'emphasis':
      return `*${inline(node.children, ctx)}*`;
    case 'strong':
      return `**${inline(node.children, ctx)}**`;
    case 'delete':
      return `~~${inline(node.children, ctx)}~~`;
    case 'inlineCode':
      return node.value.includes('`') ? `\`\` ${node.value} \`\`` : `\`${node.value}\``;
    case 'break':
      return '\n';
    case 'link':
      return link(inline(node.children, ctx), node.url);
    case 'image':
      return link(escapeText(node.alt || 'image'), node.url);
    case 'linkReference': {
      const url = ctx.definitions.get(node.identifier);
      const text = inline(node.children, ctx);
      return url ? link(text, url) : text;
    }
    case 'footnoteReference':
      return `[${node.label ?? node.identifier}]`;
    case 'html':
      return escapeText(node.value);
    case 'textDirective':
      return inline(node.children, ctx);
    default:
      return 'children' in node ? inline((node as Parent).children as Nodes[], ctx) : '';
  }
}

function link(text: string, url: string): string {
  if (!/^https?:\/\//i.test(url)) return text;
  const safeUrl = url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  if (text === '' || text === escapeText(url)) return `<${safeUrl}>`;
  // Brackets inside a masked link's text would end it early.
  return `[${text.replace(/[[\]]/g, '')}](${safeUrl})`;
}

/** Plain text of inline nodes, for table cells. */
function plain(nodes: Nodes[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text' || n.type === 'inlineCode') return n.value;
      if (n.type === 'image') return n.alt ?? '';
      if ('children' in n) return plain((n as Parent).children as Nodes[]);
      return '';
    })
    .join('');
}

/** Text that Discord must show as written: no accidental formatting, no mention syntax. */
export function escapeText(text: string): string {
  return neutralizeMentions(text.replace(/([\\*_~`|])/g, '\\$1').replace(/^([>#-]|\d+\.) /gm, '\\$1 '));
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

// Markdown answers rendered for a terminal: no `#`, `**` or `[text](url)` left, paragraphs
// wrapped at the terminal width on word boundaries (a word longer than the line, such as a URL,
// stays whole so it can still be copied), lists and tables laid out to be read. Pure: width in,
// text out.
import type { Nodes, PhrasingContent, RootContent, Table } from 'mdast';
import { parseMarkdown } from '../src/markdown/parse.js';

export function markdownToTerminal(markdown: string, width: number): string {
  const root = parseMarkdown(markdown);
  return blocks(root.children, Math.max(20, width)).join('\n\n');
}

function blocks(nodes: readonly RootContent[], width: number): string[] {
  return nodes.map((n) => block(n, width)).filter((s) => s !== '');
}

function block(node: RootContent, width: number): string {
  switch (node.type) {
    case 'paragraph':
      return wrap(inline(node.children), width);
    case 'heading': {
      const text = inline(node.children);
      // Underlined like a setext heading: reads as a heading without Markdown's `#`.
      return node.depth <= 2 ? `${wrap(text, width)}\n${'='.repeat(Math.min(text.length, width))}` : wrap(text, width);
    }
    case 'thematicBreak':
      return '-'.repeat(Math.min(width, 40));
    case 'blockquote':
      return prefixLines(blocks(node.children, width - 2).join('\n\n'), '| ', '| ');
    case 'list': {
      const start = node.start ?? 1;
      return node.children
        .map((item, i) => {
          const marker = node.ordered ? `${start + i}. ` : '- ';
          const body = blocks(item.children, width - marker.length).join(item.spread ? '\n\n' : '\n');
          return prefixLines(body, marker, ' '.repeat(marker.length));
        })
        .join(node.spread ? '\n\n' : '\n');
    }
    case 'code':
      // Code is copied as it is: indented, never wrapped.
      return prefixLines(node.value, '    ', '    ');
    case 'table':
      return table(node, width);
    case 'html':
      return node.value;
    case 'containerDirective': {
      const first = node.children[0];
      const label = first?.data && 'directiveLabel' in first.data && first.type === 'paragraph' ? inline(first.children) : '';
      const rest = node.children.filter((_c, i) => !(i === 0 && label));
      const title = label || node.name.charAt(0).toUpperCase() + node.name.slice(1);
      return prefixLines(`${title}:\n${blocks(rest, width - 2).join('\n\n')}`, '| ', '| ');
    }
    case 'leafDirective':
      return wrap(inline(node.children), width);
    default:
      return '';
  }
}

function inline(nodes: readonly PhrasingContent[]): string {
  return nodes.map(phrase).join('');
}

function phrase(node: PhrasingContent | Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'strong':
    case 'emphasis':
    case 'delete':
      return inline(node.children);
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'link': {
      const text = inline(node.children);
      return text === '' || text === node.url || `mailto:${text}` === node.url ? node.url : `${text} (${node.url})`;
    }
    case 'image':
      return node.alt ? `${node.alt} (${node.url})` : node.url;
    case 'html':
      return node.value;
    case 'textDirective':
      return inline(node.children);
    default:
      return 'children' in node && Array.isArray(node.children) ? inline(node.children as PhrasingContent[]) : '';
  }
}

/** Wraps at `width` on spaces; hard breaks stay; a word longer than a line gets its own line. */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(/\s+/).filter(Boolean)) {
        if (current === '') current = word;
        else if (current.length + 1 + word.length <= width) current += ` ${word}`;
        else {
          out.push(current);
          current = word;
        }
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

function prefixLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => `${i === 0 ? first : rest}${line}`.trimEnd())
    .join('\n');
}

/**
 * Columns padded to line up when the table fits the width; otherwise one block per row with
 * "Header: value" lines, which stays readable in a narrow terminal.
 */
function table(node: Table, width: number): string {
  const rows = node.children.map((row) => row.children.map((cell) => inline(cell.children).replace(/\s+/g, ' ').trim()));
  const header = rows[0] ?? [];
  const body = rows.slice(1);
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_v, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (columns - 1);
  if (total <= width) {
    const line = (r: readonly string[]) =>
      widths
        .map((w, c) => (r[c] ?? '').padEnd(w))
        .join('  ')
        .trimEnd();
    return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
  }
  return body.map((r) => r.map((cell, c) => wrap(`${header[c] ?? ''}: ${cell}`, width)).join('\n')).join('\n\n');
}

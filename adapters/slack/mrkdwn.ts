// Markdown (the knowledge base's answers) to Slack mrkdwn, from the project's one Markdown
// parser. Every piece of text is escaped, so a knowledge file can no more ping `<!channel>`
// than a user can; only the markers this module writes itself are left raw.
import type { PhrasingContent, RootContent, Table } from 'mdast';
import type {} from 'mdast-util-directive';
import { parseMarkdown, plainOf } from '../../src/index.js';

/** Escapes the three characters Slack treats as control sequences in mrkdwn and `text`. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Text for a `plain_text` object (headers, button labels), which cannot be escaped: Slack's
 * control sequences (`<!here>`, `<@U1>`, `<#C1>`, `<https://…>`) lose their brackets, so
 * knowledge text can neither ping nor pass for a mention there.
 */
export function plainTextSafe(text: string): string {
  return text.replace(
    /<([!@#]?)([^<>]*)>/g,
    (_m, sigil: string, inner: string) => `${sigil === '!' ? '@' : sigil}${inner.split('|')[0]!.replace(/^subteam\^/, '')}`,
  );
}

/**
 * What a member typed, for echoing back ("no answer for …"), with every link left out: the
 * reply may be public, and the bot must not repeat a member's URLs to the channel (Slack would
 * make them clickable, under the bot's name).
 */
export function echoWithoutLinks(text: string): string {
  return text.replace(LINK_LIKE, '(link)').replace(/\s+/g, ' ').trim();
}

/** A scheme, `www.`, an address, or a dotted host followed by a path or a common top-level domain. */
const LINK_LIKE =
  /\b(?:[a-z][a-z0-9+.-]*:\/\/\S*|www\.\S+|[^\s@]+@[^\s@]+\.[a-z]{2,}\S*|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|app|co|me|xyz|info|gg|ly|link|site|online|ru|cn|de|uk|fr|tk|top|click|zip)\b)/gi;

/**
 * The answer as mrkdwn, one string per top-level Markdown block, so a caller can split the
 * message between blocks rather than inside them.
 */
export function markdownToMrkdwnParts(markdown: string): string[] {
  const root = parseMarkdown(markdown);
  return root.children.map((node) => block(node, 0)).filter((s) => s.trim() !== '');
}

export function markdownToMrkdwn(markdown: string): string {
  return markdownToMrkdwnParts(markdown).join('\n\n');
}

function block(node: RootContent, depth: number): string {
  switch (node.type) {
    case 'paragraph':
      return inline(node.children);
    case 'heading':
      return `*${inline(node.children, true)}*`;
    case 'thematicBreak':
      return '──────────';
    case 'blockquote':
      return quote(node.children.map((c) => block(c, depth)).join('\n\n'));
    case 'list': {
      let n = node.start ?? 1;
      return node.children
        .map((item) => {
          const marker = item.checked === true ? '☑' : item.checked === false ? '☐' : node.ordered ? `${n++}.` : '•';
          const body = item.children
            .map((c) => block(c, depth + 1))
            .filter(Boolean)
            .join('\n');
          const indent = '    '.repeat(depth);
          const [first = '', ...rest] = body.split('\n');
          return [`${indent}${marker} ${first}`, ...rest.map((l) => (l.startsWith(' ') ? l : `${indent}    ${l}`))].join('\n');
        })
        .join('\n');
    }
    case 'code':
      return fence(node.value);
    case 'table':
      return fence(tableText(node));
    case 'html':
      return escapeMrkdwn(node.value);
    case 'containerDirective': {
      const label = node.children[0]?.data && 'directiveLabel' in node.children[0].data ? plainOf(node.children[0]) : '';
      const body = node.children
        .filter((c, i) => !(i === 0 && label))
        .map((c) => block(c, depth))
        .join('\n\n');
      const title = escapeMrkdwn(label || capitalise(node.name));
      return quote(`*${title}:* ${body}`);
    }
    case 'leafDirective':
      return inline(node.children);
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return '';
    default:
      return 'children' in node ? inline(node.children as PhrasingContent[]) : 'value' in node ? escapeMrkdwn(String(node.value)) : '';
  }
}

function inline(nodes: readonly PhrasingContent[], noMarks = false): string {
  return nodes.map((n) => phrase(n, noMarks)).join('');
}

function phrase(node: PhrasingContent, noMarks: boolean): string {
  switch (node.type) {
    case 'text':
      return escapeMrkdwn(node.value);
    case 'strong':
      return noMarks ? inline(node.children, true) : mark('*', inline(node.children, true));
    case 'emphasis':
      return noMarks ? inline(node.children, true) : mark('_', inline(node.children));
    case 'delete':
      return noMarks ? inline(node.children, true) : mark('~', inline(node.children));
    case 'inlineCode':
      return node.value ? `\`${escapeMrkdwn(node.value.replace(/`/g, 'ˋ'))}\`` : '';
    case 'break':
      return '\n';
    case 'link':
      return link(node.url, plainOf(node) || node.url);
    case 'image':
      return link(node.url, node.alt || node.url);
    case 'html':
      return escapeMrkdwn(node.value);
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node
        ? inline(node.children as PhrasingContent[], noMarks)
        : 'value' in node
          ? escapeMrkdwn(String(node.value))
          : '';
  }
}

/** `<url|label>` for web and mail links only; anything else (javascript:, relative) is just its label. */
export function link(url: string, label: string): string {
  const text = escapeMrkdwn(label.replace(/\s+/g, ' ').trim()).replace(/\|/g, '¦');
  if (!/^(https?:|mailto:)/i.test(url)) return text;
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C').replace(/\s/g, '%20');
  return `<${safeUrl}|${text}>`;
}

/** Slack only honours `*bold*` when the marker hugs the words, so keep spaces outside. */
function mark(marker: string, content: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(content);
  if (!m || !m[2]) return content;
  return `${m[1]}${marker}${m[2]}${marker}${m[3]}`;
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

function fence(text: string): string {
  return `\`\`\`\n${escapeMrkdwn(text.replace(/```/g, 'ˋˋˋ'))}\n\`\`\``;
}

function tableText(table: Table): string {
  const rows = table.children.map((row) => row.children.map((cell) => plainOf(cell).replace(/\s+/g, ' ').trim()));
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - [...cell].length))
      .join(' | ')
      .trimEnd();
  const [head, ...body] = rows;
  if (!head) return '';
  return [line(head), widths.map((w) => '-'.repeat(Math.max(w, 1))).join('-+-'), ...body.map(line)].join('\n');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

// What a static-site generator expands before the Markdown is read: Jekyll's Liquid
// (`{% raw %}`, `{% include … %}`, `{{ site.baseurl }}`), Hugo's shortcodes (`{{< hint warning >}}`,
// `{{% notice tip %}}`, `{{< ref "page.md" >}}`), MDX module lines (`import Tabs from '…'`),
// table-of-contents markers (`[[toc]]`, `[TOC]`, kramdown's `* TOC` + `{:toc}`), wiki links
// (`[[Page|label]]`) and `==marked==` text. None of it is Markdown a chat platform knows, and
// the parser cannot see it (a `{{ site.baseurl }}` in a link destination even stops the link
// being a link), so it is rewritten on the page text, outside code, before parsing: notices
// become `::: name` containers for admonitions.ts, highlight blocks become fenced code, and the
// rest is dropped or reduced to its text. Every change is noted.
import type { Notes } from './notes.js';

/** Hugo shortcodes that are callouts; their type is the first argument or a `color=`/`type=` attribute. */
const CALLOUT_SHORTCODES: ReadonlySet<string> = new Set(['hint', 'notice', 'alert', 'callout', 'admonition']);
/** Hugo shortcodes and callout types named after the kind of notice itself (`{{< warning >}}`). */
const NOTICE_NAMES: ReadonlySet<string> = new Set(['note', 'tip', 'info', 'warning', 'danger', 'caution', 'important', 'success', 'error']);
/** Liquid tags that only steer the template; what they enclose stays. */
const LIQUID_BLOCK = /^\s*\{%-?\s*(\w+)\b((?:(?!%\}).)*?)-?%\}\s*$/;
const LIQUID_TAG = /\{%-?\s*(\w+)\b(?:(?!%\}).)*?-?%\}/g;
/** `{{ site.baseurl }}`, `{{ "/docs/" | relative_url }}`, `{{ site.url }}{{ site.baseurl }}`. */
const LIQUID_URL =
  /\{\{-?\s*(?:site\.(?:baseurl|url)|(['"])([^'"]*)\1\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.baseurl))\s*-?\}\}/g;
/** An MDX comment (a JSX comment in braces): a note for the page's editors. */
const MDX_COMMENT = /\{\/\*[\s\S]*?\*\/\}/g;
/** A MkDocs macro or Jinja call, `{{ since('2.0') }}`: what it renders cannot be known here. */
const MACRO_CALL = /\{\{-?\s*[\w.]+\([^{}]*\)\s*-?\}\}/g;
/** MDX callout components on lines of their own: `<Note>`, `<Aside type="tip" title="…">`, `<Admonition type="warning">`. */
const MDX_CALLOUTS = 'Note|Tip|Info|Warning|Danger|Caution|Important|Callout|Aside|Admonition';
const MDX_CALLOUT_OPEN = new RegExp(String.raw`^\s*<(${MDX_CALLOUTS})\b([^>]*?)>\s*$`);
const MDX_CALLOUT_CLOSE = new RegExp(String.raw`^\s*<\/(?:${MDX_CALLOUTS})>\s*$`);
const RAW_OPEN = /\{%-?\s*raw\s*-?%\}/;
const RAW_CLOSE = /\{%-?\s*endraw\s*-?%\}/;
/** An inline code span: template-like text inside it is shown as written. */
const CODE_SPAN = /(`+)[\s\S]*?\1(?!`)/g;

/** Any other Liquid or Hugo value (`{{ page.version }}`, `{{ .Site.Params.x }}`): unknowable here. */
const LIQUID_VALUE = /\{\{-?\s*\.?[\w.]+(?:\s*\|[^}]*)?\s*-?\}\}/g;
/** A Hugo shortcode call: `{{< name args >}}` or `{{% name args %}}`, a closing one with `/name`. */
const SHORTCODE = /\{\{([<%])\s*(\/?)([\w.-]+)((?:[^}"']|"[^"]*"|'[^']*')*?)\s*[>%]\}\}/g;
const SHORTCODE_COMMENT = /\{\{<\s*\/\*[\s\S]*?\*\/\s*>\}\}|\{\{\/\*[\s\S]*?\*\/\}\}/g;
const TOC_LINE = /^\s*(?:\[\[_?toc_?\]\]|\[toc\]|\{:\s*toc\s*\}|\{\{<\s*toc\s*>\}\}|\{%\s*toc\s*%\}|<!--\s*toc\s*-->)\s*$/i;
const KRAMDOWN_TOC_ITEM = /^\s*(?:[*+-]|1\.)\s+(?:TOC|Table of contents)\s*$/i;
const MDX_IMPORT = /^import\s+(?:[\w*{}\s,]+\s+from\s+)?['"][^'"]+['"];?\s*$/;
const MDX_EXPORT = /^export\s+(?:const|let|var|function|default)\b/;
const WIKI_LINK = /\[\[([^\]|\n]+?)(?:\|([^\]\n]+?))?\]\]/g;
const MARK = /==(?=[^\s=])([^=\n]*?[^\s=])==/g;
const FENCE = /^(\s*(?:>\s*)*)(`{3,}|~{3,})/;
/** Hugo shortcodes that print a site value (`{{< param version >}}`): only the site can fill them in. */
const VALUE_SHORTCODES: ReadonlySet<string> = new Set(['param', 'site-param', 'siteparam', 'version', 'var']);
/** Mintlify and Fumadocs expandable questions: `<Accordion title="…">` inside an `<AccordionGroup>`. */
const ACCORDION_OPEN = /^(\s*)<(Accordion|Expandable)\b([^>]*?)>\s*$/;
const ACCORDION_CLOSE = /^\s*<\/(?:Accordion|Expandable)>\s*$/;
const ACCORDION_GROUP = /^\s*<\/?(?:AccordionGroup|Accordions)\b[^>]*>\s*$/;
/** A MyST target label on a line of its own, `(faq/export)=`: an anchor for cross-references. */
const MYST_TARGET = /^\s*\(([^()\s]+)\)=\s*$/;
/** A MyST directive as a colon fence, `:::{important}`, or a backtick fence, ```` ```{note} ````. */
const MYST_COLON_OPEN = /^\s*(:{3,})\{([\w-]+)\}\s*(.*)$/;
const MYST_FENCE_DIRECTIVE = /^\{([\w-]+)\}\s*(.*)$/;
/** A directive option line right after it opens, `:class: tip`. */
const MYST_OPTION = /^\s*:[\w-]+:(?:\s.*)?$/;
/** MyST directives that are notices: they become `::: name` containers. */
const MYST_NOTICES: ReadonlySet<string> = new Set([
  'note',
  'tip',
  'hint',
  'important',
  'warning',
  'caution',
  'danger',
  'attention',
  'error',
  'seealso',
  'admonition',
]);
/** MyST directives whose content is not answer text (a file include, a table of contents). */
const MYST_DROPPED: ReadonlySet<string> = new Set(['include', 'literalinclude', 'toctree', 'contents', 'eval-rst', 'raw', 'only', 'meta']);
/** A MyST role, `{ref}`Export <faq/export>``: its text, or a name in code. */
const MYST_ROLE = /\{([a-z][\w:-]*)\}(`+)(.+?)\2(?!`)/g;
/** Roles that are cross-references: their display text is what a reader sees. */
const MYST_REFERENCE_ROLES: ReadonlySet<string> = new Set(['ref', 'doc', 'term', 'numref', 'any', 'download', 'external', 'abbr', 'eq']);

/** The page with template syntax rewritten; each rewrite noted as a `template` note. */
export function expandTemplates(page: string, notes: Notes): string {
  const lines = page.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  /** Inside `{% raw %}`: the page's own braces, shown as written. */
  let raw = false;
  /** Inside `{% comment %}` or a multi-line `export`: dropped. */
  let dropping: 'comment' | { depth: number } | undefined;
  /** Inside an `<Accordion>`: its body's indentation, taken off every line (MDX has no indented code). */
  let accordion: { indent: number | undefined } | undefined;
  /** Open MyST directives, innermost last: how each closes and what its closing line becomes. */
  const directives: { close: string; emit: string[]; drop: boolean }[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (accordion && !ACCORDION_CLOSE.test(line) && line.trim() !== '') {
      const indent = /^\s*/.exec(line)![0].length;
      accordion.indent ??= indent;
      line = line.slice(Math.min(indent, accordion.indent));
    }
    const fenceMark = FENCE.exec(line);
    const directive = directives.at(-1);
    if (directive && fence === undefined && line.trim() === directive.close) {
      directives.pop();
      out.push(...directive.emit);
      continue;
    }
    if (directive?.drop && fence === undefined) continue;
    if (fence !== undefined) {
      out.push(line);
      if (fenceMark && fenceMark[2]!.startsWith(fence)) fence = undefined;
      continue;
    }
    if (dropping === 'comment') {
      if (/\{%-?\s*endcomment\s*-?%\}/.test(line)) dropping = undefined;
      continue;
    }
    if (dropping !== undefined) {
      dropping.depth += braceBalance(line);
      if (dropping.depth <= 0) dropping = undefined;
      continue;
    }
    const myst = mystOpening(line, fenceMark);
    if (myst) {
      const opened = mystDirective(myst.name, myst.argument, myst.close, notes);
      directives.push(opened.directive);
      out.push(...opened.lines);
      while (MYST_OPTION.test(lines[i + 1] ?? '')) i++;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark[2]!;
      out.push(line);
      continue;
    }
    if (MYST_TARGET.test(line)) {
      notes.add('template', `MyST target label ${line.trim()} removed`);
      continue;
    }
    if (ACCORDION_GROUP.test(line)) {
      notes.add('template', `${line.trim()} removed`);
      continue;
    }
    const opensAccordion = ACCORDION_OPEN.exec(line);
    if (opensAccordion) {
      const title = attribute(opensAccordion[3]!, 'title');
      notes.add('template', `<${opensAccordion[2]}> turned into a details block`);
      accordion = { indent: undefined };
      out.push('', '<details>', `<summary>${title ?? ''}</summary>`, '');
      continue;
    }
    if (accordion && ACCORDION_CLOSE.test(line)) {
      accordion = undefined;
      out.push('', '</details>', '');
      continue;
    }
    if (raw) {
      const end = RAW_CLOSE.exec(line);
      if (!end) {
        out.push(line);
        continue;
      }
      raw = false;
      out.push(line.slice(0, end.index) + outsideCode(line.slice(end.index + end[0].length), (text) => inline(text, notes)));
      continue;
    }
    const block = blockLine(line, lines[i + 1], notes);
    if (block) {
      if (block.skipNext) i++;
      if (block.start === 'raw') raw = true;
      else if (block.start === 'comment') dropping = 'comment';
      else if (block.start === 'export') {
        const depth = braceBalance(line);
        if (depth > 0) dropping = { depth };
      }
      out.push(...block.lines);
      continue;
    }
    const rawAt = RAW_OPEN.exec(maskCode(line));
    if (rawAt) {
      // `{% raw %}…{% endraw %}` within one line: the part between is kept exactly.
      const rest = line.slice(rawAt.index + rawAt[0].length);
      const end = RAW_CLOSE.exec(rest);
      notes.add('template', '{% raw %}');
      const before = outsideCode(line.slice(0, rawAt.index), (text) => inline(text, notes));
      if (end) {
        const after = outsideCode(rest.slice(end.index + end[0].length), (text) => inline(text, notes));
        out.push(before + rest.slice(0, end.index) + after);
      } else {
        raw = true;
        out.push(before + rest);
      }
      continue;
    }
    out.push(outsideCode(mystRoles(line, notes), (text) => inline(text, notes)));
  }
  return out.join('\n');
}

/** A MyST directive opening on this line, as a backtick fence (```` ```{note} ````) or a colon fence (`:::{note}`), and how it closes. */
function mystOpening(line: string, fenceMark: RegExpExecArray | null): { name: string; argument: string; close: string } | undefined {
  const fenced = fenceMark ? MYST_FENCE_DIRECTIVE.exec(line.slice(fenceMark[0].length).trim()) : null;
  if (fenceMark) return fenced ? { name: fenced[1]!.toLowerCase(), argument: fenced[2]!, close: fenceMark[2]! } : undefined;
  const colon = MYST_COLON_OPEN.exec(line);
  return colon ? { name: colon[2]!.toLowerCase(), argument: colon[3]!, close: colon[1]! } : undefined;
}

/**
 * A MyST directive opening: a notice becomes a `::: name` container, a code block a fence, an
 * include or table of contents is dropped whole, and any other keeps its content as text.
 */
function mystDirective(
  name: string,
  argument: string,
  close: string,
  notes: Notes,
): { lines: string[]; directive: { close: string; emit: string[]; drop: boolean } } {
  if (MYST_NOTICES.has(name)) {
    notes.add('template', `MyST {${name}} turned into a quote`);
    // `{admonition} Title` names its own title; `{seealso}` is read "See also".
    const type = name === 'admonition' ? 'note' : name;
    const title = name === 'admonition' ? argument.trim() : name === 'seealso' ? 'See also' : '';
    return { lines: ['', `::: ${type}${title ? ` ${title}` : ''}`], directive: { close, emit: [':::', ''], drop: false } };
  }
  if (name === 'code-block' || name === 'code' || name === 'sourcecode') {
    return { lines: ['```' + argument.trim()], directive: { close, emit: ['```'], drop: false } };
  }
  if (MYST_DROPPED.has(name)) {
    notes.add('template', `MyST {${name}} removed`);
    return { lines: [], directive: { close, emit: [], drop: true } };
  }
  notes.add('template', `MyST {${name}} reduced to its content`);
  return { lines: argument.trim() ? ['', `**${argument.trim()}**`, ''] : [''], directive: { close, emit: [''], drop: false } };
}

/** MyST roles in a line: a cross-reference's text (`{ref}`the export <faq/export>`` → "the export"), anything else as code. */
function mystRoles(line: string, notes: Notes): string {
  return line.replace(MYST_ROLE, (_m, role: string, _ticks: string, content: string) => {
    notes.add('template', `MyST {${role}} role`);
    const shown = /^(.*?)\s*<[^<>]+>$/.exec(content)?.[1]?.trim() || content.replace(/^[~!]/, '');
    return MYST_REFERENCE_ROLES.has(role) ? shown : '`' + shown + '`';
  });
}

interface BlockRewrite {
  readonly lines: string[];
  readonly skipNext?: boolean;
  readonly start?: 'raw' | 'comment' | 'export';
}

/** A line that is one template construct on its own, rewritten as whole lines. */
function blockLine(line: string, next: string | undefined, notes: Notes): BlockRewrite | undefined {
  if (TOC_LINE.test(line)) {
    notes.add('template', `table of contents marker ${line.trim()}`);
    return { lines: [] };
  }
  if (KRAMDOWN_TOC_ITEM.test(line) && next !== undefined && /^\s*\{:\s*toc\s*\}\s*$/i.test(next)) {
    notes.add('template', 'table of contents marker {:toc}');
    return { lines: [], skipNext: true };
  }
  const callout = MDX_CALLOUT_OPEN.exec(line);
  if (callout) {
    const component = callout[1]!;
    const args = callout[2]!;
    const name = component.toLowerCase();
    const given = attribute(args, 'type') ?? attribute(args, 'variant') ?? (NOTICE_NAMES.has(name) ? name : 'note');
    const type = /^[\w-]+$/.test(given) ? given : 'note';
    const title = attribute(args, 'title');
    notes.add('template', `<${component}> turned into a quote`);
    return { lines: ['', `::: ${type}${title ? ` ${title}` : ''}`] };
  }
  if (MDX_CALLOUT_CLOSE.test(line)) return { lines: [':::', ''] };
  if (MDX_IMPORT.test(line)) {
    notes.add('template', 'MDX import line');
    return { lines: [] };
  }
  if (MDX_EXPORT.test(line)) {
    notes.add('template', 'MDX export line');
    return { lines: [], start: 'export' };
  }
  const liquid = LIQUID_BLOCK.exec(line);
  if (liquid) {
    const tag = liquid[1]!;
    const args = liquid[2]!;
    if (tag === 'raw') return { lines: [], start: 'raw' };
    if (tag === 'endraw') return { lines: [] };
    if (tag === 'comment') {
      notes.add('template', '{% comment %} dropped');
      return { lines: [], start: 'comment' };
    }
    if (tag === 'highlight') {
      notes.add('template', '{% highlight %} turned into a code block');
      return { lines: ['```' + (args.trim().split(/\s+/)[0] ?? '')] };
    }
    if (tag === 'endhighlight') return { lines: ['```'] };
    notes.add('template', `{% ${tag} %} removed`);
    return { lines: [] };
  }
  const shortcode = wholeShortcode(line);
  if (shortcode) return { lines: shortcodeBlock(shortcode, notes) };
  return undefined;
}

interface Shortcode {
  readonly closing: boolean;
  readonly name: string;
  readonly args: string;
}

function wholeShortcode(line: string): Shortcode | undefined {
  const trimmed = line.trim();
  SHORTCODE.lastIndex = 0;
  const m = SHORTCODE.exec(trimmed);
  if (!m || m.index !== 0 || m[0].length !== trimmed.length) return undefined;
  return { closing: m[2] === '/', name: m[3]!.toLowerCase(), args: m[4]!.trim() };
}

/** A shortcode alone on its line: a callout opens or closes a `:::` container, a highlight a code fence. */
function shortcodeBlock({ closing, name, args }: Shortcode, notes: Notes): string[] {
  const callout = calloutOf(name, args);
  if (callout) {
    if (closing) return [':::'];
    notes.add('template', `{{< ${name} >}} turned into a quote`);
    return [`::: ${callout.type}${callout.title ? ` ${callout.title}` : ''}`];
  }
  if (name === 'highlight' || name === 'code') {
    if (closing) return ['```'];
    notes.add('template', `{{< ${name} >}} turned into a code block`);
    return ['```' + (positional(args)[0] ?? '')];
  }
  if (closing) return [];
  // A block of its own with a title (a tab, an expandable section): the title stays as a label.
  const title =
    attribute(args, 'title') ??
    attribute(args, 'summary') ??
    (/^(tab|details|expand|collapse)$/.test(name) ? positional(args)[0] : undefined);
  notes.add('template', `{{< ${name} >}} removed`);
  return title ? [`**${title}**`, ''] : [];
}

function calloutOf(name: string, args: string): { type: string; title?: string } | undefined {
  const title = attribute(args, 'title');
  if (NOTICE_NAMES.has(name)) return { type: name, ...(title ? { title } : {}) };
  if (!CALLOUT_SHORTCODES.has(name)) return undefined;
  const type = attribute(args, 'color') ?? attribute(args, 'type') ?? attribute(args, 'context') ?? positional(args)[0] ?? 'note';
  return { type: /^[\w-]+$/.test(type) ? type : 'note', ...(title ? { title } : {}) };
}

/** `key="value"` or `key=value` among a shortcode's arguments. */
function attribute(args: string, key: string): string | undefined {
  const m = new RegExp(String.raw`(?:^|\s)${key}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))`).exec(args);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The arguments without a `key=`, unquoted. */
function positional(args: string): string[] {
  const out: string[] = [];
  for (const m of args.matchAll(/(\w+\s*=\s*)?(?:"([^"]*)"|'([^']*)'|([^\s"'=]+))/g)) if (!m[1]) out.push(m[2] ?? m[3] ?? m[4]!);
  return out;
}

/** Template syntax inside a line of prose. */
function inline(text: string, notes: Notes): string {
  let out = text.replace(SHORTCODE_COMMENT, () => (notes.add('template', 'shortcode comment removed'), ''));
  out = out.replace(MDX_COMMENT, () => (notes.add('template', 'MDX comment removed'), ''));
  out = out.replace(MACRO_CALL, (call) => (notes.add('template', `macro ${call} removed`), ''));
  out = out.replace(LIQUID_URL, (_m, _q, path: string | undefined) => (notes.add('template', 'Liquid site URL'), path ?? ''));
  out = out.replace(SHORTCODE, (whole: string, _delim, closing: string, name: string, args: string) => {
    const lower = name.toLowerCase();
    if (!closing && (lower === 'ref' || lower === 'relref')) {
      notes.add('template', `{{< ${lower} >}} made a link`);
      const path = positional(args.trim())[0] ?? '';
      // `ref "docs/cli.md"` names a page from the content root; `ref "cli.md"` one beside this page.
      return /^[^./#][^#]*\//.test(path) ? `/${path}` : path;
    }
    if (!closing && VALUE_SHORTCODES.has(lower)) {
      // Removed, it would leave "The current release is ." in the answer.
      notes.add('template', `{{< ${lower} ${args.trim()} >}} left as written: a value the site fills in; replace it by hand`);
      return whole;
    }
    notes.add('template', `{{< ${closing}${lower} >}} removed`);
    return '';
  });
  out = out.replace(LIQUID_TAG, (_m, tag: string) => (notes.add('template', `{% ${tag} %} removed`), ''));
  out = out.replace(WIKI_LINK, (_m, target: string, label: string | undefined) => {
    notes.add('template', 'wiki link reduced to its text');
    return (label ?? target).trim();
  });
  out = out.replace(MARK, (_m, marked: string) => (notes.add('template', '==marked== text'), marked));
  for (const [value] of out.matchAll(LIQUID_VALUE))
    notes.add('template', `${value} left as written: a value the site fills in; replace it by hand`);
  // What was removed from the middle of a sentence leaves its spaces behind.
  return out === text ? out : out.replace(/(\S)[ \t]{2,}(?=\S)/g, '$1 ');
}

/** Applies `fn` to the parts of a line outside inline code spans. */
function outsideCode(line: string, fn: (text: string) => string): string {
  let out = '';
  let at = 0;
  for (const m of line.matchAll(CODE_SPAN)) {
    out += fn(line.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + fn(line.slice(at));
}

/** The line with each inline code span blanked out, same length: positions outside code stay true. */
function maskCode(line: string): string {
  return line.replace(CODE_SPAN, (span) => ' '.repeat(span.length));
}

function braceBalance(line: string): number {
  let depth = 0;
  for (const ch of line) depth += ch === '{' || ch === '(' || ch === '[' ? 1 : ch === '}' || ch === ')' || ch === ']' ? -1 : 0;
  return depth;
}

// Cuts a page's mdast tree into heading sections and decides what each one is: a question,
// a part of the question above it, the page title, a trailing notice (the footer), or neither.
import type { Heading, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { lineText, paragraphLines, paragraphOf, questionBlockTitle } from './admonitions.js';
import { parseMarkdown } from '../markdown/parse.js';
import { htmlText } from './html.js';
import { stripAttributeLists } from './tidy.js';

export interface Section {
  /** The heading's content (for a bold question, the bold text). */
  readonly heading: { readonly children: PhrasingContent[] };
  readonly text: string;
  /** 1–6 for headings; 7 for a bold-paragraph question, which sits below every heading. */
  readonly depth: number;
  /** The section's own content, up to the next heading of any level. */
  readonly body: RootContent[];
}

export interface PageSections {
  /** Front matter (`yaml` node) text, if any. */
  frontMatter?: string;
  /** Content before the first heading. */
  preamble: RootContent[];
  sections: Section[];
}

export function splitSections(tree: Root): PageSections {
  const page: PageSections = { preamble: [], sections: [] };
  let current: Section | undefined;
  /** The last section opened by a heading: what follows a question block or list belongs to it again. */
  let underHeading: Section | undefined;
  /** Heading sections whose answer opens with a `Q:` restating their question. */
  const restated = new Set<Section>();
  /** Inside `<details><summary>Question?</summary>`, until its `</details>`. */
  let inDetails = false;
  const open = (section: Section): void => {
    current = section;
    page.sections.push(section);
  };
  const add = (node: RootContent): void => {
    if (current) current.body.push(node);
    else page.preamble.push(node);
  };
  for (const node of tree.children) {
    if (inDetails) {
      const rest = node.type === 'html' ? closeDetails(node.value) : undefined;
      if (rest === undefined) {
        add(node);
        continue;
      }
      if (rest.trim() !== '') for (const part of parseMarkdown(rest).children) add(part);
      inDetails = false;
      current = underHeading;
      continue;
    }
    if (node.type === 'yaml') {
      page.frontMatter = node.value;
    } else {
      const found = questionIn(node);
      if (!found) {
        add(node);
        continue;
      }
      switch (found.kind) {
        case 'heading':
          open((underHeading = { heading: found.heading, text: headingText(found.heading), depth: found.heading.depth, body: [] }));
          break;
        case 'block':
          // `??? question "..."` (MkDocs Material) or `<details><summary>Can I ...?</summary>`
          // (GitHub READMEs): the block is the question and its body the answer.
          open(textSection(found.question, found.body));
          if (found.awaitsClose) inDetails = true;
          else if (found.awaitsClose === false) current = underHeading;
          break;
        case 'line':
          // `Why does it hum?` over `: Because ...` (a definition list), or `**Q**: Why ...?` over
          // `**A**: Because ...`: the question's line, and the answer on the lines below.
          if (current !== undefined && current === underHeading && current.body.length === 0 && isQuestion(current.text)) {
            // Right under its heading, a `Q:` restates the heading's question in full: it opens
            // the heading's answer (without the mark) instead of an entry of its own.
            current.body.push({ type: 'paragraph', children: [{ type: 'text', value: found.question }] }, ...found.body);
            restated.add(current);
          } else open(textSection(found.question, found.body));
          break;
        case 'bold':
          // Many FAQ pages write questions as a bold line (`**Can I ...?**`) instead of a heading,
          // with the answer below it or on the next line of the same paragraph; some list them.
          for (const { strong, body } of found.items)
            open(boldSection(strong, questionText(toString(strong, { includeHtml: false })), body));
          if (found.items.length > 1) current = underHeading;
          break;
      }
    }
  }
  page.sections = page.sections.map((section) => {
    // After a restated question, the `A:` that follows it goes too.
    const body = restated.has(section) ? [section.body[0]!, ...withoutAnswerMark(section.body.slice(1))] : withoutAnswerMark(section.body);
    return { ...section, body };
  });
  return page;
}

const BOLD_DEPTH = 7;

/** A question that is no heading sits below every heading. */
function boldSection(heading: Section['heading'], text: string, body: RootContent[]): Section {
  return { heading, text, depth: BOLD_DEPTH, body };
}

function textSection(question: string, body: RootContent[]): Section {
  return boldSection({ children: [{ type: 'text', value: question }] }, question, body);
}

/** How a node of the page asks a question, if it does. */
type Found =
  | { kind: 'heading'; heading: Heading }
  /** `awaitsClose`: a `<details>` block still waiting for its `</details>` (true) or closed (false). */
  | { kind: 'block'; question: string; body: RootContent[]; awaitsClose?: boolean }
  | { kind: 'line'; question: string; body: RootContent[] }
  | { kind: 'bold'; items: { strong: Strong; body: RootContent[] }[] };

/** Each node is read once, in this order: a heading, a question block, a marked line, a bold question. */
function questionIn(node: RootContent): Found | undefined {
  if (node.type === 'heading') return { kind: 'heading', heading: node };
  const html = htmlHeading(node);
  if (html) return { kind: 'heading', heading: html };
  const title = questionBlockTitle(node);
  if (title !== undefined) return { kind: 'block', question: title, body: [...(node as { children: RootContent[] }).children] };
  const details = detailsQuestion(node);
  if (details)
    return { kind: 'block', question: details.question, body: parseMarkdown(details.body).children, awaitsClose: !details.closed };
  const line = lineQuestion(node);
  if (line) return { kind: 'line', question: line.question, body: line.rest ? [line.rest] : [] };
  const bold = boldQuestion(node);
  if (bold) return { kind: 'bold', items: [{ strong: bold.strong, body: bold.rest ? [bold.rest] : [] }] };
  if (node.type === 'list' && node.children.length > 1) {
    const items = node.children.map((item) => ({ item, found: itemQuestion(item) }));
    if (items.every((i) => i.found))
      return {
        kind: 'bold',
        items: items.map(({ item, found }) => ({
          strong: found!.strong,
          body: [...(found!.rest ? [found!.rest] : []), ...item.children.slice(1)],
        })),
      };
  }
  return undefined;
}

function headingText(heading: { readonly children: PhrasingContent[] }): string {
  // `{#anchor}` after a heading is a custom anchor in VuePress, Docusaurus and Hugo, not text.
  // `{: #id .class }` attribute lists (Python-Markdown, kramdown) are not text either.
  // A `<br>` in a heading separates words ("…got on<br/>Logic error…"); other HTML says nothing.
  const spaced = {
    children: heading.children.map((c): PhrasingContent =>
      c.type === 'html' && /^<br\s*\/?>$/i.test(c.value.trim()) ? { type: 'text', value: ' ' } : c,
    ),
  };
  return questionText(stripAttributeLists(toString(spaced, { includeHtml: false })).replace(/\s*\{#[^}]*\}\s*$/, ''));
}

/**
 * A heading's words as the question members ask: without the page's numbering ("3. ", "1.2 "),
 * question marks of its layout ("Q: ", "Q3. ", "Question: ") or decoration (":question:", "❓").
 */
export function questionText(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^(?::[\w+-]+:\s*)+/, '')
      .replace(/^[\p{Extended_Pictographic}\uFE0F\u200D\s]+/u, '')
      .replace(/[\s\uFE0F\u200D]*(?:\p{Extended_Pictographic}[\uFE0F\u200D]*)+$/u, '')
      .replace(Q_LEAD, '')
      .replace(/^(?:\d+(?:\.\d+)*[.):]|\d+(?:\.\d+)+)\s+(?=\S)/, '')
      .trim()
      // "Do all backends support copying" asks, whether or not the page wrote the "?".
      .replace(
        /^((?:do|does|did|can|could|is|are|was|were|will|would|should|shall|may|might|must|has|have)\s+\S+\s+\S.*?)[ \t]*$/i,
        // "… with `newFn`? (v3.2.0+)" asks already: a note after the "?" is no reason for another.
        (q: string) => (/[?.!:]$/.test(q) || /\?\s*\([^()]*\)$/.test(q) ? q : `${q}?`),
      )
  );
}

/** `A:` / `Answer:` before an answer, or `Antwort:`, `Respuesta:`, `R:`, after an emoji or two. */
const ANSWER_WORD = String.raw`(?:A|Answer|Antwort|Respuesta|R)`;
const ANSWER_MARK = new RegExp(String.raw`^\s*(?:[\p{Extended_Pictographic}\uFE0F\u200D]\s*)*${ANSWER_WORD}\s*\d*\s*:\s*(?=\S)`, 'u');
const ANSWER_LEAD = /^[\s\p{Extended_Pictographic}\uFE0F\u200D]*$/u;

/** "A: Yes, ..." after a "Q: ..." question: the mark is layout, not the answer. */
function withoutAnswerMark(body: RootContent[]): RootContent[] {
  const [first, ...rest] = body;
  if (first?.type !== 'paragraph') return body;
  const [lead, ...after] = first.children;
  if (lead?.type === 'text' && ANSWER_MARK.test(lead.value)) {
    const value = lead.value.replace(ANSWER_MARK, '');
    return [{ ...first, children: value === '' ? trimStart(after) : [{ ...lead, value }, ...after] }, ...rest];
  }
  // `**A:** Yes, ...`, or `**A**: Yes, ...`
  // An emoji before the mark ("💡 **Respuesta**:") is decoration too.
  if (lead?.type === 'text' && ANSWER_LEAD.test(lead.value) && after[0]?.type === 'strong')
    return withoutAnswerMark([{ ...first, children: after }, ...rest]);
  if (lead?.type === 'strong' && new RegExp(String.raw`^\s*${ANSWER_WORD}\s*:\s*$`).test(toString(lead)))
    return [{ ...first, children: trimStart(after) }, ...rest];
  const [colon, ...tail] = after;
  if (
    lead?.type === 'strong' &&
    new RegExp(String.raw`^\s*${ANSWER_WORD}\s*$`).test(toString(lead)) &&
    colon?.type === 'text' &&
    /^\s*:/.test(colon.value)
  ) {
    const value = colon.value.replace(/^\s*:\s*/, '');
    return [{ ...first, children: value === '' ? trimStart(tail) : [{ ...colon, value }, ...tail] }, ...rest];
  }
  return body;
}

function trimStart(children: PhrasingContent[]): PhrasingContent[] {
  const [lead, ...rest] = children;
  return lead?.type === 'text' ? [{ ...lead, value: lead.value.trimStart() }, ...rest] : children;
}

/**
 * The `Q:` / `Q3.` / `Question:` a page writes before a question, in the languages faqbot
 * speaks (`Frage:`, `F:`, `Pregunta:`, `P:`), after an emoji or two ("❔ **Pregunta**:").
 */
const Q_PREFIX = String.raw`(?:[\p{Extended_Pictographic}\uFE0F\u200D]\s*)*(?:Q(?:uestion)?|Frage|F|Pregunta|P)\s*\d*\s*[:.)]`;
const Q_START = new RegExp(`^${Q_PREFIX}`, 'iu');
const Q_LEAD = new RegExp(String.raw`^${Q_PREFIX}\s+(?=\S)`, 'iu');
const Q_MARK = new RegExp(String.raw`^${Q_PREFIX}\s*(\S[\s\S]*\?)\s*$`, 'iu');

/** A paragraph whose first line asks, marked `Q:` or followed by a `: ` definition line. */
function lineQuestion(node: RootContent): { question: string; rest?: Paragraph } | undefined {
  if (node.type !== 'paragraph') return undefined;
  const lines = paragraphLines(node);
  const first = lineText(lines[0] ?? []);
  // A `Q:` question may be hard-wrapped: it runs to the first line that ends with `?`.
  const end = Q_START.test(first) ? lines.findIndex((line) => /\?\s*$/.test(lineText(line))) : 0;
  const marked =
    end >= 0
      ? Q_MARK.exec(
          lines
            .slice(0, end + 1)
            .map(lineText)
            .join(' '),
        )
      : null;
  const next = lines[1];
  const definition = !marked && /\?$/.test(first) && next !== undefined && /^:\s/.test(lineText(next));
  if (!marked && !definition) return undefined;
  const body = lines.slice(marked ? end + 1 : 1);
  if (definition) {
    const [lead, ...after] = body[0]!;
    body[0] = lead?.type === 'text' ? [{ ...lead, value: lead.value.replace(/^\s*:\s+/, '') }, ...after] : body[0]!;
  }
  const rest = paragraphOf(body);
  return { question: questionText(marked ? marked[1]! : first), ...(rest ? { rest } : {}) };
}

/** A paragraph that is a bold question: alone, or followed on its next line by the answer. */
function boldQuestion(node: RootContent): { strong: Strong; rest?: Paragraph } | undefined {
  if (node.type !== 'paragraph') return undefined;
  const children = node.children;
  const at = children.findIndex((child) => child.type !== 'text' || child.value.trim() !== '');
  const strong = children[at];
  if (strong?.type !== 'strong' || !/\?\s*$/.test(toString(strong))) return undefined;
  const after = children.slice(at + 1);
  const meaningful = after.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  if (meaningful.length === 0) return { strong };
  // The answer must start on a line of its own: `**Q?**` newline (or a hard break) then text.
  const next = after[0]!;
  const newLine = next.type === 'break' || (next.type === 'text' && /^[ \t]*\n/.test(next.value));
  if (!newLine) return undefined;
  const rest = next.type === 'break' ? after.slice(1) : [{ ...next, value: next.value.replace(/^[ \t]*\n/, '') }, ...after.slice(1)];
  return { strong, rest: { type: 'paragraph', children: rest as PhrasingContent[] } };
}

/** A list item that opens with a bold question, whose answer follows (on the next line or below). */
function itemQuestion(item: ListItem): { strong: Strong; rest?: Paragraph } | undefined {
  const found = item.children[0] ? boldQuestion(item.children[0]) : undefined;
  if (!found || (!found.rest && item.children.length < 2)) return undefined;
  return found;
}

/** `<h3>Does it …?</h3>` written in HTML is a heading like any other. */
function htmlHeading(node: RootContent): Heading | undefined {
  if (node.type !== 'html') return undefined;
  const m = /^\s*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>\s*$/i.exec(node.value);
  if (!m) return undefined;
  const text = htmlText(m[2]!);
  return text === '' ? undefined : { type: 'heading', depth: Number(m[1]) as Heading['depth'], children: [{ type: 'text', value: text }] };
}

/** `<details><summary>Question?</summary>…`: the question, the HTML after the summary, and whether `</details>` closed it. */
function detailsQuestion(node: RootContent): { question: string; body: string; closed: boolean } | undefined {
  if (node.type !== 'html') return undefined;
  const m = /^\s*<details\b[^>]*>\s*<summary\b[^>]*>([\s\S]*?)<\/summary>([\s\S]*)$/i.exec(node.value);
  if (!m) return undefined;
  const question = questionText(htmlText(m[1]!));
  // Only a summary that asks ("Why …?"): "What the levels mean" is a collapsible part of an answer.
  if (!/\?$/.test(question)) return undefined;
  const rest = closeDetails(m[2]!);
  return { question, body: rest ?? m[2]!, closed: rest !== undefined };
}

/** The HTML before a closing `</details>` and after it, or undefined when there is none. */
function closeDetails(html: string): string | undefined {
  const at = html.search(/<\/details\s*>/i);
  return at < 0 ? undefined : html.slice(0, at) + html.slice(at).replace(/<\/details\s*>/i, '');
}

const ASKS =
  /^(how|what|why|where|when|who|whom|whose|which|can|could|should|would|will|is|are|am|was|were|do|does|did|has|have|may|might|must|shall)\b(?!-\w)/i;

/**
 * Headings that ask something: they end with `?`, or start like a question ("How to Report
 * Bugs"). A question word joined to another by a hyphen asks nothing: "How-tos", "Who-is-who".
 */
export function isQuestion(text: string): boolean {
  return /\?\s*$/.test(text) || ASKS.test(text);
}

const NOTICE =
  /\b(trademarks?|copyrights?|licen[cs]es?|licensing|legal|disclaimers?|notices?|attributions?|credits|thanks|acknowledge?ments?)\b/i;

/** Trademark, copyright and licence sections: a footer, not an answer. */
export function isNotice(text: string): boolean {
  return NOTICE.test(text) && !isQuestion(text);
}

/** True when a section has content of its own, not just whitespace or HTML comments. */
export function hasBody(section: Section): boolean {
  return section.body.some((node) => !isComment(node));
}

/** HTML comments are notes for the page's editors; in a chat answer they would show as text. */
export function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^(?:\s*<!--[\s\S]*?-->)*\s*$/.test(node.value);
}

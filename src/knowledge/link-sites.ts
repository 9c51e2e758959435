// Where each link of a knowledge file is written: the file's `source:` (shown under every
// answer), the URLs of an answer's Markdown links and of its `links:` list, each with the file,
// line and column a maintainer would fix. Pure: takes
// the file's text, so `faqbot check --links` can point at the exact line of a broken link.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { parseMarkdown } from '../markdown/parse.js';
import { visit } from '../import/tree.js';
import { isHttpUrl } from './validate.js';

export interface LinkSite {
  readonly url: string;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** The entry the link belongs to, for messages; "?" when the entry has no readable id; absent for `source:`. */
  readonly entryId?: string;
  readonly from: 'answer' | 'links' | 'source';
}

/** Every http(s) link of every entry, in file order. A file that is not valid YAML has none. */
export function linkSites(text: string, file: string): LinkSite[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const sites: LinkSite[] = [];
  const at = (offset: number) => {
    const pos = lines.linePos(offset);
    return { line: pos.line, col: pos.col };
  };
  const source = doc.contents.get('source', true) as Node | undefined;
  if (isScalar(source) && typeof source.value === 'string' && isHttpUrl(source.value.trim())) {
    sites.push({ url: source.value.trim(), file, ...at(source.range?.[0] ?? 0), from: 'source' });
  }
  const entries = doc.contents.get('entries', true) as Node | undefined;
  if (!isSeq(entries)) return sites;
  for (const item of entries.items as Node[]) {
    if (!isMap(item)) continue;
    const idNode = item.get('id', true) as Node | undefined;
    const entryId = isScalar(idNode) && idNode.value !== null ? String(idNode.value) : '?';
    const answer = item.get('answer', true) as Node | undefined;
    if (isScalar(answer) && typeof answer.value === 'string' && answer.range) {
      // Find each URL in the source text of the answer, after the previous one: URLs have no
      // spaces, so YAML folding never splits them and the written text is the URL itself.
      const [start, end] = answer.range;
      let cursor = start;
      for (const url of markdownUrls(answer.value)) {
        const found = text.indexOf(url, cursor);
        const offset = found >= 0 && found < end ? found : start;
        if (found >= 0 && found < end) cursor = found + url.length;
        sites.push({ url, file, ...at(offset), entryId, from: 'answer' });
      }
    }
    const links = item.get('links', true) as Node | undefined;
    if (!isSeq(links)) continue;
    for (const link of links.items as Node[]) {
      if (!isMap(link)) continue;
      const urlNode = link.get('url', true) as Node | undefined;
      if (!isScalar(urlNode) || typeof urlNode.value !== 'string') continue;
      const url = urlNode.value.trim();
      if (isHttpUrl(url)) sites.push({ url, file, ...at(urlNode.range?.[0] ?? 0), entryId, from: 'links' });
    }
  }
  return sites;
}

/** The http(s) URLs of a Markdown text's links, images and link definitions, in order. */
export function markdownUrls(markdown: string): string[] {
  const urls: string[] = [];
  visit(parseMarkdown(markdown), (node) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && isHttpUrl(node.url)) urls.push(node.url);
  });
  return urls;
}

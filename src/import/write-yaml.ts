// A draft knowledge file as YAML people can edit: answers as `|` blocks, short lists on one
// line, a blank line between entries, and the editor schema named on the first line.
import { Document, isMap, isScalar, isSeq, Scalar, type YAMLMap } from 'yaml';
import type { DraftEntry, DraftFile } from './draft.js';

export interface YamlOptions {
  /** Path or URL of knowledge.schema.json for the `yaml-language-server` modeline. */
  schemaRef?: string;
  /** Comment lines (without `#`) to put after the modeline, e.g. kept from the existing file. */
  comment?: string[];
}

export function draftToYaml(draft: DraftFile, options: YamlOptions = {}): string {
  const doc = new Document({
    ...(draft.title ? { title: draft.title } : {}),
    ...(draft.source ? { source: draft.source } : {}),
    ...(draft.footer ? { footer: draft.footer } : {}),
    ...(draft.language ? { language: draft.language } : {}),
    ...(draft.synonyms && draft.synonyms.length > 0 ? { synonyms: draft.synonyms } : {}),
    entries: draft.entries.map(entryData),
  });
  const header = [
    ...(options.schemaRef ? [` yaml-language-server: $schema=${options.schemaRef}`] : []),
    ...(options.comment ?? []).map((line) => (line.startsWith(' ') || line === '' ? line : ` ${line}`)),
  ];
  const root = doc.contents as YAMLMap;
  // On the root map rather than the document, so no blank line separates it from `title:`.
  if (header.length > 0) root.commentBefore = header.join('\n');
  asBlock(root.get('footer', true));
  const synonyms = root.get('synonyms', true);
  if (isSeq(synonyms)) for (const group of synonyms.items) if (isSeq(group)) group.flow = true;
  const entries = root.get('entries', true);
  if (isSeq(entries)) {
    entries.items.forEach((item, index) => {
      if (!isMap(item)) return;
      if (index > 0) item.spaceBefore = true;
      asBlock(item.get('answer', true));
      for (const key of ['keywords', 'related', 'tags']) {
        const list = item.get(key, true);
        if (isSeq(list)) list.flow = true;
      }
      const links = item.get('links', true);
      if (isSeq(links)) for (const link of links.items) if (isMap(link)) link.flow = true;
      const restricted = item.get('restrictedTo', true);
      if (isSeq(restricted)) restricted.flow = true;
      const translations = item.get('translations', true);
      if (isMap(translations)) for (const pair of translations.items) if (isMap(pair.value)) asBlock(pair.value.get('answer', true));
    });
  }
  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
}

/** Field order as people read an entry; empty optional fields left out, except the two lists
 * a maintainer should fill in after an import. */
function entryData(entry: DraftEntry): Record<string, unknown> {
  return {
    id: entry.id,
    question: entry.question,
    answer: entry.answer,
    alternates: entry.alternates,
    keywords: entry.keywords,
    ...(entry.links.length > 0 ? { links: entry.links.map((l) => ({ title: l.title, url: l.url })) } : {}),
    ...(entry.related.length > 0 ? { related: entry.related } : {}),
    ...(entry.tags.length > 0 ? { tags: entry.tags } : {}),
    ...(entry.pinned ? { pinned: true } : {}),
    ...(entry.restrictedTo ? { restrictedTo: entry.restrictedTo } : {}),
    ...(entry.translations ? { translations: entry.translations } : {}),
  };
}

function asBlock(node: unknown): void {
  if (isScalar(node) && typeof node.value === 'string') node.type = Scalar.BLOCK_LITERAL;
}

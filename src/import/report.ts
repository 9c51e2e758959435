// The importer's decisions as readable lines: one heading line per kind with its count, then
// the details (long lists shortened), so a user can check an import without reading the YAML.
import type { NoteKind } from './notes.js';
import type { ImportedPage } from './page.js';

const HEADINGS: Record<NoteKind, string> = {
  skipped: 'sections skipped',
  question: 'statement headings imported as questions',
  admonition: 'admonitions turned into quotes',
  html: 'HTML turned into Markdown',
  template: 'template syntax rewritten (Liquid, Hugo shortcodes, MDX, table-of-contents markers)',
  footnote: 'footnotes',
  abbreviation: 'abbreviation definitions removed',
  reference: 'reference links',
  attributes: 'attribute lists removed',
  link: 'links rewritten',
  id: 'ids shortened',
  language: 'language',
  related: 'related entries (answers that link to another question of the page)',
  footer: 'footer',
};

/** Kinds whose every detail matters; the others are summarised by count. */
const LISTED: ReadonlySet<NoteKind> = new Set(['skipped', 'question', 'footnote', 'footer', 'id', 'reference', 'related', 'language']);
const SHOWN = 5;

export function formatNotes(page: Pick<ImportedPage, 'skipped' | 'madeQuestions' | 'notes' | 'linkStyle'>): string[] {
  const details = new Map<NoteKind, string[]>();
  const push = (kind: NoteKind, detail: string): void => void (details.get(kind) ?? details.set(kind, []).get(kind)!).push(detail);
  for (const s of page.skipped) push('skipped', `"${s.heading}": ${s.reason}`);
  for (const m of page.madeQuestions)
    push(
      'question',
      m.question === m.heading ? `"${m.heading}" (kept as written: it reads as a member would ask)` : `"${m.heading}" → "${m.question}"`,
    );
  for (const note of page.notes) push(note.kind, note.detail);

  const lines: string[] = [];
  for (const kind of Object.keys(HEADINGS) as NoteKind[]) {
    const items = details.get(kind);
    if (!items || items.length === 0) continue;
    const heading = kind === 'link' && page.linkStyle ? `${HEADINGS.link} (link style ${page.linkStyle})` : HEADINGS[kind];
    lines.push(`import: ${heading}: ${items.length}`);
    const grouped = LISTED.has(kind) ? items.map((item) => [item, 1] as const) : [...counts(items)];
    const shown = LISTED.has(kind) ? grouped : grouped.slice(0, SHOWN);
    for (const [item, n] of shown) lines.push(`  ${item}${n > 1 ? ` (×${n})` : ''}`);
    if (grouped.length > shown.length) lines.push(`  … and ${grouped.length - shown.length} more`);
  }
  return lines;
}

function counts(items: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of items) map.set(item, (map.get(item) ?? 0) + 1);
  return map;
}

// Every decision the importer makes, so the user can check it: kept as plain records while the
// page is converted, then grouped and counted by the CLI (cli/commands/import.ts).

export type NoteKind =
  | 'skipped' // a section with content that became no entry
  | 'question' // a statement heading turned into a question
  | 'admonition' // an admonition or container rendered as a plain quote
  | 'html' // HTML converted to Markdown or dropped
  | 'template' // a static-site generator's template syntax rewritten or removed
  | 'footnote' // a footnote definition attached to the entry citing it
  | 'abbreviation' // an abbreviation definition removed
  | 'reference' // a reference-style link or image resolved, or left dangling
  | 'attributes' // a Markdown attribute list removed
  | 'link' // a relative link rewritten
  | 'id' // an id shortened from its question
  | 'language' // the language the page is written in, and where that was read
  | 'related' // an entry whose answer links to another's section, listed under related
  | 'footer'; // text taken as the file's footer

export interface ImportNote {
  readonly kind: NoteKind;
  readonly detail: string;
}

/** Collects notes; passed down the conversion the way a logger would be. */
export class Notes {
  readonly list: ImportNote[] = [];
  add(kind: NoteKind, detail: string): void {
    this.list.push({ kind, detail });
  }
}

// One Markdown parser for the whole project (CommonMark + GFM tables + `:::tip` directives),
// producing an mdast tree. The importer reads pages with it; each adapter renders answers
// from the same tree into its platform's own format.
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { gfm } from 'micromark-extension-gfm';
import { directive } from 'micromark-extension-directive';

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: [gfm(), directive()],
    mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown()],
  });
}

export type { Root } from 'mdast';

// One Markdown parser for the whole project (CommonMark + GFM tables + `:::tip` directives),
// producing an mdast tree. The importer reads pages with it; each adapter renders answers
// from the same tree into its platform's own format.
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { directive } from 'micromark-extension-directive';

export interface ParseOptions {
  /**
   * Read a leading `---` YAML block as a `yaml` node. Only whole pages have front matter;
   * answers do not, and there a leading `---` is a thematic break.
   */
  readonly frontmatter?: boolean;
}

export function parseMarkdown(text: string, options: ParseOptions = {}): Root {
  const withMatter = options.frontmatter === true;
  return fromMarkdown(text, {
    extensions: [gfm(), directive(), ...(withMatter ? [frontmatter(['yaml'])] : [])],
    mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown(), ...(withMatter ? [frontmatterFromMarkdown(['yaml'])] : [])],
  });
}

export type { Root } from 'mdast';

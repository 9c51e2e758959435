// An answer that points at another question of the same page ("See [Some media is missing…]
// (#some-media-is-missing)") names a related entry: the importer lists it under `related`, so
// Discord and Slack show it as a button beside the answer instead of a link back to the web page.
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Section } from './sections.js';

/**
 * A heading or fragment reduced to its letters and digits: site generators slug headings in
 * different ways (GitHub, MkDocs, VitePress), but all keep these in order.
 */
export function anchorKey(text: string): string {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // A malformed escape is compared as written.
  }
  return decoded.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The keys a link to this section may use: its heading as written, and a custom `{#anchor}`. */
export function sectionAnchors(section: Section): string[] {
  const written = toString(section.heading, { includeHtml: false });
  const custom = /\{#([^}\s]+)\}\s*$/.exec(written)?.[1];
  return [anchorKey(written.replace(/\s*\{#[^}]*\}\s*$/, '')), anchorKey(section.text), ...(custom ? [anchorKey(custom)] : [])].filter(
    Boolean,
  );
}

/** The fragment keys of the links under `node` that point into the page itself (`#x`, or the page's URL with `#x`). */
export function inPageFragments(node: Nodes, pageUrl: URL | undefined): string[] {
  const out: string[] = [];
  const visit = (n: Nodes): void => {
    if (n.type === 'link') {
      const hash = n.url.indexOf('#');
      const before = hash < 0 ? undefined : n.url.slice(0, hash);
      if (before !== undefined && (before === '' || (pageUrl !== undefined && samePage(before, pageUrl)))) {
        const key = anchorKey(n.url.slice(hash + 1));
        if (key !== '') out.push(key);
      }
    }
    if ('children' in n) for (const child of n.children) visit(child);
  };
  visit(node);
  return out;
}

function samePage(url: string, page: URL): boolean {
  try {
    const target = new URL(url, page);
    const path = (u: URL) => u.pathname.replace(/\/$/, '');
    return target.origin === page.origin && path(target) === path(page);
  } catch {
    return false;
  }
}

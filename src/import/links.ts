// Makes a page's relative links absolute, the way the site serves them: a wiki's `.md`
// sources are published as `.html`, and a folder's README.md or index.md as the folder itself.
import type { Nodes } from 'mdast';

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export interface LinkRewrite {
  /** Relative links seen when there was no base URL to resolve them against. */
  unresolved: string[];
}

/** Rewrites every link, image and link definition under `node` in place. */
export function absolutizeLinks(node: Nodes, baseUrl: URL | undefined, state: LinkRewrite): void {
  if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
    node.url = absoluteUrl(node.url, baseUrl, state);
  }
  if ('children' in node) for (const child of node.children) absolutizeLinks(child, baseUrl, state);
}

export function absoluteUrl(url: string, baseUrl: URL | undefined, state: LinkRewrite): string {
  if (url === '' || HAS_SCHEME.test(url)) return url;
  if (!baseUrl) {
    state.unresolved.push(url);
    return url;
  }
  const resolved = new URL(url, baseUrl);
  // Only links that point into the page's own site are sources we know the serving rule for.
  if (resolved.origin === baseUrl.origin) {
    const file = resolved.pathname.slice(resolved.pathname.lastIndexOf('/') + 1);
    if (/^(readme|index)\.md$/i.test(file)) resolved.pathname = resolved.pathname.slice(0, -file.length);
    else if (/\.md$/i.test(file)) resolved.pathname = `${resolved.pathname.slice(0, -3)}.html`;
  }
  return resolved.href;
}

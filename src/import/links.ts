// Makes a page's relative links absolute, the way the site serves its pages. The page's links
// point at Markdown sources (`install.md`); how a site publishes a source is its link style:
//   html       `install.md` → `install.html` (VuePress, wikis)      page base `.../faq.html`
//   directory  `install.md` → `install/`     (MkDocs default)       page base `.../faq/`
//   clean      `install.md` → `install`      (Docusaurus, VitePress cleanUrls)  base `.../faq`
//   as-is      the path is kept as written
// A source is `.md`, `.mdx` or `.markdown`. In every style a folder's README or index is the
// folder itself; a file viewed on a forge (github.com/…/blob/…) is as-is. Links that climb out
// of the site (`../config/x.toml` from a page at the site's root) go to --repo-url if given.
// A root-absolute link (`/guide/install.md`) is read against the site's root: the host's root,
// or where the site says it lives (--site-root; Read the Docs serves each version under its
// own `/en/stable/`, and its generators read `/` as that root).
import type { Nodes, RootContent } from 'mdast';
import { rewriteChildren, visit } from './tree.js';

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export type LinkStyle = 'html' | 'directory' | 'clean' | 'as-is';
export const LINK_STYLES: readonly LinkStyle[] = ['html', 'directory', 'clean', 'as-is'];

export interface LinkOptions {
  /** How the site serves a Markdown source; inferred from the base URL when not given. */
  style?: LinkStyle;
  /** Where the page's folder is in its repository (e.g. `https://github.com/o/r/blob/main/docs/`). */
  repoUrl?: URL;
  /** Where root-absolute links (`/guide/x.md`) point; inferred from the base URL when not given. */
  siteRoot?: URL;
}

export interface LinkRewrite {
  /** Relative links seen when there was no base URL to resolve them against. */
  unresolved: string[];
  /** Relative links and what they became. */
  rewritten: { from: string; to: string }[];
  /** Relative links that leave the site, with no --repo-url to send them to. */
  outside: string[];
}

export function linkRewrite(): LinkRewrite {
  return { unresolved: [], rewritten: [], outside: [] };
}

/** A file viewed in a forge's repository browser (`github.com/o/r/blob/main/FAQ.md`): sources are served as they are. */
const FORGE_FILE = /^(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org|gitea\.com)$/i;

/** The style a base URL suggests: a forge's file view as-is, `/faq/` directory, `/faq.html` html, `/faq` clean. */
export function inferLinkStyle(baseUrl: URL): LinkStyle {
  if (FORGE_FILE.test(baseUrl.hostname) && /\/(?:-\/)?(?:blob|src|tree)\//.test(baseUrl.pathname)) return 'as-is';
  if (baseUrl.pathname.endsWith('/')) return 'directory';
  if (/\.html?$/i.test(baseUrl.pathname)) return 'html';
  return 'clean';
}

/**
 * A language and version as the first two folders (`/en/stable/`, `/de/v2.1/`, `/en/latest/`):
 * how Read the Docs and sites like it serve each build of the docs.
 */
const VERSIONED_ROOT = /^\/[a-z]{2}(?:[-_][a-z]{2,4})?\/(?:latest|stable|main|master|dev|v?\d+(?:\.[\w-]+)*)\//i;

/**
 * A translated page's language as the first folder (`/es/faq`, `/pt-br/docs/faq`): a translated
 * site (Docusaurus i18n) serves `/extend/` of that language at `/es/extend/`. Only language codes
 * count, so `/go/faq` or `/js/faq` are no root.
 */
const LOCALE_ROOT =
  /^\/(?:de|es|fr|it|pt|nl|pl|ru|uk|cs|sk|sv|da|fi|nb|no|tr|el|hu|ro|bg|hr|sr|sl|ja|zh|ko|vi|th|id|ar|he|fa|hi|ca|eu|gl)(?:[-_][a-z]{2,4})?\/(?=[^/])/i;

/** The root a base URL suggests: a language-and-version or language prefix if it has one, else the host's root. */
export function inferSiteRoot(baseUrl: URL): URL {
  return new URL(VERSIONED_ROOT.exec(baseUrl.pathname)?.[0] ?? LOCALE_ROOT.exec(baseUrl.pathname)?.[0] ?? '/', baseUrl);
}

/** Rewrites every link, image and link definition under `node` in place. */
export function absolutizeLinks(node: Nodes, baseUrl: URL | undefined, state: LinkRewrite, options: LinkOptions = {}): void {
  if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
    node.url = absoluteUrl(node.url, baseUrl, state, options);
  }
  if ('children' in node) for (const child of node.children) absolutizeLinks(child, baseUrl, state, options);
}

export function absoluteUrl(
  url: string,
  baseUrl: URL | undefined,
  state: Pick<LinkRewrite, 'unresolved'> & Partial<LinkRewrite>,
  options: LinkOptions = {},
): string {
  if (url === '' || HAS_SCHEME.test(url)) return url;
  if (!baseUrl) {
    state.unresolved.push(url);
    return url;
  }
  const style = options.style ?? inferLinkStyle(baseUrl);
  // A link to a Markdown source or a file is the generator's to rewrite, relative to the source
  // file; a link written as an address (`../sizing/`, `install`) is left to the browser, which
  // reads it against the page's own address (`/docs/v2/faq/`), not its source's folder.
  const sourceBase = writtenAsAddress(url) ? new URL('.', baseUrl) : sourceFolder(baseUrl, style);
  const fragmentOnly = url.startsWith('#');
  const rootAbsolute = url.startsWith('/') && !url.startsWith('//');
  const target = fragmentOnly
    ? new URL(url, baseUrl)
    : rootAbsolute
      ? new URL(url.slice(1), options.siteRoot ?? inferSiteRoot(baseUrl))
      : new URL(url, sourceBase);
  if (!fragmentOnly && !rootAbsolute && leavesSite(url, sourceBase)) {
    if (options.repoUrl) {
      const href = new URL(url, new URL(sourceBase.pathname.slice(1), options.repoUrl)).href;
      state.rewritten?.push({ from: url, to: href });
      return href;
    }
    state.outside?.push(url);
  }
  // Only links into the page's own site are sources we know the serving rule for.
  if ((target.origin === baseUrl.origin || target.origin === options.siteRoot?.origin) && style !== 'as-is') {
    const file = target.pathname.slice(target.pathname.lastIndexOf('/') + 1);
    const stem = target.pathname.slice(0, -file.length);
    const source = /\.(?:md|mdx|markdown)$/i.exec(file);
    if (/^(readme|index)\.(?:md|mdx|markdown)$/i.test(file)) target.pathname = stem;
    else if (source) target.pathname = stem + served(file.slice(0, source.index), style);
  }
  // A link that leaves the site is reported as that alone, not also as rewritten.
  if (!fragmentOnly && !state.outside?.includes(url)) state.rewritten?.push({ from: url, to: target.href });
  return target.href;
}

function served(name: string, style: Exclude<LinkStyle, 'as-is'>): string {
  if (style === 'html') return `${name}.html`;
  if (style === 'directory') return `${name}/`;
  return name;
}

/**
 * The folder the page's source sits in. A directory-style page `/faq/` is built from `/faq.md`,
 * so its relative links are relative to `/`, not to `/faq/` (which is what a browser would do).
 */
function sourceFolder(baseUrl: URL, style: LinkStyle): URL {
  if (style === 'directory' && baseUrl.pathname !== '/') return new URL('..', baseUrl);
  return new URL('.', baseUrl);
}

/** A relative link whose last segment names no file (`../sizing/`, `install`, `faq/#x`). */
function writtenAsAddress(url: string): boolean {
  const path = url.split(/[?#]/)[0]!;
  if (path === '' || path.startsWith('/')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last === '' || last === '..' || last === '.' || !/\.[a-z0-9]{1,8}$/i.test(last);
}

/** True when `url`, relative to `folder`, climbs above the site's root. */
function leavesSite(url: string, folder: URL): boolean {
  let depth = folder.pathname.split('/').filter(Boolean).length;
  for (const segment of url.split(/[?#]/)[0]!.split('/')) {
    if (segment === '..') depth--;
    else if (segment !== '.' && segment !== '') depth++;
    if (depth < 0) return true;
  }
  return false;
}

/**
 * Links no chat platform can follow: MyST's cross-references (`<project:#x>`, `inv:sphinx#x`,
 * `path:x`) and GitBook's placeholder for a link it lost (`broken-reference`). Each becomes its
 * text. Returns each target removed.
 */
export function unlinkDeadTargets(root: Nodes): string[] {
  const removed: string[] = [];
  rewriteChildren(root, (children) =>
    children.flatMap((child): RootContent[] => {
      if (child.type !== 'link' || !DEAD_TARGET.test(child.url)) return [child];
      removed.push(child.url);
      const shown = child.children.filter((c) => !(c.type === 'text' && c.value === child.url));
      // A bare one (`<project:#moderation>`) names its target: that name, in words, is its text.
      const name = child.url.split(/[#:/]/).filter(Boolean).at(-1)?.replace(/[-_]+/g, ' ') ?? '';
      return shown.length > 0 ? shown : name && !/^broken reference$/i.test(name) ? [{ type: 'text', value: name }] : [];
    }),
  );
  return removed;
}

const DEAD_TARGET = /^(?:(?:project|inv|path|doc):|broken-reference$)/i;

/** A link with no text (MyST's `[](#label)` shows the target's title, unknown here) shows its address. */
export function labelEmptyLinks(root: Nodes): void {
  visit(root, (node) => {
    if (node.type === 'link' && node.children.length === 0) node.children = [{ type: 'text', value: node.url }];
  });
}

/**
 * Without a base URL a relative link cannot be made absolute, and a chat platform shows
 * `[guide](install.md)` as text: each becomes its text (an image its alt text), so a first import
 * reads clean; the report says to pass --base-url to keep them as links.
 */
export function unlinkRelative(root: Nodes): void {
  rewriteChildren(root, (children) =>
    children.flatMap((child): RootContent[] => {
      if (child.type === 'link' && !HAS_SCHEME.test(child.url)) return child.children;
      if (child.type === 'image' && !HAS_SCHEME.test(child.url)) return child.alt ? [{ type: 'text', value: child.alt }] : [];
      return [child];
    }),
  );
}

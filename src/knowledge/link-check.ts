// `faqbot check --links`: fetches every link of the knowledge base and reports the broken ones
// as Problems at the line they are written on. The only network I/O of the core, and opt-in, so
// CI without network passes. node:http rather than fetch(): a GET can be closed as soon as its
// status arrives (no body is read), and the DNS lookup can be replaced (tests run offline).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Problem } from '../domain.js';
import type { LinkSite } from './link-sites.js';

export interface LinkCheckOptions {
  /** Requests in flight at once. */
  readonly concurrency?: number;
  /** How long one link may take, redirects and the GET fallback included. */
  readonly timeoutMs?: number;
  /** How long the whole check may take; links not checked by then are reported as warnings. */
  readonly totalMs?: number;
  readonly maxRedirects?: number;
  /** Replaces the system DNS lookup (tests). */
  readonly lookup?: LookupFunction;
  /** Called as each distinct URL is done (for a progress line on a terminal). */
  readonly onProgress?: (done: number, total: number) => void;
}

type Limits = Required<Pick<LinkCheckOptions, 'concurrency' | 'timeoutMs' | 'totalMs' | 'maxRedirects'>>;
type Resolved = Limits & LinkCheckOptions;

export const LINK_CHECK_DEFAULTS: Readonly<Limits> = {
  concurrency: 8,
  timeoutMs: 10_000,
  totalMs: 120_000,
  maxRedirects: 5,
};

/** What fetching one URL found. */
export type LinkResult =
  | { readonly ok: true; readonly status: number }
  | { readonly ok: false; readonly kind: 'status'; readonly status: number }
  | { readonly ok: false; readonly kind: 'dns' | 'refused' | 'timeout' | 'tls' | 'redirects' | 'network' | 'unchecked'; readonly detail: string };

export interface LinkReport {
  readonly problems: Problem[];
  /** Distinct URLs fetched (the same URL written twice is fetched once). */
  readonly urls: number;
  readonly broken: number;
}

const USER_AGENT = 'faqbot-link-check/1 (checks the links of a FAQ knowledge base)';
const REDIRECT = new Set([301, 302, 303, 307, 308]);

/** Fetches each distinct URL once (without its #fragment) and reports every site of a broken one. */
export async function checkLinks(sites: readonly LinkSite[], options: LinkCheckOptions = {}): Promise<LinkReport> {
  const o: Resolved = { ...LINK_CHECK_DEFAULTS, ...options };
  const deadline = AbortSignal.timeout(o.totalMs);
  const urls = [...new Set(sites.map((s) => cacheKey(s.url)))];
  const results = new Map<string, LinkResult>();
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      results.set(url, deadline.aborted ? unchecked(o.totalMs) : await probe(url, o, deadline));
      o.onProgress?.(results.size, urls.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, urls.length)) }, worker));
  const problems: Problem[] = [];
  const brokenUrls = new Set<string>();
  for (const site of sites) {
    const result = results.get(cacheKey(site.url))!;
    if (result.ok) continue;
    const problem = problemOf(site, result, o);
    problems.push(problem);
    if (problem.severity === 'error') brokenUrls.add(cacheKey(site.url));
  }
  const broken = brokenUrls.size;
  return { problems, urls: urls.length, broken };
}

function cacheKey(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

const unchecked = (totalMs: number): LinkResult => ({ ok: false, kind: 'unchecked', detail: `the link check's time limit (${seconds(totalMs)}) ran out first` });

/** HEAD first (cheap); GET when HEAD fails, since many servers answer HEAD wrongly. */
async function probe(url: string, o: Resolved, deadline: AbortSignal): Promise<LinkResult> {
  const own = AbortSignal.timeout(o.timeoutMs);
  const signal = AbortSignal.any([own, deadline]);
  const head = await follow(url, 'HEAD', o, signal);
  if (signal.aborted || head.ok || head.kind === 'dns' || head.kind === 'refused' || head.kind === 'tls' || head.kind === 'redirects') return relabel(head, own, deadline, o);
  return relabel(await follow(url, 'GET', o, signal), own, deadline, o);
}

/** An aborted request is a timeout of its own, or the whole run's time limit. */
function relabel(result: LinkResult, own: AbortSignal, deadline: AbortSignal, o: Resolved): LinkResult {
  if (result.ok || (result.kind !== 'network' && result.kind !== 'timeout')) return result;
  if (deadline.aborted && !own.aborted) return unchecked(o.totalMs);
  if (own.aborted) return { ok: false, kind: 'timeout', detail: `no response within ${seconds(o.timeoutMs)}` };
  return result;
}

async function follow(url: string, method: 'HEAD' | 'GET', o: Resolved, signal: AbortSignal): Promise<LinkResult> {
  const seen = new Set<string>();
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    if (seen.has(current.href)) return { ok: false, kind: 'redirects', detail: `redirect loop at ${current.href}` };
    seen.add(current.href);
    let res: { status: number; location?: string };
    try {
      res = await send(current, method, o.lookup, signal);
    } catch (error) {
      return networkResult(error, signal);
    }
    if (REDIRECT.has(res.status) && res.location) {
      if (hop >= o.maxRedirects) return { ok: false, kind: 'redirects', detail: `more than ${o.maxRedirects} redirects` };
      try {
        current = new URL(res.location, current);
      } catch {
        return { ok: false, kind: 'redirects', detail: `redirect to an invalid address (${res.location})` };
      }
      if (current.protocol !== 'http:' && current.protocol !== 'https:') return { ok: false, kind: 'redirects', detail: `redirect to a non-web address (${current.protocol})` };
      continue;
    }
    return res.status < 400 ? { ok: true, status: res.status } : { ok: false, kind: 'status', status: res.status };
  }
}

function send(url: URL, method: string, lookup: LookupFunction | undefined, signal: AbortSignal): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(url, { method, signal, headers: { 'user-agent': USER_AGENT, accept: '*/*' }, ...(lookup ? { lookup } : {}) }, (res: IncomingMessage) => {
      const location = res.headers.location;
      resolve({ status: res.statusCode ?? 0, ...(location ? { location } : {}) });
      res.destroy(); // the status is all we need: never download the page
    });
    req.on('error', reject);
    req.end();
  });
}

function networkResult(error: unknown, signal: AbortSignal): LinkResult {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (signal.aborted) return { ok: false, kind: 'timeout', detail: 'aborted' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return { ok: false, kind: 'dns', detail: `the host name does not resolve (${code})` };
  if (code === 'ECONNREFUSED') return { ok: false, kind: 'refused', detail: 'the server refused the connection' };
  if (/CERT|SSL|TLS/i.test(code)) return { ok: false, kind: 'tls', detail: `the site's certificate is not valid (${code})` };
  return { ok: false, kind: 'network', detail: code || (error instanceof Error ? error.message : String(error)) };
}

function problemOf(site: LinkSite, result: Exclude<LinkResult, { ok: true }>, o: Resolved): Problem {
  const where = { file: site.file, line: site.line, col: site.col };
  const label = site.from === 'source'
    ? `\`source\` ${site.url} (shown under every answer of this file)`
    : `entry \`${site.entryId ?? '?'}\`: ${site.from === 'links' ? 'link' : 'answer link'} ${site.url}`;
  if (result.kind === 'unchecked') {
    return { severity: 'warning', ...where, message: `${label} was not checked: ${result.detail}`, hint: 'run `faqbot check --links` again; links already checked are reported above' };
  }
  if (result.kind === 'status') {
    // A server that limits request rates says nothing about the page: not an error.
    if (result.status === 429) return { severity: 'warning', ...where, message: `${label} could not be checked: the server limits requests (HTTP 429)`, hint: 'open it in a browser, or check again later' };
    return { severity: 'error', ...where, message: `${label} is broken: HTTP ${result.status}`, hint: statusHint(result.status) };
  }
  const hints: Record<typeof result.kind, string> = {
    dns: 'check the host name for a typo; if the site is gone, link its new home or remove the link',
    refused: 'nothing answers at that address; check the host and port, or remove the link',
    timeout: `the site did not answer within ${seconds(o.timeoutMs)}; open it in a browser, and replace the link if it stays down`,
    tls: 'the site\'s HTTPS is broken; link a page whose certificate is valid, or tell the site\'s owners',
    redirects: 'open it in a browser and link the page it finally shows',
    network: 'open it in a browser; if it fails there too, replace or remove the link',
  };
  return { severity: 'error', ...where, message: `${label} is broken: ${result.detail}`, hint: hints[result.kind] };
}

function statusHint(status: number): string {
  if (status === 404 || status === 410) return 'the page is gone: find where it moved (the site\'s search, or the Wayback Machine) and update the URL, or remove the link';
  if (status === 401 || status === 403) return 'the page needs a login or refuses visitors: link a public page instead';
  if (status >= 500) return 'the site failed to serve the page: open it in a browser, and replace the link if it stays broken';
  return 'open it in a browser and fix or remove the link';
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

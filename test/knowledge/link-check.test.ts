// `faqbot check --links` against a local web server: what a maintainer sees for each kind of
// broken link, at the line it is written on, and that working links (redirected, or refusing
// HEAD) pass.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../cli/command.js';
import { checkCommand } from '../../cli/commands/check.js';
import { runCli } from '../../cli/run-cli.js';
import { checkLinks } from '../../src/knowledge/link-check.js';
import { linkSites, type LinkSite } from '../../src/knowledge/link-sites.js';

let server: Server;
let base = '';
const hits = new Map<string, number>();
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(`${req.method} ${path}`, (hits.get(`${req.method} ${path}`) ?? 0) + 1);
    if (path === '/ok' || path === '/ok2') return void res.writeHead(200).end('fine');
    if (path === '/moved') return void res.writeHead(301, { location: '/ok' }).end();
    if (path === '/moved-to-gone') return void res.writeHead(302, { location: `${base}/gone` }).end();
    if (path === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (path === '/no-head') return void res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    if (path === '/fails') return void res.writeHead(503).end();
    if (path === '/busy') return void res.writeHead(429).end();
    if (path === '/silent') return; // never answers
    if (path.startsWith('/pair/')) {
      // Each request is held a moment, so requests sent together overlap here: how many run at once.
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => { inFlight--; res.writeHead(200).end(); }, 150);
      return;
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

function knowledgeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-links-'));
  writeFileSync(join(dir, 'faq.yaml'), [
    `source: ${base}/old-faq`,
    'entries:',
    '  - id: install',
    '    question: How do I install it?',
    '    answer: |-',
    `      Read [the guide](${base}/ok) and [the old guide](${base}/gone).`,
    '',
    `      Images: ![logo](${base}/moved), and [the same guide again](${base}/ok#step-2).`,
    '    links:',
    `      - { title: Download, url: "${base}/no-head" }`,
    `      - { title: Mirror, url: "${base}/moved-to-gone" }`,
    '  - id: support',
    '    question: Where do I get help?',
    `    answer: "Ask on [the forum](${base}/fails) or see [the loop](${base}/loop)."`,
    '    links:',
    `      - { title: Status, url: "${base}/busy" }`,
    `      - { title: Guide, url: "${base}/ok" }`,
  ].join('\n'));
  return dir;
}

async function check(dir: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: new PassThrough(), cwd: dir, env: { FAQBOT_CONFIG: '' } };
  const code = await runCli(['check', ...args], [checkCommand([])], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('faqbot check --links', () => {
  it('reports each broken link as an error at its file:line with a hint, and passes working ones', async () => {
    hits.clear();
    const r = await check(knowledgeDir(), '--quick', '--links', 'faq.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^faq\.yaml:6:\d+: entry `install`: answer link http:\/\/127\.0\.0\.1:\d+\/gone is broken: HTTP 404; the page is gone/m);
    expect(r.err).toMatch(/^faq\.yaml:11:\d+: entry `install`: link http:\/\/127\.0\.0\.1:\d+\/moved-to-gone is broken: HTTP 404/m);
    expect(r.err).toMatch(/^faq\.yaml:14:\d+: entry `support`: answer link http:\/\/127\.0\.0\.1:\d+\/fails is broken: HTTP 503; the site failed/m);
    expect(r.err).toMatch(/^faq\.yaml:14:\d+: entry `support`: answer link \S+\/loop is broken: redirect loop/m);
    // A rate-limited server says nothing about the page: a warning, not an error.
    expect(r.out).toMatch(/^faq\.yaml:16:\d+: warning: entry `support`: link \S+\/busy could not be checked/m);
    // Working: plain, redirected, HEAD refused but GET fine.
    expect(r.err + r.out).not.toMatch(/\/ok\b|\/moved |\/no-head/);
    // The file's source is shown under every answer: a broken one is an error too.
    expect(r.err).toMatch(/^faq\.yaml:1:9: `source` http:\/\/127\.0\.0\.1:\d+\/old-faq \(shown under every answer of this file\) is broken: HTTP 404/m);
    expect(r.err).toMatch(/5 errors, 1 warning/);
    // The same page written three times (once with a #fragment) is fetched once; HEAD first, GET only when HEAD fails.
    expect(hits.get('HEAD /ok')).toBe(2); // itself, and the end of /moved's redirect
    expect(hits.get('GET /ok')).toBeUndefined();
    expect(hits.get('GET /no-head')).toBe(1);
    expect(r.out).toMatch(/links: 9 URLs checked \(11 written\), 5 broken/);
  });

  it('fetches nothing without --links', async () => {
    hits.clear();
    const r = await check(knowledgeDir(), '--quick', 'faq.yaml');
    expect(r.code).toBe(0);
    expect(hits.size).toBe(0);
    expect(r.out).not.toMatch(/links:/);
  });
});

describe('checkLinks', () => {
  const site = (url: string): LinkSite => ({ url, file: 'faq.yaml', line: 3, col: 7, entryId: 'x', from: 'links' });

  it('reports a host that does not resolve, and one where nothing listens', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND docs.example.invalid'), { code: 'ENOTFOUND' });
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const report = await checkLinks([site('https://docs.example.invalid/page'), site(`http://127.0.0.1:${port}/`)], {
      lookup: (host, options, callback) => (host === 'docs.example.invalid' ? callback(notFound, '', 4) : callback(null, '127.0.0.1', 4)),
    });
    expect(report.problems.map((p) => `${p.severity} ${p.message}; ${p.hint}`)).toEqual([
      expect.stringMatching(/^error entry `x`: link https:\/\/docs\.example\.invalid\/page is broken: the host name does not resolve \(ENOTFOUND\); check the host name for a typo/),
      expect.stringMatching(/^error .* is broken: the server refused the connection; nothing answers at that address/),
    ]);
  });

  it('gives up on a link that does not answer within its time, and warns about links left when the whole check runs out of time', async () => {
    const slow = await checkLinks([site(`${base}/silent`)], { timeoutMs: 300 });
    expect(slow.problems[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/is broken: no response within 0\.3 s/) });
    const budget = await checkLinks([site(`${base}/silent`), site(`${base}/ok2`)], { concurrency: 1, timeoutMs: 5_000, totalMs: 300 });
    expect(budget.problems.map((p) => [p.severity, p.message.replace(/http\S+\//, '')])).toEqual([
      ['warning', 'entry `x`: link silent was not checked: the link check\'s time limit (0.3 s) ran out first'],
      ['warning', 'entry `x`: link ok2 was not checked: the link check\'s time limit (0.3 s) ran out first'],
    ]);
    expect(budget.broken).toBe(0);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    maxInFlight = 0;
    const report = await checkLinks(Array.from({ length: 6 }, (_, i) => site(`${base}/pair/${i}`)), { concurrency: 2 });
    expect(report).toMatchObject({ urls: 6, broken: 0, problems: [] });
    expect(maxInFlight).toBe(2);
  });

  it('finds the links of answers written in every YAML style, each on its own line', () => {
    const sites = linkSites([
      'entries:',
      '  - id: a',
      '    question: Q?',
      '    answer: >-',
      '      See <https://a.example/x> and',
      '      [b](https://b.example/y "title").',
      '',
      '      [ref]: https://c.example/z',
      '      [c][ref] and [relative](/docs) and [mail](mailto:x@example.org)',
    ].join('\n'), 'f.yaml');
    expect(sites.map((s) => [s.url, s.line])).toEqual([
      ['https://a.example/x', 5],
      ['https://b.example/y', 6],
      ['https://c.example/z', 8],
    ]);
  });
});

// The operations endpoints: /healthz (the process answers), /readyz (ready for traffic; 503
// with the reasons otherwise) and /metrics (Prometheus text). Served by a small node:http
// server of their own, or as extra routes of a platform's HTTP server sharing its port.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError } from '../log.js';
import type { Metrics } from './metrics.js';
import type { Readiness } from './readiness.js';

/** A request handler on the bot's HTTP server: the ops endpoints, a platform's (Discord interactions). */
export interface HttpRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  handler(req: IncomingMessage, res: ServerResponse): void;
}

export interface OpsSource {
  readiness(): Readiness;
  readonly metrics: Metrics;
}

export const OPS_PATHS = { health: '/healthz', ready: '/readyz', metrics: '/metrics' } as const;

export function opsRoutes(source: OpsSource): HttpRoute[] {
  return [
    { method: 'GET', path: OPS_PATHS.health, handler: (_req, res) => json(res, 200, { status: 'ok' }) },
    {
      method: 'GET',
      path: OPS_PATHS.ready,
      handler: (_req, res) => {
        const r = source.readiness();
        json(
          res,
          r.ready ? 200 : 503,
          r.ready ? { status: 'ready', platforms: r.platforms } : { status: 'not ready', reasons: r.reasons, platforms: r.platforms },
        );
      },
    },
    {
      method: 'GET',
      path: OPS_PATHS.metrics,
      handler: (_req, res) => {
        source.metrics.text().then(
          (text) => {
            res.writeHead(200, { 'content-type': source.metrics.contentType });
            res.end(text);
          },
          (error: unknown) => json(res, 500, { status: 'error', reason: describeError(error) }),
        );
      },
    },
  ];
}

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Listens on `port` (0: any free one) on every interface, as a container's health check needs. */
export async function startOpsServer(port: number, routes: readonly HttpRoute[]): Promise<OpsServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((r) => r.path === path);
    if (!route) return json(res, 404, { status: 'not found', paths: routes.map((r) => r.path) });
    if (req.method !== route.method && req.method !== 'HEAD') {
      res.setHeader('allow', route.method);
      return json(res, 405, { status: 'method not allowed' });
    }
    route.handler(req, res);
  });
  // Health checks open a connection per probe; do not hold them open past the answer.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, () => {
      server.off('error', fail);
      done();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify(body)}\n`);
}

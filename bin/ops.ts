// Wires the operations endpoints to a starting bot: where they listen (FAQBOT_HTTP_PORT, or the
// port of a platform that serves HTTP itself), what readiness looks at, what the metrics count.
import type { Config } from '../src/config.js';
import { FaqbotError } from '../src/errors.js';
import { describeError, type LogFields, type Logger } from '../src/log.js';
import { Metrics } from '../src/ops/metrics.js';
import { readiness, type Readiness } from '../src/ops/readiness.js';
import { OPS_PATHS, opsRoutes, startOpsServer, type HttpRoute, type OpsServer } from '../src/ops/server.js';
import type { ConnectionState, PlatformAdapter, PlatformDeps, RunningPlatform } from '../src/platform.js';

export type OpsPlan =
  | { readonly kind: 'off' }
  | { readonly kind: 'own'; readonly port: number }
  | { readonly kind: 'shared'; readonly platform: string; readonly port: number };

/**
 * Off in the console (no platform). A platform serving HTTP (Slack's HTTP mode) lends its port
 * unless FAQBOT_HTTP_PORT names another; otherwise FAQBOT_HTTP_PORT, or off when it is unset.
 * Port 0 ("any free port") is never shared: two servers asking for 0 get two ports.
 */
export function planOps(config: Pick<Config, 'ops' | 'secrets'>, configured: readonly PlatformAdapter[]): OpsPlan {
  if (configured.length === 0) return { kind: 'off' };
  const wanted = config.ops.httpPort;
  for (const adapter of configured) {
    const port = adapter.httpPort?.(config.secrets);
    if (port !== undefined && (wanted === undefined || (wanted === port && port !== 0)))
      return { kind: 'shared', platform: adapter.name, port };
  }
  // A platform that must be reached over HTTP (Discord interactions) needs a server: PORT, as documented.
  const needsServer = configured.some((a) => (a.httpRoutePaths?.(config.secrets) ?? []).length > 0);
  if (wanted === undefined) return needsServer ? { kind: 'own', port: config.secrets.port } : { kind: 'off' };
  return { kind: 'own', port: wanted };
}

export class Ops {
  readonly metrics = new Metrics();
  #knowledgeLoaded = false;
  #stopping = false;
  readonly #running = new Map<string, RunningPlatform>();
  #server: OpsServer | undefined;
  /** The platforms' own routes, mounted as each starts; the forwarders below look them up. */
  readonly #mounted = new Map<string, HttpRoute>();
  /** The ops endpoints and a forwarder for every route a platform declared it will serve. */
  readonly #routes: HttpRoute[];

  private constructor(
    readonly plan: OpsPlan,
    private readonly configured: readonly string[],
    private readonly log: Logger,
    platformPaths: readonly Pick<HttpRoute, 'method' | 'path'>[],
  ) {
    this.#routes = [
      ...opsRoutes(this),
      ...platformPaths.map((r): HttpRoute => ({
        ...r,
        handler: (req, res) => {
          const route = this.#mounted.get(r.path);
          if (route) return route.handler(req, res);
          res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
          res.end(`${JSON.stringify({ status: 'not ready', reason: `${r.path} is not being served yet (its platform is starting)` })}\n`);
        },
      })),
    ];
  }

  /** Starts listening at once in `own` mode, so /healthz answers while knowledge loads. */
  static async start(
    plan: OpsPlan,
    configured: readonly string[],
    log: Logger,
    platformPaths: readonly Pick<HttpRoute, 'method' | 'path'>[] = [],
  ): Promise<Ops> {
    const ops = new Ops(plan, configured, log, platformPaths);
    if (plan.kind === 'own') {
      try {
        ops.#server = await startOpsServer(plan.port, ops.#routes);
      } catch (error) {
        throw new FaqbotError(
          'config',
          `could not listen for health and metrics on FAQBOT_HTTP_PORT=${plan.port} (${describeError(error)}); set FAQBOT_HTTP_PORT to a free port`,
        );
      }
      log.info(`ops: health and metrics on port ${ops.#server.port}`, { port: ops.#server.port, paths: Object.values(OPS_PATHS) });
    }
    return ops;
  }

  /** The endpoints' own port (`own` mode), once listening. */
  get port(): number | undefined {
    return this.#server?.port;
  }

  readiness(): Readiness {
    return readiness({
      knowledgeLoaded: this.#knowledgeLoaded,
      stopping: this.#stopping,
      platforms: this.configured.map((name) => {
        const health = this.#running.get(name)?.health();
        return { name, ...(health ? { health } : {}) };
      }),
    });
  }

  knowledgeLoaded(entries: number): void {
    this.#knowledgeLoaded = true;
    this.metrics.entries.set(entries);
  }

  /** What an adapter is given to report its connection and, when it lends its port, to serve the endpoints. */
  depsFor(name: string): Pick<PlatformDeps, 'onHealth' | 'httpRoutes'> {
    let previous: ConnectionState = 'connecting';
    return {
      onHealth: (health) => {
        // One lost connection may report several reasons while it is re-established: count it once.
        if (health.state === 'reconnecting' && previous !== 'reconnecting') this.metrics.reconnects.inc({ platform: name });
        previous = health.state;
        if (health.state === 'reconnecting' || health.state === 'failed')
          this.log.warn(`${name}: ${health.state}`, {
            platform: name,
            state: health.state,
            ...(health.reason ? { reason: health.reason } : {}),
          });
      },
      ...(this.plan.kind === 'shared' && this.plan.platform === name ? { httpRoutes: this.#routes } : {}),
    };
  }

  platformStarted(platform: RunningPlatform): void {
    this.#running.set(platform.name, platform);
    for (const route of platform.routes ?? []) this.#mounted.set(route.path, route);
  }

  /** Readiness turns 503 first, so a load balancer stops sending before the platforms close. */
  stopping(): void {
    this.#stopping = true;
  }

  /** For the start line: where the endpoints are. */
  describe(): LogFields {
    if (this.plan.kind === 'off') return { http: 'off' };
    if (this.plan.kind === 'shared') return { http: { sharedWith: this.plan.platform, port: this.plan.port } };
    return { http: { port: this.#server?.port ?? this.plan.port } };
  }

  async close(): Promise<void> {
    await this.#server?.close();
  }
}

// The real engines tests may use: Redis on 127.0.0.1:6379 and PostgreSQL on 127.0.0.1:5432
// (trust auth, database `test`). CI has both; on a machine without them the tests that need
// them are skipped with a message saying which engine is missing.
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

export const REDIS_URL = 'redis://127.0.0.1:6379';
export const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** True when something answers on the port within a second. */
function reachable(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

export async function redisReachable(): Promise<boolean> {
  const ok = await reachable(6379);
  if (!ok) console.warn('skipping the Redis tests: nothing answers on 127.0.0.1:6379 (start redis-server to run them)');
  return ok;
}

export async function pgReachable(): Promise<boolean> {
  const ok = await reachable(5432);
  if (!ok)
    console.warn('skipping the PostgreSQL tests: nothing answers on 127.0.0.1:5432 (start PostgreSQL with a database "test" to run them)');
  return ok;
}

/** A key prefix or database name no other test run uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** A port nothing listens on, for "the engine is down" (the port of a server just closed). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** A fresh PostgreSQL database for one test file; drop() removes it (and ends what is connected). */
export async function freshDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const pg = (await import('pg')).default;
  const name = uniqueName('faqbot_test').toLowerCase();
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    name,
    url: `postgres://postgres@127.0.0.1:5432/${name}`,
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A TCP forwarder to an engine that can be cut and restored on the same port: "the engine went
 * away and came back" without touching the real server other tests use.
 */
export async function cuttableProxy(
  targetPort: number,
): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const { createServer, connect: dial } = await import('node:net');
  const sockets = new Set<import('node:net').Socket>();
  let server: import('node:net').Server | undefined;
  let port = 0;
  const listen = async () => {
    server = createServer((client) => {
      const upstream = dial({ host: '127.0.0.1', port: targetPort });
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    await new Promise<void>((done) => server!.listen(port, '127.0.0.1', done));
    port = (server.address() as { port: number }).port;
  };
  const cut = async () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    server = undefined;
  };
  await listen();
  return {
    get port() {
      return port;
    },
    cut,
    restore: listen,
    close: cut,
  };
}

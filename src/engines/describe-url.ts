// Engine URLs may carry a user and password: logs and errors show only where the engine is.

/** `redis://host:port` or `postgres://host:port/db`, without user or password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
  } catch {
    return 'an unparseable URL';
  }
}

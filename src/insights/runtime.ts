// better-sqlite3 12.x (the insights store's driver; the project keeps it on 12.x) aborts the
// process on Node 24: its statements' destructor trips `Assertion failed: (env) != nullptr`
// in Node 24's ObjectWrap cleanup hooks, during normal operation as well as at exit. Its 13.x
// rewrite on Node-API fixes that. Until then the bot says so at start instead of dying later.

/** The Node major versions the insights store is known to run on. */
export const INSIGHTS_NODE_MAJORS = [20, 22] as const;

/** Why the insights store cannot run on this Node, or undefined when it can. */
export function insightsRuntimeProblem(nodeVersion: string = process.versions.node): string | undefined {
  const major = Number(nodeVersion.split('.')[0]);
  if (major < 24) return undefined;
  return `Node ${nodeVersion} is not supported with insights on: better-sqlite3 12.x, the insights database driver, aborts the process on Node 24 and newer; run Node ${INSIGHTS_NODE_MAJORS.join(' or ')}, or set insights.enabled: false in faqbot.config.yaml`;
}

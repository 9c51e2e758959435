// The one rule for how settings are overridden, wherever a layer of them meets a base: the
// config file over the defaults, a community over the top-level policy and matcher, a
// channel's rule over the one around it, a caller's options over a subsystem's defaults.

/** What a layer of settings may say of `T`: any key, at any depth, may be left out. */
export type Overrides<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? Overrides<T[K]> : T[K];
};

/**
 * `over` laid on `base`, as a new object (neither is changed). Mappings on both sides merge key
 * by key, at any depth; anything else `over` names replaces the base's value whole (an array
 * is replaced, not joined; a key given as undefined replaces too). Keys `over` leaves out keep
 * the base's value.
 */
export function mergeSettings<T extends object>(base: T, over: Overrides<T> | undefined): T {
  return mergeRecords(base as Record<string, unknown>, (over ?? {}) as Record<string, unknown>) as T;
}

function mergeRecords(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = base[key];
    out[key] = isRecord(under) && isRecord(value) ? mergeRecords(under, value) : value;
  }
  return out;
}

/** A mapping of settings: what merges key by key (arrays and null do not). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

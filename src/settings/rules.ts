// What a setting must be beyond the type its default gives it: a range, a choice, the form of
// an id. Each subsystem states its own beside its settings; the config file check applies them.

export type SettingRule =
  | { readonly kind: 'number'; readonly integer: boolean; readonly min: number; readonly max?: number }
  | { readonly kind: 'oneOf'; readonly values: readonly string[] }
  /** An id the platform gives; '' turns the feature off. `hint` says where to find one. */
  | { readonly kind: 'id'; readonly pattern: RegExp; readonly hint: string };

/** Rules by key of one section (`policy`, `matcher`, ...), as the section's module states them. */
export type SettingRules<T> = { readonly [K in keyof T]?: SettingRule };

/** Rules by dotted path from the mapping being checked (`policy.rateLimitCount` at the top). */
export type RulesByPath = Readonly<Record<string, SettingRule>>;

export function wholeNumber(min: number, max?: number): SettingRule {
  return { kind: 'number', integer: true, min, ...(max !== undefined ? { max } : {}) };
}

export function anyNumber(min: number, max: number): SettingRule {
  return { kind: 'number', integer: false, min, max };
}

export function oneOf(values: readonly string[]): SettingRule {
  return { kind: 'oneOf', values };
}

export function platformId(pattern: RegExp, hint: string): SettingRule {
  return { kind: 'id', pattern, hint };
}

/** A section's rules as seen from the mapping that holds it under `key`. */
export function within<T>(key: string, rules: SettingRules<T>): RulesByPath {
  return Object.fromEntries(Object.entries(rules).map(([name, rule]) => [`${key}.${name}`, rule as SettingRule]));
}

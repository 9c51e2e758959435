// The config file's checks that every section shares: each key known, each value of its
// default's type and within its rule, every problem reported as `file:line:col: what; how to fix`.
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { isLanguage, LANGUAGES } from '../language/languages.js';
import { isRecord } from './merge.js';
import type { RulesByPath, SettingRule } from './rules.js';

/** Where a node of the file is: `file:line:col`. */
export type Where = (node: { range?: readonly number[] | null } | null | undefined) => string;

/**
 * Checks a mapping of the file against its defaults: every key must be one of theirs, every
 * value of its default's type and within its rule. `prefix` names the settings in messages;
 * `rules` are found by the path below this mapping (`at`), whatever name it is reported under.
 */
export function checkMap(
  map: YAMLMap,
  defaults: object,
  rules: RulesByPath,
  prefix: string,
  where: Where,
  problems: string[],
  at = '',
): void {
  for (const pair of map.items) {
    const keyNode = isScalar(pair.key) ? pair.key : undefined;
    const key = String(keyNode?.value ?? pair.key);
    const name = prefix + key;
    const valueNode = pair.value as Node | null;
    // Own keys only: `toString` or `constructor` is no setting, whatever objects inherit.
    if (!Object.hasOwn(defaults, key)) {
      problems.push(
        `${where(keyNode)}: unknown setting "${name}"; known settings here: ${Object.keys(defaults)
          .map((k) => prefix + k)
          .join(', ')}`,
      );
      continue;
    }
    const d = (defaults as Record<string, unknown>)[key];
    if (isRecord(d)) {
      if (isMap(valueNode)) checkMap(valueNode, d, rules, `${name}.`, where, problems, `${at}${key}.`);
      else problems.push(`${where(valueNode ?? keyNode)}: "${name}" must be a mapping of settings (indent them under "${key}:")`);
      continue;
    }
    const v: unknown = isScalar(valueNode) ? valueNode.value : valueNode?.toJSON();
    const problem = checkValue(name, v, d, rules[at + key]);
    if (problem) problems.push(`${where(valueNode ?? keyNode)}: ${problem}`);
  }
}

/** What is wrong with one setting's value, or undefined when it is fine. */
function checkValue(name: string, v: unknown, d: unknown, rule: SettingRule | undefined): string | undefined {
  // YAML reads an unquoted Discord id as a number and loses its last digits.
  if (rule?.kind === 'id' && typeof v === 'number')
    return `"${name}" must be ${rule.hint}; YAML read ${String(v)} as a number: put it in quotes`;
  if (rule?.kind === 'id' && typeof v === 'string' && !rule.pattern.test(v))
    return `"${name}" must be ${rule.hint}, got ${JSON.stringify(v)}`;
  if (typeof v !== typeof d)
    return `"${name}" must be a ${typeof d === 'boolean' ? 'boolean (true or false)' : typeof d}, got ${JSON.stringify(v)}`;
  if (rule?.kind === 'oneOf' && !rule.values.includes(v as string)) {
    return `"${name}" must be ${rule.values.map((a) => JSON.stringify(a)).join(' or ')}, got ${JSON.stringify(v)}`;
  }
  if (rule?.kind === 'number' && typeof v === 'number') {
    const range = rule.max === undefined ? `of at least ${rule.min}` : `from ${rule.min} to ${rule.max}`;
    const kind = rule.integer ? 'a whole number' : 'a number';
    if (!Number.isFinite(v) || (rule.integer && !Number.isInteger(v)) || v < rule.min || (rule.max !== undefined && v > rule.max)) {
      return `"${name}" must be ${kind} ${range}, got ${String(v)}`;
    }
  }
  return undefined;
}

/** What is wrong with a configured `language`, or undefined when faqbot speaks it. */
export function languageProblem(name: string, v: unknown): string | undefined {
  return isLanguage(v)
    ? undefined
    : `"${name}" must be one of ${LANGUAGES.map((l) => JSON.stringify(l)).join(', ')} (the languages faqbot speaks), got ${JSON.stringify(v)}`;
}

import type { TagMap } from '../model.js';
import { normalizeKey, providerForm } from '../policy/forms.js';
import type { Policy, TagRule } from '../policy/types.js';

/** How a policy key shows up in one tag map. */
export interface KeyLookup {
  /** The spelling this provider expects. */
  readonly form: string;
  /** Whether the map has the key spelled exactly as expected. */
  readonly exact: boolean;
  /** Keys that equal the expected one but for case or separators, in map order. */
  readonly nearMisses: readonly string[];
  /** The key as written: the exact one, else the first near miss; undefined when absent. */
  readonly presentKey: string | undefined;
  /** Its value: a string, null when not known statically, undefined when absent. */
  readonly value: string | null | undefined;
}

/**
 * Finds a policy key in a tag map, by its provider form and by near misses of the form or of
 * the canonical key (`costcenter`, `cost_center`, `Cost-Center` for `CostCenter`).
 */
export function lookupKey(tags: TagMap, rule: TagRule, provider: string): KeyLookup {
  const form = providerForm(rule, provider);
  const exact = Object.hasOwn(tags, form);
  const wanted = new Set([normalizeKey(form), normalizeKey(rule.key)]);
  const nearMisses = Object.keys(tags).filter(
    (key) => key !== form && wanted.has(normalizeKey(key)),
  );
  const presentKey = exact ? form : nearMisses[0];
  return {
    form,
    exact,
    nearMisses,
    presentKey,
    value: presentKey === undefined ? undefined : tags[presentKey],
  };
}

/** `cost_center (policy key CostCenter)` when the provider form differs, else the key. */
export function keyLabel(rule: TagRule, form: string): string {
  return form === rule.key ? form : `${form} (policy key ${rule.key})`;
}

/** The policy key named `key`, if any. */
export function policyKey(policy: Policy, key: string): TagRule | undefined {
  return policy.tags.find((rule) => rule.key === key);
}

/**
 * The values `rule` allows in this map: its `values`, narrowed by `values_by` when the
 * parent's value is known and listed. Undefined when any value is allowed.
 */
export function allowedValues(
  policy: Policy,
  rule: TagRule,
  tags: TagMap,
  provider: string,
): readonly string[] | undefined {
  const byParent = rule.valuesByParent;
  const parent = byParent ? policyKey(policy, byParent.parent) : undefined;
  if (byParent && parent) {
    const parentValue = lookupKey(tags, parent, provider).value;
    const narrowed = typeof parentValue === 'string' ? byParent.allowed[parentValue] : undefined;
    if (narrowed) return narrowed;
  }
  return rule.values;
}

/**
 * What to write as the value in a fix: the only allowed value, the policy's `default` when it
 * is allowed here, else a placeholder: `<one of: prod, staging>`, `<value matching ^v1$>`.
 */
export function valuePlaceholder(rule: TagRule, allowed: readonly string[] | undefined): string {
  if (allowed && allowed.length === 1) return allowed[0] ?? '<value>';
  if (rule.default !== undefined && (!allowed || allowed.includes(rule.default))) {
    return rule.default;
  }
  if (allowed) return `<one of: ${allowed.join(', ')}>`;
  if (rule.pattern) return `<value matching ${rule.pattern.source}>`;
  return '<value>';
}

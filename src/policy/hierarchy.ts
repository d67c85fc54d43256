import { nearest } from './nearest.js';
import type { RawTagRule } from './raw.js';
import type { PolicySource } from './source.js';
import type { TagRule } from './types.js';

/**
 * Checks that keys refer to each other sensibly: `requires` and `values_by` name keys of the
 * policy other than the key itself, `values_by` lists only values the parent and the child
 * allow, and no key requires itself through a chain of parents. Throws `PolicyError` at the
 * first offending entry.
 */
export function checkHierarchy(
  tags: readonly TagRule[],
  raw: Readonly<Record<string, RawTagRule>>,
  source: PolicySource,
): void {
  const byKey = new Map(tags.map((rule) => [rule.key, rule]));
  for (const rule of tags) {
    rule.requires.forEach((parent, index) => {
      checkParentName(
        rule.key,
        parent,
        byKey,
        source,
        ['tags', rule.key, 'requires', index],
        'value',
      );
    });
    if (rule.valuesByParent) checkValuesBy(rule, byKey, raw, source);
  }
  rejectCycles(tags, source);
}

function checkParentName(
  child: string,
  parent: string,
  byKey: ReadonlyMap<string, TagRule>,
  source: PolicySource,
  path: readonly (string | number)[],
  part: 'key' | 'value',
): void {
  const property = path[2];
  if (parent === child) {
    throw source.error(
      path,
      `tags.${child}.${property} names ${child} itself; name a parent key`,
      part,
    );
  }
  if (byKey.has(parent)) return;
  const others = [...byKey.keys()].filter((key) => key !== child);
  const suggestion = nearest(parent, others);
  const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
  const allowed = others.length === 0 ? 'none: add the parent under tags first' : others.join(', ');
  throw source.error(
    path,
    `tags.${child}.${property} names ${parent}, which is not a key of this policy${hint}; ` +
      `allowed: ${allowed}`,
    part,
  );
}

function checkValuesBy(
  rule: TagRule,
  byKey: ReadonlyMap<string, TagRule>,
  raw: Readonly<Record<string, RawTagRule>>,
  source: PolicySource,
): void {
  const valuesBy = rule.valuesByParent;
  if (!valuesBy) return;
  const base = ['tags', rule.key, 'values_by', valuesBy.parent];
  checkParentName(rule.key, valuesBy.parent, byKey, source, base, 'key');

  const parentValues = raw[valuesBy.parent]?.values;
  for (const [parentValue, childValues] of Object.entries(valuesBy.allowed)) {
    if (parentValues && !parentValues.includes(parentValue)) {
      throw source.error(
        [...base, parentValue],
        `tags.${rule.key}.values_by.${valuesBy.parent} lists ${JSON.stringify(parentValue)}, ` +
          `which is not a value of ${valuesBy.parent}; allowed: ${parentValues.join(', ')}`,
        'key',
      );
    }
    const index = rule.values
      ? childValues.findIndex((value) => !rule.values?.includes(value))
      : -1;
    if (rule.values && index >= 0) {
      throw source.error(
        [...base, parentValue, index],
        `tags.${rule.key}.values_by.${valuesBy.parent}.${parentValue} lists ` +
          `${JSON.stringify(childValues[index])}, which is not a value of ${rule.key}; ` +
          `allowed: ${rule.values.join(', ')}`,
      );
    }
  }
}

/** Parents of a key: its `requires` plus its `values_by` parent. */
function parentsOf(rule: TagRule): string[] {
  const parents = [...rule.requires];
  if (rule.valuesByParent) parents.push(rule.valuesByParent.parent);
  return parents;
}

function rejectCycles(tags: readonly TagRule[], source: PolicySource): void {
  const byKey = new Map(tags.map((rule) => [rule.key, rule]));
  const done = new Set<string>();

  const visit = (key: string, chain: readonly string[]): void => {
    if (done.has(key)) return;
    const start = chain.indexOf(key);
    if (start >= 0) {
      const cycle = [...chain.slice(start), key].join(' -> ');
      const owner = chain[chain.length - 1] ?? key;
      throw source.error(
        ['tags', owner],
        `tags.${owner} closes a cycle of parent keys: ${cycle}; ` +
          'parents must form a tree, so remove one link',
        'key',
      );
    }
    const rule = byKey.get(key);
    for (const parent of rule ? parentsOf(rule) : []) visit(parent, [...chain, key]);
    done.add(key);
  };
  for (const rule of tags) visit(rule.key, []);
}

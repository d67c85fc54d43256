import {
  listValue,
  mapValue,
  unknown,
  valuesEqual,
  type Entry,
  type MapValue,
  type Value,
} from './value.js';

/**
 * The value of `condition ? a : b` when the condition is not known. Two maps (or a map and
 * null, which adds no tags) give every key of either branch: a key set by both branches with
 * the same value keeps it; any other key is present with an unknown value. Counting a key
 * that only one branch sets as present is the lenient reading: the resource is not reported
 * for a key it may carry. Lists are joined likewise. Anything else is unknown. A tag
 * attribute is also read once per branch where it can be (`variants.ts`), and each reading is
 * judged; this combined value is the resource's one map beside those readings.
 */
export function combineBranches(then: Value, otherwise: Value, reason: string): Value {
  const because = `condition is not known: ${reason}`;
  if (valuesEqual(then, otherwise) === true) return then;
  const left = asMapOrEmpty(then);
  const right = asMapOrEmpty(otherwise);
  if (left && right) return combineMaps(left, right, because);
  if (left && otherwise.kind === 'unknown') return unknownValues(left, because);
  if (right && then.kind === 'unknown') return unknownValues(right, because);
  if (then.kind === 'list' && otherwise.kind === 'list') {
    return listValue([...then.items, ...otherwise.items], then.partial ?? otherwise.partial);
  }
  return unknown(because);
}

function asMapOrEmpty(value: Value): MapValue | undefined {
  if (value.kind === 'map') return value;
  if (value.kind === 'null') return mapValue(new Map());
  return undefined;
}

function combineMaps(left: MapValue, right: MapValue, because: string): Value {
  const entries = new Map<string, Entry>();
  for (const [key, entry] of left.entries) {
    const other = right.entries.get(key);
    const same = other !== undefined && valuesEqual(entry.value, other.value) === true;
    entries.set(key, same ? entry : { ...entry, value: unknown(because) });
  }
  for (const [key, entry] of right.entries) {
    if (!entries.has(key)) entries.set(key, { ...entry, value: unknown(because) });
  }
  return mapValue(entries, left.partial ?? right.partial);
}

function unknownValues(known: MapValue, because: string): Value {
  if (known.entries.size === 0) return unknown(because);
  const entries = new Map<string, Entry>();
  for (const [key, entry] of known.entries) entries.set(key, { ...entry, value: unknown(because) });
  return mapValue(entries, because);
}

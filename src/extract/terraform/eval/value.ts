/**
 * Values of the Terraform expression evaluator. A value is either known, wholly unknown (with
 * the reason, for messages), or a map or list whose known part is kept while `partial` says
 * why more entries may exist: the tflint reading, where keys that are known count.
 */

/** Where a map entry was written, so a finding can point at the key. */
export interface Origin {
  /** Path relative to the working directory. */
  readonly file: string;
  readonly line: number;
  /** In the user's terms: `resource`, `local.tags`, `var.tags`, `default_tags`, ... */
  readonly source: string;
}

/** One key of a map value. */
export interface Entry {
  readonly value: Value;
  readonly origin?: Origin;
}

/** A value as far as it is known before `terraform plan`. */
export type Value =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'null' }
  /**
   * Not known statically. `error` marks what Terraform itself would reject (a missing map
   * key, a wrong type), which `try` and `can` treat differently from a value known later.
   */
  | { readonly kind: 'unknown'; readonly reason: string; readonly error?: boolean }
  | {
      readonly kind: 'map';
      readonly entries: ReadonlyMap<string, Entry>;
      readonly partial?: string;
    }
  | { readonly kind: 'list'; readonly items: readonly Value[]; readonly partial?: string };

/** Unknown value kinds narrowed. */
export type UnknownValue = Extract<Value, { kind: 'unknown' }>;
export type MapValue = Extract<Value, { kind: 'map' }>;
export type ListValue = Extract<Value, { kind: 'list' }>;

export const NULL: Value = { kind: 'null' };

/** A known string. */
export function str(value: string): Value {
  return { kind: 'string', value };
}

/** A value that is not known statically, with the reason in the user's terms. */
export function unknown(reason: string): UnknownValue {
  return { kind: 'unknown', reason };
}

/** What Terraform would reject at plan time; `try` skips it. */
export function failure(reason: string): UnknownValue {
  return { kind: 'unknown', reason, error: true };
}

/** A map from entries, optionally marked as possibly having more unknown keys. */
export function mapValue(entries: ReadonlyMap<string, Entry>, partial?: string): MapValue {
  return partial === undefined ? { kind: 'map', entries } : { kind: 'map', entries, partial };
}

/** A list of items, optionally marked as possibly having more unknown items. */
export function listValue(items: readonly Value[], partial?: string): ListValue {
  return partial === undefined ? { kind: 'list', items } : { kind: 'list', items, partial };
}

/** The text of a primitive value as Terraform converts it to a string; `undefined` otherwise. */
export function asText(value: Value): string | undefined {
  if (value.kind === 'string') return value.value;
  if (value.kind === 'number') return String(value.value);
  if (value.kind === 'bool') return value.value ? 'true' : 'false';
  return undefined;
}

/** Whether two known values are equal; `undefined` when either is not wholly known. */
export function valuesEqual(a: Value, b: Value): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if ((a.kind === 'map' && a.partial) || (b.kind === 'map' && b.partial)) return undefined;
  if ((a.kind === 'list' && a.partial) || (b.kind === 'list' && b.partial)) return undefined;
  if (a.kind === 'null' || b.kind === 'null') return a.kind === b.kind;
  const textA = asText(a);
  const textB = asText(b);
  if (textA !== undefined && textB !== undefined) return a.kind === b.kind && textA === textB;
  if (a.kind === 'list' && b.kind === 'list') return listsEqual(a.items, b.items);
  if (a.kind === 'map' && b.kind === 'map') return mapsEqual(a.entries, b.entries);
  return false;
}

function listsEqual(a: readonly Value[], b: readonly Value[]): boolean | undefined {
  if (a.length !== b.length) return false;
  let result: boolean | undefined = true;
  a.forEach((item, index) => {
    const other = b[index];
    const equal = other === undefined ? false : valuesEqual(item, other);
    if (equal === false) result = false;
    else if (equal === undefined && result) result = undefined;
  });
  return result;
}

function mapsEqual(
  a: ReadonlyMap<string, Entry>,
  b: ReadonlyMap<string, Entry>,
): boolean | undefined {
  if (a.size !== b.size) return false;
  let result: boolean | undefined = true;
  for (const [key, entry] of a) {
    const other = b.get(key);
    const equal = other === undefined ? false : valuesEqual(entry.value, other.value);
    if (equal === false) return false;
    if (equal === undefined) result = undefined;
  }
  return result;
}

/** The reason a value is not wholly known, or `undefined` when it is. */
export function incompleteReason(value: Value): string | undefined {
  if (value.kind === 'unknown') return value.reason;
  if (value.kind === 'map' || value.kind === 'list') return value.partial;
  return undefined;
}

/** A short description of a value's type for messages: `a string`, `a list`, ... */
export function describeKind(value: Value): string {
  switch (value.kind) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'bool':
      return 'a boolean';
    case 'null':
      return 'null';
    case 'unknown':
      return 'an unknown value';
    case 'map':
      return 'a map';
    case 'list':
      return 'a list';
  }
}

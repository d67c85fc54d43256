import type { Expr } from '../hcl/ast.js';
import type { Env } from './evaluate.js';
import { asText, listValue, mapValue, str, unknown, type Entry, type Value } from './value.js';

type ForExpr = Extract<Expr, { kind: 'for' }>;
type Evaluate = (expr: Expr, env: Env) => Value;

/** One element of a collection being iterated: its key (or index) and its value. */
export interface Element {
  readonly key: Value;
  readonly value: Value;
}

/**
 * The elements of a known collection, as `for` and `for_each` iterate them: maps by key in
 * lexical order, lists by index. `undefined` for anything that is not a known collection.
 */
export function elementsOf(collection: Value): Element[] | undefined {
  if (collection.kind === 'map') {
    return [...collection.entries.keys()]
      .sort()
      .map((key) => ({ key: str(key), value: (collection.entries.get(key) as Entry).value }));
  }
  if (collection.kind === 'list') {
    return collection.items.map((value, index) => ({
      key: { kind: 'number', value: index },
      value,
    }));
  }
  return undefined;
}

/**
 * Evaluates `[for ...]` and `{for ...}` over a known collection. Elements whose `if` is not
 * known are kept (their keys count as present); an unknown collection gives an unknown value.
 */
export function evaluateFor(expr: ForExpr, env: Env, evaluate: Evaluate): Value {
  const collection = evaluate(expr.collection, env);
  if (collection.kind === 'unknown') return collection;
  const elements = elementsOf(collection);
  if (!elements) return unknown(`for expression over ${collection.kind}`);
  const partial =
    collection.kind === 'map' || collection.kind === 'list' ? collection.partial : undefined;

  const entries = new Map<string, Entry>();
  const grouped = new Map<string, Value[]>();
  const items: Value[] = [];
  let unknownKey: string | undefined;
  for (const element of elements) {
    const bindings = new Map(env.bindings);
    if (expr.keyVar) bindings.set(expr.keyVar, element.key);
    bindings.set(expr.valueVar, element.value);
    const inner: Env = { ...env, bindings };
    if (expr.condition) {
      const keep = evaluate(expr.condition, inner);
      if (keep.kind === 'bool' && !keep.value) continue;
    }
    const value = evaluate(expr.value, inner);
    if (!expr.key) {
      items.push(value);
      continue;
    }
    const key = evaluate(expr.key, inner);
    const text = asText(key);
    if (text === undefined) {
      unknownKey ??= key.kind === 'unknown' ? key.reason : `a ${key.kind} key`;
      continue;
    }
    if (expr.grouped) grouped.set(text, [...(grouped.get(text) ?? []), value]);
    else
      entries.set(text, { value, origin: { file: env.file, line: expr.line, source: env.label } });
  }

  if (!expr.key) return listValue(items, partial);
  for (const [key, values] of grouped) {
    entries.set(key, {
      value: listValue(values),
      origin: { file: env.file, line: expr.line, source: env.label },
    });
  }
  const because = unknownKey ? `a key is not known (${unknownKey})` : partial;
  return mapValue(entries, because);
}

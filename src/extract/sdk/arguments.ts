import type { Node } from 'web-tree-sitter';
import { excerpt, type Located, type StaticValue } from './static-value.js';
import { keyTextAt, namedChildrenOf, splitPair, typeOf } from './syntax.js';
import { evaluate, lazy, lazyField, type EvalContext } from './values.js';

/** A call's arguments, evaluated: positional ones in order, keyword ones as a map. */
export interface CallArguments {
  readonly positional: readonly Located[];
  /**
   * Python keyword arguments merged with `**splats`; for JS, the first argument when it is
   * an object literal or a name bound to one (the request of an SDK method or command).
   */
  readonly keywords: StaticValue;
}

/** Evaluates the arguments of a call or `new` expression. */
export function callArguments(call: Node, context: EvalContext): CallArguments {
  const list = call.childForFieldName('arguments');
  const args = list ? namedChildrenOf(list).filter((arg) => typeOf(arg) !== 'comment') : [];
  if (typeOf(list) === 'argument_list') return pythonArguments(args, context);
  const positional = args.map((arg) => lazy(arg, context));
  const first = positional[0]?.value;
  const keywords: StaticValue =
    first && (first.kind === 'map' || first.kind === 'unknown')
      ? first
      : { kind: 'map', entries: new Map() };
  return { positional, keywords };
}

function pythonArguments(args: readonly Node[], context: EvalContext): CallArguments {
  const positional: Located[] = [];
  const entries = new Map<string, Located>();
  let open: string | undefined;
  for (const arg of args) {
    if (typeOf(arg) === 'keyword_argument') {
      const keyText = context.facts.wellFormed
        ? keyTextAt(context.facts.text, arg.startIndex, '=', true)
        : undefined;
      if (keyText !== undefined) {
        entries.set(keyText, lazyField(arg, 'value', context));
        continue;
      }
      const split = context.facts.wellFormed
        ? splitPair(arg, context.facts.text, '=', true)
        : undefined;
      const name = split?.keyText ?? arg.childForFieldName('name')?.text;
      const value = split ? split.value : arg.childForFieldName('value');
      if (name && value) entries.set(name, lazy(value, context));
    } else if (typeOf(arg) === 'dictionary_splat') {
      const inner = arg.namedChildren[0];
      const splat = inner ? evaluate(inner, context) : undefined;
      if (splat?.kind === 'map') {
        for (const [key, value] of splat.entries) if (!entries.has(key)) entries.set(key, value);
        open ??= splat.open;
      } else {
        open ??= `\`${excerpt(arg)}\``;
      }
    } else if (typeOf(arg) === 'list_splat') {
      open ??= `\`${excerpt(arg)}\``;
    } else {
      positional.push(lazy(arg, context));
    }
  }
  const keywords: StaticValue =
    open === undefined ? { kind: 'map', entries } : { kind: 'map', entries, open };
  return { positional, keywords };
}

/** The value at a parameter path (`Tagging.TagSet`) of a request, or why it is not known. */
export function lookupPath(
  request: StaticValue,
  path: readonly string[],
): { readonly found: Located } | { readonly absent: true } | { readonly unknown: string } {
  let current: StaticValue = request;
  let found: Located | undefined;
  for (const key of path) {
    if (current.kind === 'unknown') return { unknown: current.reason };
    if (current.kind !== 'map') return { absent: true };
    const entry = current.entries.get(key);
    if (!entry) return current.open === undefined ? { absent: true } : { unknown: current.open };
    found = entry;
    current = entry.value;
  }
  return found ? { found } : { absent: true };
}

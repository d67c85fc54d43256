import {
  asText,
  failure,
  incompleteReason,
  listValue,
  mapValue,
  NULL,
  str,
  unknown,
  valuesEqual,
  type Entry,
  type Value,
} from './value.js';

type TerraformFunction = (args: readonly Value[]) => Value;

/**
 * Calls a Terraform built-in function on evaluated arguments. The functions that build tag
 * maps are implemented (merge, lookup, tomap, try, coalesce, concat, format, ...); any other
 * gives an unknown value naming the function, so the caller can say what was not evaluated.
 */
export function callFunction(name: string, args: readonly Value[]): Value {
  const implementation = FUNCTIONS[name];
  if (!implementation) return unknown(`function ${name}() is not evaluated`);
  return implementation(args);
}

const FUNCTIONS: Readonly<Record<string, TerraformFunction>> = {
  merge,
  lookup,
  try: tryValues,
  can: (args) => ({ kind: 'bool', value: !(args[0]?.kind === 'unknown' && args[0].error) }),
  coalesce,
  concat,
  format,
  tomap: (args) => passKinds(args[0], ['map', 'null']),
  toset: (args) => passKinds(args[0], ['list', 'null']),
  tolist: (args) => passKinds(args[0], ['list', 'null']),
  tostring: (args) => textual(args[0], (text) => text),
  lower: (args) => textual(args[0], (text) => text.toLowerCase()),
  upper: (args) => textual(args[0], (text) => text.toUpperCase()),
  trimspace: (args) => textual(args[0], (text) => text.trim()),
  join,
  keys: (args) => mapPart(args[0], (map) => listValue([...map.entries.keys()].sort().map(str))),
  values: (args) =>
    mapPart(args[0], (map) =>
      listValue([...map.entries.keys()].sort().map((key) => map.entries.get(key)?.value ?? NULL)),
    ),
  length,
  contains,
  zipmap,
  element: (args) => {
    const [list, position] = args;
    if (list?.kind !== 'list' || list.partial || position?.kind !== 'number') return opaque(args);
    return list.items[position.value % Math.max(list.items.length, 1)] ?? failure('empty list');
  },
};

function opaque(args: readonly Value[]): Value {
  const reason = args.map(incompleteReason).find((found) => found !== undefined);
  return unknown(reason ?? 'arguments are not of the expected type');
}

/**
 * `merge(a, b, ...)`: later maps win; null arguments add nothing. An unknown argument leaves
 * the keys known so far in place and marks the result partial.
 */
function merge(args: readonly Value[]): Value {
  const entries = new Map<string, Entry>();
  let partial: string | undefined;
  let known = false;
  for (const arg of args) {
    if (arg.kind === 'null') continue;
    if (arg.kind === 'map') {
      known = true;
      for (const [key, entry] of arg.entries) entries.set(key, entry);
      partial ??= arg.partial;
    } else if (arg.kind === 'unknown') {
      partial ??= arg.reason;
    } else {
      return failure(`merge() takes maps, not ${arg.kind}`);
    }
  }
  if (!known && partial) return unknown(partial);
  return mapValue(entries, partial);
}

function lookup(args: readonly Value[]): Value {
  const [map, key, fallback] = args;
  if (!map || !key) return failure('lookup() needs a map and a key');
  if (map.kind === 'unknown') return map;
  if (key.kind === 'unknown') return key;
  const text = asText(key);
  if (map.kind !== 'map' || text === undefined) return failure('lookup() needs a map and a key');
  const entry = map.entries.get(text);
  if (entry) return entry.value;
  if (map.partial) return unknown(map.partial);
  return fallback ?? failure(`lookup(): key ${JSON.stringify(text)} does not exist`);
}

function tryValues(args: readonly Value[]): Value {
  for (const arg of args) {
    if (!(arg.kind === 'unknown' && arg.error)) return arg;
  }
  return args[args.length - 1] ?? failure('try() needs arguments');
}

function coalesce(args: readonly Value[]): Value {
  for (const arg of args) {
    if (arg.kind === 'unknown') return arg;
    if (arg.kind === 'null' || (arg.kind === 'string' && arg.value === '')) continue;
    return arg;
  }
  return failure('coalesce(): no non-empty argument');
}

function concat(args: readonly Value[]): Value {
  const items: Value[] = [];
  let partial: string | undefined;
  let known = false;
  for (const arg of args) {
    if (arg.kind === 'list') {
      known = true;
      items.push(...arg.items);
      partial ??= arg.partial;
    } else if (arg.kind === 'unknown') {
      partial ??= arg.reason;
    } else if (arg.kind !== 'null') {
      return failure(`concat() takes lists, not ${arg.kind}`);
    }
  }
  if (!known && partial) return unknown(partial);
  return listValue(items, partial);
}

/** `format` with the verbs that tag values use: `%s`, `%d`, `%v`, `%%`. */
function format(args: readonly Value[]): Value {
  const [pattern, ...rest] = args;
  if (pattern?.kind === 'unknown') return pattern;
  if (pattern?.kind !== 'string') return failure('format() needs a format string');
  const pending = rest.find((arg) => arg.kind === 'unknown');
  if (pending) return pending;
  let next = 0;
  let failed = false;
  const text = pattern.value.replace(/%(%|[-+# 0-9.]*[sdvqf])/g, (match, verb: string) => {
    if (verb === '%') return '%';
    const value = rest[next++];
    const piece = value === undefined ? undefined : asText(value);
    if (piece === undefined) failed = true;
    return verb.endsWith('q') ? JSON.stringify(piece) : (piece ?? match);
  });
  return failed ? unknown('format() argument is not a string or number') : str(text);
}

function passKinds(value: Value | undefined, kinds: readonly Value['kind'][]): Value {
  if (!value) return failure('missing argument');
  if (value.kind === 'unknown' || kinds.includes(value.kind)) return value;
  return failure(`cannot convert ${value.kind}`);
}

function textual(value: Value | undefined, change: (text: string) => string): Value {
  if (value?.kind === 'unknown') return value;
  const text = value === undefined ? undefined : asText(value);
  return text === undefined ? failure('expected a string') : str(change(text));
}

function join(args: readonly Value[]): Value {
  const [separator, ...lists] = args;
  if (separator?.kind !== 'string') return opaque(args);
  const pieces: string[] = [];
  for (const list of lists) {
    if (list.kind !== 'list' || list.partial) return opaque(args);
    for (const item of list.items) {
      const text = asText(item);
      if (text === undefined) return opaque([item]);
      pieces.push(text);
    }
  }
  return str(pieces.join(separator.value));
}

function mapPart(
  value: Value | undefined,
  read: (map: Extract<Value, { kind: 'map' }>) => Value,
): Value {
  if (value?.kind !== 'map' || value.partial) return opaque(value ? [value] : []);
  return read(value);
}

function length(args: readonly Value[]): Value {
  const [value] = args;
  if (value?.kind === 'list' && !value.partial)
    return { kind: 'number', value: value.items.length };
  if (value?.kind === 'map' && !value.partial) return { kind: 'number', value: value.entries.size };
  if (value?.kind === 'string') return { kind: 'number', value: [...value.value].length };
  return opaque(args);
}

function contains(args: readonly Value[]): Value {
  const [list, wanted] = args;
  if (list?.kind !== 'list' || !wanted) return opaque(args);
  let undecided = false;
  for (const item of list.items) {
    const equal = valuesEqual(item, wanted);
    if (equal === true) return { kind: 'bool', value: true };
    if (equal === undefined) undecided = true;
  }
  if (undecided || list.partial) return opaque(args);
  return { kind: 'bool', value: false };
}

function zipmap(args: readonly Value[]): Value {
  const [keys, values] = args;
  if (keys?.kind !== 'list' || values?.kind !== 'list' || keys.partial || values.partial) {
    return opaque(args);
  }
  const entries = new Map<string, Entry>();
  keys.items.forEach((key, position) => {
    const text = asText(key);
    if (text !== undefined) entries.set(text, { value: values.items[position] ?? NULL });
  });
  return mapValue(entries);
}

import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { Node as YamlNode, Pair, YAMLMap, YAMLSeq } from 'yaml';

/**
 * Reading the parsed YAML tree of a manifest without converting it to plain objects: the nodes
 * keep their source offsets, so every value read here can name its exact line, and nothing is
 * expanded that the extractor does not look at (aliases are resolved one node at a time).
 */

/** One parsed YAML document with what is needed to turn offsets into lines. */
export interface YamlSource {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
}

/** Aliases that point at aliases are followed this far, then treated as absent. */
const MAX_ALIAS_HOPS = 8;

/** The node itself, or what an alias points at; `undefined` for a dangling alias or null. */
export function resolveNode(source: YamlSource, node: unknown): YamlNode | undefined {
  let current = node;
  for (let hop = 0; hop < MAX_ALIAS_HOPS && isAlias(current); hop += 1) {
    current = current.resolve(source.doc);
  }
  if (isMap(current) || isSeq(current) || isScalar(current)) return current;
  return undefined;
}

/** The node as a mapping, after aliases; `undefined` when it is anything else. */
export function asMap(source: YamlSource, node: unknown): YAMLMap | undefined {
  const resolved = resolveNode(source, node);
  return isMap(resolved) ? resolved : undefined;
}

/** The node as a sequence, after aliases; `undefined` when it is anything else. */
export function asSeq(source: YamlSource, node: unknown): YAMLSeq | undefined {
  const resolved = resolveNode(source, node);
  return isSeq(resolved) ? resolved : undefined;
}

/** The string form of a key node, or `undefined` for a complex (map or sequence) key. */
export function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  return scalarText(key.value, key.source);
}

/**
 * A scalar as the text the user wrote: strings as they are, numbers and booleans in their
 * source spelling (`1.10` stays `1.10`), YAML null as `null`.
 */
export function scalarValue(source: YamlSource, node: unknown): string | null | undefined {
  const resolved = resolveNode(source, node);
  if (resolved === undefined) return node === null || node === undefined ? null : undefined;
  if (!isScalar(resolved)) return undefined;
  if (resolved.value === null || resolved.value === undefined) return null;
  return scalarText(resolved.value, resolved.source);
}

/**
 * `number` or `boolean` when `node` is a plain scalar the Kubernetes API's YAML decoder reads
 * as one (YAML 1.1 as in go-yaml: `1.10`, `0x1F`, `1_000`, `.5`, `yes`, `off`, `y`), so that a
 * field that takes only strings (a label, an annotation) cannot hold it; `undefined` for text,
 * quoted or tagged scalars and anything else.
 */
export function nonStringScalar(
  source: YamlSource,
  node: unknown,
): 'number' | 'boolean' | undefined {
  const resolved = resolveNode(source, node);
  if (!isScalar(resolved) || resolved.type !== 'PLAIN' || resolved.tag !== undefined) {
    return undefined;
  }
  const text = resolved.source;
  if (typeof text !== 'string' || text === '') return undefined;
  if (YAML11_BOOLEAN.test(text)) return 'boolean';
  const digits = text.replace(/_/g, '');
  return GO_INTEGER.test(digits) || YAML_FLOAT.test(digits) || SPECIAL_FLOAT.test(text)
    ? 'number'
    : undefined;
}

const YAML11_BOOLEAN =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const GO_INTEGER = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|[0-9]+)$/;
const YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL_FLOAT = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function scalarText(value: unknown, source: string | undefined): string {
  if (typeof value === 'string') return value;
  return source ?? String(value);
}

/**
 * The pairs of a mapping in the order they take effect: entries merged in through `<<` first,
 * then the mapping's own entries, so that a later `set` of the same key wins.
 */
export function mapPairs(source: YamlSource, map: YAMLMap): readonly Pair[] {
  if (!map.items.some((pair) => keyText(pair.key) === '<<')) return map.items;
  const merged: Pair[] = [];
  const own: Pair[] = [];
  for (const pair of map.items) {
    if (keyText(pair.key) === '<<' && !isScalar(resolveNode(source, pair.value))) {
      merged.push(...mergedPairs(source, pair.value));
    } else {
      own.push(pair);
    }
  }
  return merged.length === 0 ? own : [...merged, ...own];
}

function mergedPairs(source: YamlSource, value: unknown): readonly Pair[] {
  const map = asMap(source, value);
  if (map) return mapPairs(source, map);
  const seq = asSeq(source, value);
  if (!seq) return [];
  // In a merge list the first mapping wins, so later ones go first and are overridden.
  return [...seq.items].reverse().flatMap((item) => {
    const itemMap = asMap(source, item);
    return itemMap ? mapPairs(source, itemMap) : [];
  });
}

/** The pair of `key` in a mapping (own entries before merged ones), or `undefined`. */
export function findPair(source: YamlSource, map: YAMLMap, key: string): Pair | undefined {
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === key) return pair;
  }
  for (const pair of map.items) {
    if (keyText(pair.key) !== '<<') continue;
    const found = mergedPairs(source, pair.value).findLast((candidate) => {
      return keyText(candidate.key) === key;
    });
    if (found) return found;
  }
  return undefined;
}

/** The value node of `key` in a mapping node, after aliases. */
export function getIn(source: YamlSource, node: unknown, key: string): YamlNode | undefined {
  const map = asMap(source, node);
  if (!map) return undefined;
  const pair = findPair(source, map, key);
  return pair ? resolveNode(source, pair.value) : undefined;
}

/** The value of `key` as a string scalar, or `undefined` when absent, null or not a scalar. */
export function getString(source: YamlSource, node: unknown, key: string): string | undefined {
  const value = getIn(source, node, key);
  if (!isScalar(value)) return undefined;
  return scalarValue(source, value) ?? undefined;
}

/** 1-based line of a source offset. */
export function lineAt(source: YamlSource, offset: number): number {
  return source.lineCounter.linePos(offset).line;
}

/** 1-based line where a node starts, or `fallback` for a node without a source range. */
export function nodeLine(source: YamlSource, node: unknown, fallback: number): number {
  if (node === null || typeof node !== 'object' || !('range' in node)) return fallback;
  const range = (node as { range?: readonly number[] | null }).range;
  const start = range?.[0];
  return start === undefined ? fallback : lineAt(source, start);
}

/** 1-based line of the key of `key` in a mapping node, or `undefined` when it is absent. */
export function keyLine(source: YamlSource, node: unknown, key: string): number | undefined {
  const map = asMap(source, node);
  const pair = map ? findPair(source, map, key) : undefined;
  if (!pair) return undefined;
  return nodeLine(source, pair.key, nodeLine(source, map, 1));
}

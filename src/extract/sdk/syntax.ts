import type { Node } from 'web-tree-sitter';

/** 1-based line of a node's first character. */
export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

/** The named children of a node, without the `null` holes web-tree-sitter may return. */
export function namedChildrenOf(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null);
}

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  '\\': '\\',
  '"': '"',
  "'": "'",
  '`': '`',
};

function unescape(sequence: string): string {
  const code = sequence.slice(1);
  if (code.length === 1 && ESCAPES[code] !== undefined) return ESCAPES[code];
  if (/^(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})$/.test(code)) {
    return String.fromCharCode(Number.parseInt(code.slice(1), 16));
  }
  return sequence;
}

const STRING_PARTS = new Set(['string_content', 'string_fragment']);
const STRING_DELIMITERS = new Set(['string_start', 'string_end', '"', "'", '`']);

/**
 * The value of a string literal (Python `"..."`, adjacent literals, JS quotes, a template
 * without substitutions); `null` for anything that is built at run time or is not a string.
 */
export function stringLiteral(node: Node): string | null {
  if (node.type === 'concatenated_string') {
    let joined = '';
    for (const part of namedChildrenOf(node)) {
      const value = stringLiteral(part);
      if (value === null) return null;
      joined += value;
    }
    return joined;
  }
  if (node.type !== 'string' && node.type !== 'template_string') return null;
  if (node.type === 'string' && isBytesLiteral(node)) return null;
  let value = '';
  for (const part of node.children) {
    if (!part) continue;
    if (STRING_PARTS.has(part.type)) value += part.text;
    else if (part.type === 'escape_sequence') value += unescape(part.text);
    else if (!STRING_DELIMITERS.has(part.type)) return null;
  }
  return value;
}

function isBytesLiteral(node: Node): boolean {
  const start = node.firstChild;
  return start?.type === 'string_start' && /^[rR]?[bB]/.test(start.text);
}

/** Wrappers that do not change a value: parentheses, `await`, TypeScript casts. */
const TRANSPARENT = new Set([
  'parenthesized_expression',
  'await',
  'await_expression',
  'as_expression',
  'satisfies_expression',
  'non_null_expression',
  'type_assertion',
]);

/** The expression inside any parentheses, `await` or type casts. */
export function unwrap(node: Node): Node {
  let current = node;
  while (TRANSPARENT.has(current.type)) {
    const inner =
      current.type === 'type_assertion' ? current.namedChildren[1] : current.namedChildren[0];
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** `a.b.c` as `{ base: a, segments: [b, c] }`, for attribute and member chains. */
export function memberChain(node: Node): { base: Node; segments: string[]; nodes: Node[] } {
  const segments: string[] = [];
  const nodes: Node[] = [];
  let current = unwrap(node);
  for (;;) {
    if (current.type !== 'attribute' && current.type !== 'member_expression') break;
    const object = current.childForFieldName('object');
    const property =
      current.childForFieldName('attribute') ?? current.childForFieldName('property');
    if (!object || !property) break;
    segments.unshift(property.text);
    nodes.unshift(current);
    current = unwrap(object);
  }
  return { base: current, segments, nodes };
}

/** Removes whitespace so that `self.client .create` and `self.client.create` compare equal. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

const wordPatterns = new Map<string, RegExp>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where `words` occur in `text` as whole words (not inside a longer name), optionally only
 * where `after` (a sticky pattern) matches right behind them. Returns [start, end) offsets in
 * the UTF-16 units tree-sitter's JavaScript binding indexes by.
 */
export function wordOccurrences(
  text: string,
  words: string | readonly string[],
  after?: RegExp,
): [number, number][] {
  const list = typeof words === 'string' ? [words] : words;
  if (list.length === 0) return [];
  const key = list.join('|');
  let pattern = wordPatterns.get(key);
  if (!pattern) {
    const alternatives = [...list].sort((a, b) => b.length - a.length).map(escapeRegExp);
    pattern = new RegExp(`(?<![\\w$])(?:${alternatives.join('|')})(?![\\w$])`, 'g');
    wordPatterns.set(key, pattern);
  }
  const found: [number, number][] = [];
  for (const match of text.matchAll(pattern)) {
    const end = match.index + match[0].length;
    if (after) {
      after.lastIndex = end;
      if (!after.test(text)) continue;
    }
    found.push([match.index, end]);
  }
  return found;
}

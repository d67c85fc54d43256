import type { Node, Tree } from 'web-tree-sitter';
import { isNameChar } from './words.js';

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

/** A quoted literal (optionally `r` / `u` prefixed) without escapes, braces or `$`. */
const SIMPLE_LITERAL = /^[rRuU]?("""|'''|"|'|`)([^\\{}$`"']*)\1$/;

/**
 * The value of a string literal (Python `"..."`, adjacent literals, JS quotes, a template
 * without substitutions); `null` for anything that is built at run time or is not a string.
 */
export function stringLiteral(node: Node): string | null {
  if (typeOf(node) === 'concatenated_string') {
    let joined = '';
    for (const part of namedChildrenOf(node)) {
      const value = stringLiteral(part);
      if (value === null) return null;
      joined += value;
    }
    return joined;
  }
  if (typeOf(node) !== 'string' && typeOf(node) !== 'template_string') return null;
  // Most literals have no escapes, prefixes or substitutions: read them from the text alone,
  // which saves fetching every child node from the parser's memory.
  const simple = SIMPLE_LITERAL.exec(node.text);
  if (simple) return simple[2] ?? '';
  if (typeOf(node) === 'string' && isBytesLiteral(node)) return null;
  let value = '';
  for (const part of node.children) {
    if (!part) continue;
    if (STRING_PARTS.has(typeOf(part))) value += part.text;
    else if (typeOf(part) === 'escape_sequence') value += unescape(part.text);
    else if (!STRING_DELIMITERS.has(typeOf(part))) return null;
  }
  return value;
}

function isBytesLiteral(node: Node): boolean {
  const start = node.firstChild;
  return start !== null && typeOf(start) === 'string_start' && /^[rR]?[bB]/.test(start.text);
}

/**
 * The two parts of a `key: value` pair or a `name=value` keyword argument, with the key's
 * text when it is a plain string literal (`"k"`) or, where `names` says names are keys
 * (JavaScript object keys, Python keyword names), a plain name (`k`),
 * read from the source between the two parts instead of asking the parser for each field.
 * `undefined` when the pair has any other shape (comments, a computed key, a damaged tree):
 * then the caller asks the parser field by field.
 */
export function splitPair(
  pair: Node,
  source: string,
  separator: ':' | '=',
  names: boolean,
): { key: Node; value: Node; keyText: string | null } | undefined {
  const parts = pair.namedChildren;
  const key = parts[0];
  const value = parts[1];
  if (parts.length !== 2 || !key || !value) return undefined;
  const between = source.slice(key.startIndex, value.startIndex).trimEnd();
  if (!between.endsWith(separator)) return undefined;
  const keyText = between.slice(0, -1).trimEnd();
  const plain = SIMPLE_LITERAL.test(keyText) || (names && PLAIN_NAME.test(keyText));
  return { key, value, keyText: plain ? keyText : null };
}

const PLAIN_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A simple literal (as `SIMPLE_LITERAL`) where a sticky search starts, not anchored at the end. */
const SIMPLE_LITERAL_AT = /[rRuU]?("""|'''|"|'|`)([^\\{}$`"']*)\1/y;

/**
 * The key text of a `key: value` pair or a `name=value` keyword argument that starts at
 * `start`, read from the source alone: a plain string literal (`"k"`) or, where `names` says
 * names are keys, a plain name, followed by nothing but spaces up to `separator`. This is the
 * `keyText` `splitPair` finds, without fetching the two parts from the parser; `undefined` for
 * any other shape (a comment, a computed key), where the caller falls back to `splitPair`.
 * Only for well-formed trees, where the pair's value is the node after the separator.
 */
export function keyTextAt(
  source: string,
  start: number,
  separator: ':' | '=',
  names: boolean,
): string | undefined {
  let end = start;
  SIMPLE_LITERAL_AT.lastIndex = start;
  if (SIMPLE_LITERAL_AT.test(source)) {
    end = SIMPLE_LITERAL_AT.lastIndex;
  } else if (names) {
    while (end < source.length && isNameChar(source.charCodeAt(end))) end += 1;
  }
  if (end === start) return undefined;
  let at = end;
  while (at < source.length && WHITESPACE_CODES.has(source.charCodeAt(at))) at += 1;
  if (source[at] !== separator) return undefined;
  const keyText = source.slice(start, end);
  return SIMPLE_LITERAL.test(keyText) || (names && PLAIN_NAME.test(keyText)) ? keyText : undefined;
}

/** Space, tab, line feed and carriage return, as UTF-16 code units. */
const WHITESPACE_CODES: ReadonlySet<number> = new Set([32, 9, 10, 13]);

/** The value of a key text `splitPair` returned: a literal's content, or the name itself. */
export function plainKey(keyText: string): string {
  const literal = SIMPLE_LITERAL.exec(keyText);
  return literal ? (literal[2] ?? '') : keyText;
}

/**
 * The fields that hold the parts of member accesses, subscripts and calls, by node type: the
 * grammars name them differently (`attribute` / `property`, `value` / `object`), and asking for
 * a field a node does not have is one more round trip into the parser.
 */
const OBJECT_FIELD: Readonly<Record<string, string>> = {
  attribute: 'object',
  member_expression: 'object',
  subscript: 'value',
  subscript_expression: 'object',
};
const PROPERTY_FIELD: Readonly<Record<string, string>> = {
  attribute: 'attribute',
  member_expression: 'property',
};
const INDEX_FIELD: Readonly<Record<string, string>> = {
  subscript: 'subscript',
  subscript_expression: 'index',
};
const CALLEE_FIELD: Readonly<Record<string, string>> = {
  call: 'function',
  call_expression: 'function',
  new_expression: 'constructor',
};

function fieldOf(node: Node, fields: Readonly<Record<string, string>>): Node | null {
  const field = fields[typeOf(node)];
  return field === undefined ? null : node.childForFieldName(field);
}

/** `a` of `a.b` and `a[b]`; `null` for other nodes. */
export function objectOf(node: Node): Node | null {
  return fieldOf(node, OBJECT_FIELD);
}

/** `b` of `a.b`; `null` for other nodes. */
export function propertyOf(node: Node): Node | null {
  return fieldOf(node, PROPERTY_FIELD);
}

/** `b` of `a[b]`; `null` for other nodes. */
export function subscriptOf(node: Node): Node | null {
  return fieldOf(node, INDEX_FIELD);
}

/** The function a call calls, or the class `new` constructs; `null` for other nodes. */
export function calleeOf(node: Node): Node | null {
  return fieldOf(node, CALLEE_FIELD);
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
  while (TRANSPARENT.has(typeOf(current))) {
    const inner =
      typeOf(current) === 'type_assertion' ? current.namedChildren[1] : current.namedChildren[0];
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** An attribute or member chain, split into its base and the names after it. */
export interface MemberChain {
  readonly base: Node;
  readonly segments: readonly string[];
  readonly nodes: readonly Node[];
}

/**
 * `a.b.c` as `{ base: a, segments: [b, c] }`, for attribute and member chains. Remembered per
 * node of the current tree, with the chains of its prefixes (`a.b`) when the chain is short,
 * as real callees are: a call's callee is split by every reader that classifies it, and its
 * receiver is evaluated after. (Copying the prefixes of a chain thousands of names long, as
 * generated code may hold, would take time and memory growing with the square of its length.)
 */
export function memberChain(node: Node): MemberChain {
  const { chains } = treeMemory(node.tree);
  const known = chains.get(node.id);
  if (known) return known;
  const chain = splitChain(node);
  chains.set(node.id, chain);
  if (chain.nodes.length > MAX_REMEMBERED_PREFIXES) return chain;
  for (let length = 1; length < chain.nodes.length; length += 1) {
    const prefix = chain.nodes[length - 1] as Node;
    if (chains.has(prefix.id)) continue;
    chains.set(prefix.id, {
      base: chain.base,
      segments: chain.segments.slice(0, length),
      nodes: chain.nodes.slice(0, length),
    });
  }
  return chain;
}

const MAX_REMEMBERED_PREFIXES = 16;

/** The chain already split for `node`, if any: asking for it costs no question to the parser. */
export function knownMemberChain(node: Node): MemberChain | undefined {
  return treeMemory(node.tree).chains.get(node.id);
}

function splitChain(node: Node): MemberChain {
  const segments: string[] = [];
  const nodes: Node[] = [];
  let current = unwrap(node);
  for (;;) {
    if (typeOf(current) !== 'attribute' && typeOf(current) !== 'member_expression') break;
    const object = objectOf(current);
    const property = propertyOf(current);
    if (!object || !property) break;
    segments.push(property.text);
    nodes.push(current);
    current = unwrap(object);
  }
  return { base: current, segments: segments.reverse(), nodes: nodes.reverse() };
}

/** Removes whitespace so that `self.client .create` and `self.client.create` compare equal. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** What is remembered about the nodes of one tree, by node id. */
interface TreeMemory {
  readonly tree: Tree;
  readonly types: Map<number, string>;
  readonly chains: Map<number, MemberChain>;
}

/**
 * The memory of the latest tree asked about. Only one tree is kept: the extractor reads one
 * file at a time, and a tree's nodes are never asked about after its file is done.
 */
let memory: TreeMemory | undefined;

function treeMemory(tree: Tree): TreeMemory {
  if (memory?.tree !== tree) memory = { tree, types: new Map(), chains: new Map() };
  return memory;
}

/**
 * A node's type, remembered per node id for the current tree: the same nodes are asked about
 * many times (unwrapping, evaluation, bindings), and each question otherwise crosses into
 * WebAssembly.
 */
export function typeOf(node: Node): string;
export function typeOf(node: Node | null | undefined): string | undefined;
export function typeOf(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const { types } = treeMemory(node.tree);
  let type = types.get(node.id);
  if (type === undefined) {
    type = node.type;
    types.set(node.id, type);
  }
  return type;
}

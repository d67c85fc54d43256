import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type YAMLError,
} from 'yaml';
import { PolicyError, type PolicyPosition } from './errors.js';

/** A step into parsed YAML: a mapping key or a sequence index. */
export type PathSegment = string | number;

/** Which end of a mapping entry a position points at. */
export type NodePart = 'key' | 'value';

/** A parsed policy file that can point back at the line and column of any of its values. */
export interface PolicySource {
  readonly file: string;
  /** The document as plain data; not yet validated. */
  readonly value: unknown;
  /**
   * Position of the node at `path`, or of its mapping key when `part` is `key`. When the path
   * goes further than the document does, the deepest node that exists is used.
   */
  position(path: readonly PathSegment[], part?: NodePart): PolicyPosition;
  /** A `PolicyError` pointing at the node at `path`. */
  error(path: readonly PathSegment[], reason: string, part?: NodePart): PolicyError;
  /** The file that wrote the node at `path`: `file`, or a base policy's for a merged one. */
  fileAt(path: readonly PathSegment[]): string;
}

/**
 * Parses policy YAML with positions kept. Throws `PolicyError` on YAML syntax errors, several
 * documents in one file, duplicate keys, unresolved aliases and alias bombs (the yaml
 * package's default alias limit).
 */
export function parsePolicySource(text: string, file: string): PolicySource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): PolicyPosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const syntaxError = doc.errors[0];
  if (syntaxError) throw yamlSyntaxError(syntaxError, file, at);
  rejectUnresolvedAliases(doc, file, at);
  rejectCollectionKeys(doc, file, at);
  const value = toPlainData(doc, file);

  const position = (path: readonly PathSegment[], part: NodePart = 'value'): PolicyPosition => {
    const offset = nodeOffset(doc, path, part);
    return offset === undefined ? { line: 1, column: 1 } : at(offset);
  };
  return {
    file,
    value,
    position,
    error: (path, reason, part) => new PolicyError(file, position(path, part), reason),
    fileAt: () => file,
  };
}

function yamlSyntaxError(
  error: YAMLError,
  file: string,
  at: (offset: number) => PolicyPosition,
): PolicyError {
  const reason =
    error.code === 'DUPLICATE_KEY'
      ? 'a key appears twice in the same mapping; each key may be written once'
      : `not valid YAML: ${error.message}; fix the YAML syntax here`;
  return new PolicyError(file, at(error.pos[0]), reason, { cause: error });
}

function rejectUnresolvedAliases(
  doc: Document,
  file: string,
  at: (offset: number) => PolicyPosition,
): void {
  visit(doc, {
    Alias(_key, alias) {
      if (alias.resolve(doc) !== undefined) return;
      const offset = alias.range?.[0] ?? 0;
      throw new PolicyError(
        file,
        at(offset),
        `alias *${alias.source} names no anchor defined before it; define &${alias.source} first`,
      );
    },
  });
}

/** A list or mapping used as a key (`? [a, b]`) has no place in a policy. */
function rejectCollectionKeys(
  doc: Document,
  file: string,
  at: (offset: number) => PolicyPosition,
): void {
  visit(doc, {
    Pair(_key, pair) {
      if (!isMap(pair.key) && !isSeq(pair.key)) return;
      throw new PolicyError(
        file,
        at(pair.key.range?.[0] ?? 0),
        'a key here is a list or mapping; write each key as a plain word or a quoted string',
      );
    },
  });
}

function toPlainData(doc: Document, file: string): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PolicyError(
      file,
      { line: 1, column: 1 },
      `the policy cannot be expanded: ${detail}; use fewer aliases`,
      { cause: error },
    );
  }
}

/** Offset of the node at `path`; a null value with no text of its own points at its key. */
function nodeOffset(
  doc: Document,
  path: readonly PathSegment[],
  part: NodePart,
): number | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown = undefined;
  let lastOffset = rangeStart(node);
  for (const segment of path) {
    const current = isAlias(node) ? node.resolve(doc) : node;
    const step = childOf(current, segment);
    if (!step) return lastOffset;
    keyNode = step.key;
    node = step.value;
    lastOffset = rangeStart(node) ?? rangeStart(keyNode) ?? lastOffset;
    if (isEmptyScalar(node)) lastOffset = rangeStart(keyNode) ?? lastOffset;
  }
  if (part === 'key' && keyNode !== undefined) return rangeStart(keyNode) ?? lastOffset;
  return lastOffset;
}

function childOf(node: unknown, segment: PathSegment): { key: unknown; value: unknown } | null {
  if (isMap(node)) {
    const pair = node.items.find((item) => keyText(item.key) === String(segment));
    return pair ? { key: pair.key, value: pair.value } : null;
  }
  if (isSeq(node)) {
    const index = typeof segment === 'number' ? segment : Number(segment);
    const item: unknown = node.items[index];
    return item === undefined ? null : { key: undefined, value: item };
  }
  return null;
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && node.source === '';
}

function rangeStart(node: unknown): number | undefined {
  if (isScalar(node) || isMap(node) || isSeq(node) || isAlias(node)) return node.range?.[0];
  return undefined;
}

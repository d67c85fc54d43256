import {
  isAlias,
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { cloudFormationTags } from './intrinsics.js';

/** The options every template is parsed with (the benchmark parses with the same ones). */
export function templateParseOptions(lineCounter: LineCounter) {
  return {
    lineCounter,
    customTags: cloudFormationTags,
    prettyErrors: false,
  } as const;
}

/** A parsed template: its top-level map and a way to turn any node into its 1-based line. */
export interface ParsedTemplate {
  readonly document: Document.Parsed;
  readonly root: YAMLMap;
  lineOf(node: unknown): number;
  /** Follows a YAML alias to the node it names; other nodes are returned unchanged. */
  deref(node: unknown): unknown;
}

/** Why a file could not be read as a template, at a 1-based line. */
export interface TemplateSyntaxError {
  readonly line: number;
  readonly message: string;
}

/**
 * Parses YAML or JSON template text. Returns the template, or the first YAML error with its
 * line; a document whose top level is not a mapping is an error too.
 */
export function parseTemplate(text: string): ParsedTemplate | TemplateSyntaxError {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, templateParseOptions(lineCounter));
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0].line ?? lineCounter.linePos(error.pos[0]).line;
    return { line, message: `template is not valid YAML or JSON: ${firstLine(error.message)}` };
  }
  const root = document.contents;
  if (!isMap(root)) {
    return { line: 1, message: 'template is not a mapping of sections (Resources, ...)' };
  }

  const lineOf = (node: unknown): number => {
    const range = (node as Node | null | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  // The yaml package finds an alias's anchor by walking the document; remember each answer.
  const aliasTargets = new Map<unknown, unknown>();
  const deref = (node: unknown): unknown => {
    if (!isAlias(node)) return node;
    if (!aliasTargets.has(node)) aliasTargets.set(node, node.resolve(document));
    return aliasTargets.get(node);
  };
  return { document, root, lineOf, deref };
}

/** Whether `parseTemplate` failed. */
export function isSyntaxError(
  result: ParsedTemplate | TemplateSyntaxError,
): result is TemplateSyntaxError {
  return 'message' in result;
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}

/** The entry of a mapping whose key is the string `key`, or undefined. */
export function entryOf(map: unknown, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === key) return pair;
  }
  return undefined;
}

/** The value under `key` in a mapping, or undefined. */
export function valueOf(map: unknown, key: string): unknown {
  return entryOf(map, key)?.value;
}

/** The entries of a mapping whose keys are strings, in source order. */
export function stringEntries(map: unknown): { key: string; keyNode: Node; value: unknown }[] {
  if (!isMap(map)) return [];
  const entries: { key: string; keyNode: Node; value: unknown }[] = [];
  for (const pair of map.items) {
    const key = pair.key;
    if (!isScalar(key) || key.value === null || typeof key.value === 'object') continue;
    entries.push({ key: String(key.value), keyNode: key, value: pair.value });
  }
  return entries;
}

/**
 * The text of a plain scalar as written (`1.50` stays `1.50`), or of the plain text argument of
 * a short-form intrinsic; undefined for anything else.
 */
export function scalarText(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return undefined;
  if (typeof value === 'string') return value;
  return typeof node.source === 'string' ? node.source : String(value);
}

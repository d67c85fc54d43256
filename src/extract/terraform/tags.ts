import type { Expr } from './hcl/ast.js';
import { asText, describeKind, type Entry, type Value } from './eval/value.js';
import type { ParsedFile } from './parse-file.js';

/** Tags read from one source (a resource's attribute, a provider's defaults), before merging. */
export interface TagOutcome {
  /** Keys with a known or unknown value; a key whose value is null is left out. */
  readonly entries: ReadonlyMap<string, Entry>;
  /** Set when the tags could not be determined at all. */
  readonly unresolved?: string;
  /** Set when some keys are known but more may exist: known keys still count. */
  readonly incomplete?: string;
}

export const NO_TAGS: TagOutcome = { entries: new Map() };

/**
 * Reads an evaluated tag attribute. Null means no tags; a map gives its keys (null values
 * dropped, as providers drop them); a map whose keys are partly known keeps the known ones;
 * anything wholly unknown, or not a map, is unresolved with a reason that starts with the
 * attribute as written (`tags = var.tags: variable tags has no default`).
 */
export function tagsFromValue(value: Value, written: string | (() => string)): TagOutcome {
  if (value.kind === 'null') return NO_TAGS;
  if (value.kind === 'unknown') {
    return { entries: new Map(), unresolved: `${textOf(written)}: ${value.reason}` };
  }
  if (value.kind !== 'map') {
    const reason = `is ${describeKind(value)}, not a map`;
    return { entries: new Map(), unresolved: `${textOf(written)}: ${reason}` };
  }
  const entries = new Map<string, Entry>();
  for (const [key, entry] of value.entries) {
    if (entry.value.kind !== 'null') entries.set(key, entry);
  }
  if (value.partial === undefined) return { entries };
  const reason = `${textOf(written)}: ${value.partial}`;
  return entries.size === 0 ? { entries, unresolved: reason } : { entries, incomplete: reason };
}

/** The attribute as written, computed only when a message needs it (it slices the source). */
function textOf(written: string | (() => string)): string {
  return typeof written === 'string' ? written : written();
}

/** A tag value as the report shows it: text for known primitives, null for anything else. */
export function tagText(value: Value): string | null {
  return asText(value) ?? null;
}

/** `name = <source>` of an attribute, on one line and shortened, for messages. */
export function writtenAs(name: string, expr: Expr, file: ParsedFile): string {
  const source = file.text.slice(expr.start, expr.end).replace(/\s+/g, ' ').trim();
  const short = source.length > 80 ? `${source.slice(0, 77)}...` : source;
  return `${name} = ${short}`;
}

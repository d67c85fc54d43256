import type { TagPair } from './normalize.js';

/**
 * The tag encodings of billing exports, each turned into plain key/value pairs. A parser
 * returns null when the text is not the encoding it expects; the caller keeps the row's cost
 * as untagged and reports the tags as unreadable.
 */

/** Texts that FOCUS and other exports write for a missing value. */
export function isNullText(text: string): boolean {
  return text.length === 0 || text === 'NULL' || text === 'null' || text === '{}';
}

/**
 * A JSON object of tags (`{"env":"prod"}`, FOCUS `Tags`, CUR 2.0 `resource_tags` in CSV), or
 * Azure's fragment without braces (`"env": "prod","team": "ml"`). An array of `{key, value}`
 * (GCP `labels`) is accepted as well.
 */
export function parseTagText(text: string): TagPair[] | null {
  const trimmed = text.trim();
  if (isNullText(trimmed)) return [];
  const json = trimmed.startsWith('{') || trimmed.startsWith('[') ? trimmed : `{${trimmed}}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  return tagPairsFromValue(parsed);
}

/**
 * Pairs from an already parsed value: an object of key -> value, an array of `{key, value}`
 * entries, or an array of `[key, value]` tuples (a Parquet map as some readers give it).
 */
export function tagPairsFromValue(value: unknown): TagPair[] | null {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return pairsFromEntries(value);
  if (value instanceof Map) return pairsFromEntries([...value.entries()]);
  if (typeof value !== 'object') return null;
  const pairs: TagPair[] = [];
  for (const [key, tagValue] of Object.entries(value)) {
    const text = scalarText(tagValue);
    if (text !== null) pairs.push([key, text]);
  }
  return pairs;
}

function pairsFromEntries(entries: readonly unknown[]): TagPair[] | null {
  const pairs: TagPair[] = [];
  for (const entry of entries) {
    if (Array.isArray(entry) && typeof entry[0] === 'string') {
      const text = scalarText(entry[1]);
      if (text !== null) pairs.push([entry[0], text]);
      continue;
    }
    if (typeof entry !== 'object' || entry === null) return null;
    const record = entry as Record<string, unknown>;
    if (typeof record.key !== 'string') return null;
    const text = scalarText(record.value);
    if (text !== null) pairs.push([record.key, text]);
  }
  return pairs;
}

/** A tag value as text; null for a missing value or a nested structure. */
function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

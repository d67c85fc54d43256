import { isMap, isSeq } from 'yaml';
import { intrinsicOf } from './intrinsics.js';
import { entryOf, stringEntries } from './parse.js';
import type { ResolveScope } from './scope.js';
import { describeExpression, NO_VALUE, pick, resolveText } from './values.js';

/**
 * Reads one tag property (`Tags`, `UserPoolTags`, ...) in whichever shape it is written: a list
 * of `{Key, Value}` (with `PropagateAtLaunch` on Auto Scaling groups), a `{Key: Value}` map
 * (SAM, SSM parameters, ...), or `{Items: [...]}`. Intrinsics are resolved in `scope`.
 */

/** One tag as written, with its resolved value (`null` when only the deployment knows it). */
export interface TagEntry {
  readonly key: string;
  readonly value: string | null;
  /** Line of the tag key. */
  readonly line: number;
  /** `PropagateAtLaunch` of an Auto Scaling group tag, when written. */
  readonly propagateAtLaunch?: boolean;
}

/** A tag key that could not be determined; the tag is left out and the user told so. */
export interface UnknownTagKey {
  readonly line: number;
  readonly expression: string;
}

/** What reading a tag property found. */
export interface TagReading {
  readonly entries: TagEntry[];
  readonly unknownKeys: UnknownTagKey[];
  /** Why some or all tags could not be read at all (a user-facing sentence per cause). */
  readonly unresolved: string[];
}

/** An empty reading, to add to. */
export function emptyReading(): TagReading {
  return { entries: [], unknownKeys: [], unresolved: [] };
}

/** Reads the tags held by `node` (the value of a tag property) into `reading`. */
export function readTagProperty(
  node: unknown,
  property: string,
  scope: ResolveScope,
  reading: TagReading,
): void {
  const picked = pick(node, scope);
  if (picked === NO_VALUE || picked === undefined) return;
  const template = scope.template;

  if (isSeq(picked)) {
    for (const item of picked.items) readListItem(item, property, scope, reading);
  } else if (isMap(picked) && isSeq(template.deref(entryOf(picked, 'Items')?.value))) {
    readTagProperty(entryOf(picked, 'Items')?.value, property, scope, reading);
  } else if (isMap(picked) && !intrinsicOf(picked)) {
    readMapForm(picked, scope, reading);
  } else if (picked !== null && !isEmptyScalar(picked)) {
    reading.unresolved.push(
      `${property} at line ${template.lineOf(picked)} is ${describeExpression(picked)}, ` +
        'which is only known when the stack is deployed',
    );
  }
}

function isEmptyScalar(node: unknown): boolean {
  return (node as { value?: unknown } | null)?.value === null;
}

/** One `{Key, Value}` item of a list-form tag property. */
function readListItem(
  item: unknown,
  property: string,
  scope: ResolveScope,
  reading: TagReading,
): void {
  const template = scope.template;
  const picked = pick(item, scope);
  if (picked === NO_VALUE) return;
  const keyEntry = entryOf(picked, 'Key');
  if (!isMap(picked) || !keyEntry) {
    reading.unresolved.push(
      `an item of ${property} at line ${template.lineOf(picked ?? item)} is ` +
        `${describeExpression(picked)}, not a {Key, Value} pair known before deployment`,
    );
    return;
  }

  const line = template.lineOf(keyEntry.value ?? keyEntry.key);
  const key = resolveText(keyEntry.value, scope);
  if (key === NO_VALUE) return;
  if (key === null) {
    reading.unknownKeys.push({ line, expression: describeExpression(keyEntry.value) });
    return;
  }
  const value = resolveText(entryOf(picked, 'Value')?.value, scope);
  if (value === NO_VALUE) return;
  const earlier = reading.entries.find((entry) => entry.key === key);
  if (earlier) {
    // Which of the two the bill would see cannot be said: the deployment fails instead.
    reading.unresolved.push(
      `${property} lists the key ${key} twice (lines ${earlier.line} and ${line}), ` +
        'which CloudFormation rejects when the stack is deployed',
    );
  }
  const propagate = resolveText(entryOf(picked, 'PropagateAtLaunch')?.value, scope);
  const entry: TagEntry =
    typeof propagate === 'string'
      ? { key, value, line, propagateAtLaunch: propagate.toLowerCase() === 'true' }
      : { key, value, line };
  reading.entries.push(entry);
}

/** A `{Key: Value}` tag map; keys are literal, values may be intrinsics. */
function readMapForm(map: unknown, scope: ResolveScope, reading: TagReading): void {
  for (const { key, keyNode, value } of stringEntries(map)) {
    const text = resolveText(value, scope);
    if (text === NO_VALUE) continue;
    reading.entries.push({ key, value: text, line: scope.template.lineOf(keyNode) });
  }
}

/**
 * The nodes a catalog tag property path names in `properties`: segments are separated by `/`
 * and a `*` segment stands for every item of a list (EC2 `TagSpecifications`, DynamoDB global
 * table `Replicas`).
 */
export function tagPropertyNodes(
  properties: unknown,
  path: string,
  scope: ResolveScope,
): { node: unknown; keyLine: number }[] {
  let frontier: { node: unknown; keyLine: number }[] = [{ node: properties, keyLine: 0 }];
  for (const segment of path.split('/')) {
    const next: { node: unknown; keyLine: number }[] = [];
    for (const { node, keyLine } of frontier) {
      const picked = pick(node, scope);
      if (segment === '*') {
        if (!isSeq(picked)) continue;
        for (const item of picked.items) next.push({ node: item, keyLine });
        continue;
      }
      const entry = entryOf(picked, segment);
      if (entry) next.push({ node: entry.value, keyLine: scope.template.lineOf(entry.key) });
    }
    frontier = next;
  }
  return frontier;
}

import type { Node } from 'web-tree-sitter';
import type { TagForm, TagParameter } from '../../catalog/sdk/index.js';
import { lookupPath } from './arguments.js';
import { describeNonText, type Located, type StaticValue } from './static-value.js';

/** One tag as read from code: its value (`null` when not known statically) and where. */
export interface TagEntry {
  readonly value: string | null;
  readonly node: Node;
}

/** The tags a call sets, with the reason when they cannot all be known. */
export interface TagReading {
  readonly tags: ReadonlyMap<string, TagEntry>;
  /** The tag argument, for `tagsLine`; absent when the call passes none. */
  readonly node?: Node;
  readonly unresolved?: string;
}

const NO_TAGS: TagReading = { tags: new Map() };

/** Reads the tags a request passes at `parameter`; an absent parameter means no tags. */
export function readRequestTags(request: StaticValue, parameter: TagParameter): TagReading {
  const lookup = lookupPath(request, parameter.path);
  if ('absent' in lookup) return NO_TAGS;
  if ('unknown' in lookup)
    return { tags: new Map(), unresolved: `tags come from ${lookup.unknown}` };
  return readTagValue(lookup.found, parameter.form);
}

/** Reads a tag argument in the form its API defines (`[{Key, Value}]`, a map, EC2 specs). */
export function readTagValue(located: Located, form: TagForm): TagReading {
  const { value, node } = located;
  if (value.kind === 'none') return { tags: new Map(), node };
  if (value.kind === 'unknown' || value.kind === 'module' || value.kind === 'object') {
    return { tags: new Map(), node, unresolved: `tags come from ${describeNonText(value, node)}` };
  }
  const tags = new Map<string, TagEntry>();
  const problems: string[] = [];
  if (value.kind !== 'text' && value.open !== undefined) {
    problems.push(`tags come from ${value.open}`);
  }
  if (form.kind === 'map') readMap(value, tags, problems);
  else if (form.kind === 'list') readList(value, form.keyField, form.valueField, tags, problems);
  else readSpecifications(value, form.resourceType, tags, problems);
  const unresolved = problems[0];
  return unresolved === undefined ? { tags, node } : { tags, node, unresolved };
}

function readMap(value: StaticValue, tags: Map<string, TagEntry>, problems: string[]): void {
  if (value.kind !== 'map') {
    problems.push('tags are not written as a map');
    return;
  }
  for (const [key, entry] of value.entries)
    tags.set(key, { value: textOf(entry.value), node: entry.node });
}

function readList(
  value: StaticValue,
  keyField: string,
  valueField: string,
  tags: Map<string, TagEntry>,
  problems: string[],
): void {
  if (value.kind === 'map') {
    // The SageMaker Python SDK also accepts tags as a plain {key: value} dict.
    readMap(value, tags, problems);
    return;
  }
  if (value.kind !== 'list') {
    problems.push('tags are not written as a list');
    return;
  }
  for (const item of value.items) {
    if (item.value.kind !== 'map') {
      problems.push(`a tag comes from ${describeNonText(item.value, item.node)}`);
      continue;
    }
    const key = item.value.entries.get(keyField);
    if (!key || key.value.kind !== 'text') {
      const why = key ? describeNonText(key.value, key.node) : `an entry without \`${keyField}\``;
      problems.push(`a tag key comes from ${why}`);
      continue;
    }
    const tagValue = item.value.entries.get(valueField);
    tags.set(key.value.value, { value: tagValue ? textOf(tagValue.value) : null, node: item.node });
  }
}

function readSpecifications(
  value: StaticValue,
  resourceType: string,
  tags: Map<string, TagEntry>,
  problems: string[],
): void {
  if (value.kind !== 'list') {
    problems.push('tag specifications are not written as a list');
    return;
  }
  for (const item of value.items) {
    if (item.value.kind !== 'map') {
      problems.push(`a tag specification comes from ${describeNonText(item.value, item.node)}`);
      continue;
    }
    const type = item.value.entries.get('ResourceType')?.value;
    // A specification whose ResourceType is not a literal may be this resource's: counted.
    if (type?.kind === 'text' && type.value !== resourceType) continue;
    const specTags = item.value.entries.get('Tags');
    if (!specTags) continue;
    const reading = readTagValue(specTags, { kind: 'list', keyField: 'Key', valueField: 'Value' });
    for (const [key, entry] of reading.tags) tags.set(key, entry);
    if (reading.unresolved) problems.push(reading.unresolved);
  }
}

/**
 * A tag value as the check judges it: text when known, `null` when unknown. `None` / `null`
 * is known: it sets no value, so it is judged as an empty one.
 */
function textOf(value: StaticValue): string | null {
  if (value.kind === 'none') return '';
  return value.kind === 'text' ? value.value : null;
}

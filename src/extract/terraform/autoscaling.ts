import { blocksOf, literalString, type Block, type Body } from './hcl/ast.js';
import { evaluate, type Env } from './eval/evaluate.js';
import { elementsOf } from './eval/for-expression.js';
import { asText, mapValue, type Entry, type Origin, type Value } from './eval/value.js';
import type { ParsedFile } from './parse-file.js';
import { tagsFromValue, writtenAs, type TagOutcome } from './tags.js';

/** The tags of an Auto Scaling group, with what reaches its instances. */
export interface AutoscalingTags extends TagOutcome {
  /** Keys whose `propagate_at_launch` is known to be false: they tag only the group. */
  readonly notPropagated: readonly string[];
  /** Both `tag` blocks and a `tags` list are set, which the provider refuses. */
  readonly conflict: boolean;
  /** Line of the `tags` list, else of the first `tag` block. */
  readonly line?: number;
}

interface Collected {
  readonly entries: Map<string, Entry>;
  readonly notPropagated: Set<string>;
  pending?: string;
}

/**
 * Reads an `aws_autoscaling_group`'s tags from every form it takes: `tag { key value
 * propagate_at_launch }` blocks, `dynamic "tag"` over a collection, and the legacy
 * `tags = [{ key, value, propagate_at_launch }]` list. The effective tags are their union.
 */
export function autoscalingTags(body: Body, env: Env, file: ParsedFile): AutoscalingTags {
  const collected: Collected = { entries: new Map(), notPropagated: new Set() };
  const tagBlocks = blocksOf(body, 'tag');
  const dynamicBlocks = blocksOf(body, 'dynamic').filter((block) => block.labels[0] === 'tag');
  for (const block of tagBlocks) addTag(collected, block.body, env, block.line);
  for (const block of dynamicBlocks) addDynamicTags(collected, block, env, file);

  const list = body.attributes.get('tags');
  if (list)
    addTagList(collected, evaluate(list.expr, env), writtenAs('tags', list.expr, file), env);

  const blockCount = tagBlocks.length + dynamicBlocks.length;
  const line =
    list?.line ?? [...tagBlocks, ...dynamicBlocks].sort((a, b) => a.line - b.line)[0]?.line;
  const outcome = {
    entries: collected.entries,
    notPropagated: [...collected.notPropagated].sort(),
    conflict: blockCount > 0 && list !== undefined,
    line,
  };
  if (collected.pending === undefined) return outcome;
  if (collected.entries.size === 0) return { ...outcome, unresolved: collected.pending };
  return { ...outcome, incomplete: collected.pending };
}

/**
 * Adds one `tag` block. `from` is where the element of a `dynamic "tag"` collection was
 * written (`GithubRepo = "..."` in the caller's map): the key's origin, rather than the
 * `key = tag.key` line every element shares.
 */
function addTag(collected: Collected, body: Body, env: Env, line: number, from?: Origin): void {
  const keyAttribute = body.attributes.get('key');
  const key = keyAttribute ? evaluate(keyAttribute.expr, env) : undefined;
  const keyText = key ? asText(key) : undefined;
  if (keyText === undefined) {
    const reason = key?.kind === 'unknown' ? key.reason : 'no key';
    collected.pending ??= `tag key is not known (${reason})`;
    return;
  }
  const valueAttribute = body.attributes.get('value');
  const value: Value = valueAttribute ? evaluate(valueAttribute.expr, env) : { kind: 'null' };
  const origin = from ?? { file: env.file, line: keyAttribute?.line ?? line, source: env.label };
  collected.entries.set(keyText, {
    value: value.kind === 'null' ? { kind: 'string', value: '' } : value,
    origin,
  });
  const propagate = body.attributes.get('propagate_at_launch');
  const propagated = propagate ? evaluate(propagate.expr, env) : undefined;
  if (propagated?.kind === 'bool' && !propagated.value) collected.notPropagated.add(keyText);
  else collected.notPropagated.delete(keyText);
}

function addDynamicTags(collected: Collected, block: Block, env: Env, file: ParsedFile): void {
  const forEach = block.body.attributes.get('for_each');
  const content = blocksOf(block.body, 'content')[0];
  if (!forEach || !content) return;
  const collection = evaluate(forEach.expr, env);
  const elements = elementsOf(collection);
  if (!elements) {
    const reason = collection.kind === 'unknown' ? collection.reason : 'not a collection';
    collected.pending ??= `dynamic "tag" ${writtenAs('for_each', forEach.expr, file)}: ${reason}`;
    return;
  }
  if (collection.kind !== 'unknown' && 'partial' in collection && collection.partial) {
    const written = writtenAs('for_each', forEach.expr, file);
    collected.pending ??= `dynamic "tag" ${written}: ${collection.partial}`;
  }
  const iteratorAttribute = block.body.attributes.get('iterator');
  const iterator =
    (iteratorAttribute && literalString(iteratorAttribute.expr)) ??
    iteratorName(iteratorAttribute?.expr);
  const map = collection.kind === 'map' ? collection : undefined;
  for (const element of elements) {
    const bindings = new Map(env.bindings);
    const entries = new Map<string, Entry>([
      ['key', { value: element.key }],
      ['value', { value: element.value }],
    ]);
    bindings.set(iterator, mapValue(entries));
    const keyText = map ? asText(element.key) : undefined;
    const from = keyText === undefined ? undefined : map?.entries.get(keyText)?.origin;
    addTag(collected, content.body, { ...env, bindings }, content.line, from);
  }
}

function iteratorName(expr: { kind: string; name?: string } | undefined): string {
  return expr?.kind === 'scope' && expr.name ? expr.name : 'tag';
}

function addTagList(collected: Collected, value: Value, written: string, env: Env): void {
  if (value.kind === 'map') {
    const outcome = tagsFromValue(value, written);
    for (const [key, entry] of outcome.entries) collected.entries.set(key, entry);
    collected.pending ??= outcome.unresolved ?? outcome.incomplete;
    return;
  }
  if (value.kind !== 'list') {
    if (value.kind !== 'null') {
      const reason =
        value.kind === 'unknown' ? value.reason : `is ${value.kind}, not a list of tags`;
      collected.pending ??= `${written}: ${reason}`;
    }
    return;
  }
  if (value.partial) collected.pending ??= `${written}: ${value.partial}`;
  for (const item of value.items) {
    if (item.kind !== 'map') {
      if (item.kind === 'unknown') collected.pending ??= `${written}: ${item.reason}`;
      continue;
    }
    const line = item.entries.get('key')?.origin?.line ?? 0;
    const body: Body = { attributes: new Map(), blocks: [] };
    addTagFromMap(collected, item.entries, env, line, body);
  }
}

function addTagFromMap(
  collected: Collected,
  entries: ReadonlyMap<string, Entry>,
  env: Env,
  line: number,
  _body: Body,
): void {
  const key = entries.get('key');
  const keyText = key ? asText(key.value) : undefined;
  if (keyText === undefined) {
    collected.pending ??= 'a tag in the tags list has no known key';
    return;
  }
  const value = entries.get('value')?.value ?? { kind: 'string', value: '' };
  const origin = key?.origin ?? { file: env.file, line, source: env.label };
  collected.entries.set(keyText, { value, origin });
  const propagate = entries.get('propagate_at_launch')?.value;
  if (propagate?.kind === 'bool' && !propagate.value) collected.notPropagated.add(keyText);
  else if (propagate?.kind === 'string' && propagate.value === 'false')
    collected.notPropagated.add(keyText);
  else collected.notPropagated.delete(keyText);
}

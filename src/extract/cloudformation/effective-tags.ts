import type { TagOrigin } from '../../model.js';
import { isToolingTagKey } from './cdk.js';
import { conditionAssignments, MAX_TAG_CONDITIONS } from './conditions.js';
import { RESOLVE_STEPS_PER_RESOURCE, type ResolveScope } from './scope.js';
import { emptyReading, readTagProperty, type TagReading, type UnknownTagKey } from './tags.js';

/**
 * The tags the bill sees for one resource: stack-level tags (the check's own, then
 * `samconfig.toml`'s), under SAM `Globals` tags, under the resource's own tags; a later source
 * wins for the same key. Every combination of conditions used by `Fn::If` inside those tags
 * gives one variant.
 */

/** A tag that reaches every taggable resource of the stack. */
export interface StackTag {
  readonly key: string;
  readonly value: string;
  readonly origin: TagOrigin;
}

/** The tag property nodes of a resource, each with the source name its origins carry. */
export interface TagSource {
  readonly node: unknown;
  readonly property: string;
  readonly source: string;
}

/** The merged tags of one variant. */
export interface TagSet {
  readonly tags: Record<string, string | null>;
  readonly origins: Record<string, TagOrigin>;
  /** Keys whose Auto Scaling `PropagateAtLaunch` is false: they tag the group, not instances. */
  readonly notPropagated: string[];
}

/** What reading a resource's tags gave: one set, or one per condition combination. */
export interface EffectiveTags {
  readonly variants: readonly { condition: string; set: TagSet }[];
  readonly unresolved: string[];
  readonly unknownKeys: UnknownTagKey[];
}

/** Options that hold for the whole template. */
export interface MergeOptions {
  readonly stackTags: readonly StackTag[];
  /** Drop `aws-cdk:` and `aws:` keys (CDK-synthesized templates). */
  readonly dropToolingTags: boolean;
}

/** One reading of all sources under one assumption about the conditions. */
interface Reading {
  readonly condition: string;
  readonly set: TagSet;
  readonly unresolved: readonly string[];
  readonly unknownKeys: readonly UnknownTagKey[];
}

/**
 * Reads and merges the tags of one resource from `sources`, lowest precedence first. A first
 * reading finds the conditions any `Fn::If` in the tags depends on; when there are some, each
 * combination is read again (and a condition that only a branch reveals joins the set).
 */
export function effectiveTags(
  sources: readonly TagSource[],
  scope: ResolveScope,
  options: MergeOptions,
): EffectiveTags {
  const budget = { remaining: RESOLVE_STEPS_PER_RESOURCE };
  const discovered = new Set<string>();
  const first = readSources(sources, { ...scope, budget, discovered }, options, '');
  if (discovered.size === 0) return summarize([first]);

  let readings: Reading[] = [];
  let known = 0;
  while (discovered.size > known) {
    known = discovered.size;
    if (known > MAX_TAG_CONDITIONS) return tooManyConditions([...discovered], options);
    readings = conditionAssignments([...discovered]).map((assignment, index) => {
      // The first combination is all true, which is what the first reading assumed.
      if (index === 0) return { ...first, condition: assignment.label };
      const variantScope = { ...scope, conditions: assignment.conditions, budget, discovered };
      return readSources(sources, variantScope, options, assignment.label);
    });
  }
  return summarize(readings);
}

function readSources(
  sources: readonly TagSource[],
  scope: ResolveScope,
  options: MergeOptions,
  condition: string,
): Reading {
  const readings = sources.map((source) => {
    const reading = emptyReading();
    readTagProperty(source.node, source.property, scope, reading);
    return { reading, source: source.source };
  });
  return {
    condition,
    set: mergeSets(options, readings),
    unresolved: readings.flatMap(({ reading }) => reading.unresolved),
    unknownKeys: readings.flatMap(({ reading }) => reading.unknownKeys),
  };
}

function summarize(readings: readonly Reading[]): EffectiveTags {
  const unresolved = new Set(readings.flatMap((reading) => reading.unresolved));
  const unknownKeys = new Map<number, UnknownTagKey>();
  for (const key of readings.flatMap((reading) => reading.unknownKeys)) {
    unknownKeys.set(key.line, key);
  }
  return {
    variants: readings.map(({ condition, set }) => ({ condition, set })),
    unresolved: [...unresolved],
    unknownKeys: [...unknownKeys.values()],
  };
}

function tooManyConditions(names: readonly string[], options: MergeOptions): EffectiveTags {
  return {
    variants: [{ condition: '', set: mergeSets(options, []) }],
    unresolved: [
      `the tags depend on ${names.length} conditions (${names.join(', ')}); at most ` +
        `${MAX_TAG_CONDITIONS} are judged, one variant per combination`,
    ],
    unknownKeys: [],
  };
}

function mergeSets(
  options: MergeOptions,
  readings: readonly { reading: TagReading; source: string }[],
): TagSet {
  const tags: Record<string, string | null> = {};
  const origins: Record<string, TagOrigin> = {};
  const notPropagated = new Set<string>();
  for (const tag of options.stackTags) {
    tags[tag.key] = tag.value;
    origins[tag.key] = tag.origin;
  }
  for (const { reading, source } of readings) {
    for (const entry of reading.entries) {
      if (options.dropToolingTags && isToolingTagKey(entry.key)) continue;
      tags[entry.key] = entry.value;
      origins[entry.key] = { line: entry.line, source };
      if (entry.propagateAtLaunch === false) notPropagated.add(entry.key);
      else notPropagated.delete(entry.key);
    }
  }
  return { tags, origins, notPropagated: [...notPropagated].sort() };
}

/** Whether two tag sets hold the same keys and values. */
export function sameTags(a: TagSet, b: TagSet): boolean {
  const keys = Object.keys(a.tags);
  if (keys.length !== Object.keys(b.tags).length) return false;
  return keys.every((key) => key in b.tags && a.tags[key] === b.tags[key]);
}

/**
 * The single map shown for a resource with variants: the keys every variant has, with the value
 * when all variants agree and `null` when they differ.
 */
export function commonTags(sets: readonly TagSet[]): Record<string, string | null> {
  const [first, ...rest] = sets;
  if (!first) return {};
  const common: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(first.tags)) {
    if (!rest.every((set) => key in set.tags)) continue;
    common[key] = rest.every((set) => set.tags[key] === value) ? value : null;
  }
  return common;
}

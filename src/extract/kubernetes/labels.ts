import { isScalar } from 'yaml';
import type { InputError, TagMap, TagOrigin } from '../../model.js';
import type { Mutable } from '../types.js';
import {
  asMap,
  asSeq,
  findPair,
  keyText,
  mapPairs,
  nodeLine,
  nonStringScalar,
  scalarValue,
  type YamlSource,
} from './yaml-nodes.js';

/** One label (or annotation, or cloud tag) with where it was set. */
export interface LabelEntry {
  /** The value as the user wrote it (YAML null as empty); `null` when it cannot be known. */
  readonly value: string | null;
  readonly origin: TagOrigin;
  /**
   * Set when the value is a plain YAML number or boolean (`version: 1.10`, `canary: yes`):
   * the Kubernetes API takes only text in these maps and rejects the object.
   */
  readonly written?: 'number' | 'boolean';
}

/** Labels by key, in the order they were written. Never mutated once built. */
export type LabelSet = ReadonlyMap<string, LabelEntry>;

/**
 * One place that carries metadata: a controller's own `metadata`, a pod template's `metadata`,
 * a component such as KServe's `spec.predictor`. `labelsLine` / `annotationsLine` are the lines
 * of the maps when they are written.
 */
export interface LabelHolder {
  /** Where the holder sits in the object, for messages: `spec.template.metadata`. */
  readonly path: string;
  readonly line: number;
  readonly labels: LabelSet;
  readonly annotations: LabelSet;
  readonly labelsLine?: number;
  readonly annotationsLine?: number;
}

/** An empty label set, shared. */
export const NO_LABELS: LabelSet = new Map();

/**
 * Reads the map under `key` of `holder` (`labels`, `annotations`, `tags`) into a label set.
 * Keys are stringified; values keep their source spelling; a nested map or list as a value
 * (never valid for a label) is kept as its JSON text so that value checks still see it.
 */
export function readLabelMap(
  source: YamlSource,
  holder: unknown,
  key: string,
  origin: { readonly file?: string; readonly source: string },
): { labels: LabelSet; line?: number } {
  const holderMap = asMap(source, holder);
  const pair = holderMap ? findPair(source, holderMap, key) : undefined;
  if (!pair) return { labels: NO_LABELS };
  const line = nodeLine(source, pair.key, nodeLine(source, holderMap, 1));
  const map = asMap(source, pair.value);
  if (!map) return { labels: NO_LABELS, line };

  const labels = new Map<string, LabelEntry>();
  const file = origin.file;
  for (const entry of mapPairs(source, map)) {
    const name = keyText(entry.key);
    if (name === undefined) continue;
    const entryLine = nodeLine(source, entry.key, line);
    const label: Mutable<LabelEntry> = {
      value: labelValue(source, entry.value),
      origin:
        file === undefined
          ? { line: entryLine, source: origin.source }
          : { line: entryLine, file, source: origin.source },
    };
    const written = nonStringScalar(source, entry.value);
    if (written !== undefined) label.written = written;
    labels.set(name, label);
  }
  return { labels, line };
}

/**
 * A label's value as the API server stores it: YAML null (`~`, `null`, nothing) becomes the
 * empty string, so the check judges it as empty rather than as a value it cannot know.
 */
function labelValue(source: YamlSource, node: unknown): string | null {
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'string') return value;
    if (value === null || value === undefined) return '';
  }
  const scalar = scalarValue(source, node);
  if (scalar !== undefined) return scalar ?? '';
  const complex = asMap(source, node) ?? asSeq(source, node);
  return complex ? JSON.stringify(complex.toJSON()) : null;
}

/**
 * Reads `labels` and `annotations` of a metadata-like node into a holder; `origin` names the
 * place in the user's terms (`pod template`, `metadata`). `metadata: null` and a missing node
 * give a holder with no labels at all.
 */
export function readHolder(
  source: YamlSource,
  node: unknown,
  path: string,
  fallbackLine: number,
  origin: string,
): LabelHolder {
  const line = nodeLine(source, node, fallbackLine);
  const labels = readLabelMap(source, node, 'labels', { source: origin });
  const annotations = readLabelMap(source, node, 'annotations', { source: origin });
  const holder: Mutable<LabelHolder> = {
    path,
    line,
    labels: labels.labels,
    annotations: annotations.labels,
  };
  if (labels.line !== undefined) holder.labelsLine = labels.line;
  if (annotations.line !== undefined) holder.annotationsLine = annotations.line;
  return holder;
}

/** The label set as the plain map the model carries. */
export function toTagMap(labels: LabelSet): TagMap {
  const tags: Record<string, string | null> = {};
  for (const [key, entry] of labels) tags[key] = entry.value;
  return tags;
}

/** `base` with `overrides` laid over it: keys of `overrides` win, the order of `base` stays. */
export function overlayLabels(base: LabelSet, overrides: LabelSet): LabelSet {
  if (overrides.size === 0) return base;
  if (base.size === 0) return overrides;
  const merged = new Map(base);
  for (const [key, entry] of overrides) merged.set(key, entry);
  return merged;
}

/** One label set of an object, with what its entries are called and where it sits. */
interface NamedSet {
  readonly labels: LabelSet;
  readonly noun: 'label' | 'annotation' | 'tag';
  readonly path: string;
}

/**
 * An input error for each label, annotation or cloud tag of an object written as a plain YAML
 * number or boolean (`version: 1.10`, `canary: yes`): the Kubernetes API takes only text in
 * these maps and rejects the whole object, whatever the policy asks of it. `file` is the
 * object's own file, for entries set there.
 */
export function nonTextValueErrors(
  file: string,
  holders: readonly LabelHolder[],
  cloudTags: LabelSet | undefined,
): InputError[] {
  const sets: NamedSet[] = [];
  for (const holder of holders) {
    sets.push({ labels: holder.labels, noun: 'label', path: holder.path });
    sets.push({ labels: holder.annotations, noun: 'annotation', path: holder.path });
  }
  if (cloudTags) sets.push({ labels: cloudTags, noun: 'tag', path: 'spec.tags' });
  const errors: InputError[] = [];
  for (const { labels, noun, path } of sets) {
    for (const [key, entry] of labels) {
      if (entry.written === undefined) continue;
      const value = entry.value ?? '';
      errors.push({
        file: entry.origin.file ?? file,
        line: entry.origin.line,
        message:
          `${noun} ${key} in ${path} is written as a YAML ${entry.written} (${value}); the ` +
          `Kubernetes API takes only text there and rejects the object: quote it, "${value}"`,
      });
    }
  }
  return errors;
}

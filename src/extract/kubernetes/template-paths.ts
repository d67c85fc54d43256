import { isMap } from 'yaml';
import { overlayLabels, readHolder, type LabelHolder } from './labels.js';
import { asMap, asSeq, getIn, keyText, mapPairs, nodeLine, type YamlSource } from './yaml-nodes.js';

/**
 * Finds the pod templates of an object from the catalog's label paths. A path is written like
 * `spec.template.metadata.labels`; `name[*]` walks every item of a list, `*` every value of a
 * map, and `;` separates alternatives (KServe's predictor, transformer and explainer; Ray's
 * head and worker groups). Each match is one kind of pod the object creates.
 */

/** A holder found on one path, plus whether it is shared by every pod (Argo `podMetadata`). */
interface FoundHolder {
  readonly holder: LabelHolder;
  readonly shared: boolean;
}

/**
 * The pod-template holders of `root` for the catalog's `podTemplatePath`. A template that is
 * written but has no `metadata` (or `metadata: null`) counts, with no labels. When none of the
 * paths matches anything, the first path is returned as one empty holder, so that a workload
 * without a template is judged as having no labels rather than skipped.
 */
export function findPodTemplates(
  source: YamlSource,
  root: unknown,
  podTemplatePath: string,
  fallbackLine: number,
): LabelHolder[] {
  const paths = splitPaths(podTemplatePath);
  const found = paths.flatMap((path) => holdersOnPath(source, root, path, fallbackLine));

  const shared = found.filter((entry) => entry.shared).map((entry) => entry.holder);
  const own = found.filter((entry) => !entry.shared).map((entry) => entry.holder);
  if (own.length > 0) return shared.length === 0 ? own : own.map((h) => withShared(h, shared));
  if (shared.length > 0) return shared;

  const first = paths[0] ?? 'metadata.labels';
  return [readHolder(source, undefined, holderPath(first), fallbackLine, 'pod template')];
}

function holdersOnPath(
  source: YamlSource,
  root: unknown,
  labelsPath: string,
  fallbackLine: number,
): FoundHolder[] {
  const { walked, viaMetadata, shared } = pathSteps(labelsPath);
  return walk(source, root, walked, '').map(({ node, path }) => {
    const holderNode = viaMetadata ? getIn(source, node, 'metadata') : node;
    const concrete = viaMetadata ? `${path}.metadata` : path;
    const origin = shared ? 'pod metadata' : concrete === 'metadata' ? 'metadata' : 'pod template';
    // A template without metadata is pointed at by its own line.
    const line = nodeLine(source, node, fallbackLine);
    return { holder: readHolder(source, holderNode, concrete, line, origin), shared };
  });
}

/** The catalog's few label paths, split once each. */
const splitCache = new Map<string, readonly string[]>();
const stepsCache = new Map<string, PathSteps>();

function splitPaths(podTemplatePath: string): readonly string[] {
  let paths = splitCache.get(podTemplatePath);
  if (!paths) {
    paths = podTemplatePath
      .split(';')
      .map((path) => path.trim())
      .filter(Boolean);
    splitCache.set(podTemplatePath, paths);
  }
  return paths;
}

/** How one label path is walked: the segments up to the template, and what sits at its end. */
interface PathSteps {
  readonly walked: readonly string[];
  readonly viaMetadata: boolean;
  readonly shared: boolean;
}

function pathSteps(labelsPath: string): PathSteps {
  const cached = stepsCache.get(labelsPath);
  if (cached) return cached;
  const segments = holderPath(labelsPath).split('.');
  const viaMetadata = segments.at(-1) === 'metadata' && segments.length > 1;
  // For `...template.metadata` the template must exist; its metadata may be missing.
  const walked = viaMetadata ? segments.slice(0, -1) : segments;
  const steps = { walked, viaMetadata, shared: walked.at(-1) === 'podMetadata' };
  stepsCache.set(labelsPath, steps);
  return steps;
}

/** The path of the map that holds `labels`: `spec.template.metadata.labels` -> `...metadata`. */
function holderPath(labelsPath: string): string {
  return labelsPath.endsWith('.labels') ? labelsPath.slice(0, -'.labels'.length) : labelsPath;
}

interface Step {
  readonly node: unknown;
  readonly path: string;
}

function walk(
  source: YamlSource,
  node: unknown,
  segments: readonly string[],
  path: string,
): Step[] {
  const [segment, ...rest] = segments;
  if (segment === undefined) return isMap(node) ? [{ node, path }] : [];
  if (segment === '*') {
    const map = asMap(source, node);
    if (!map) return [];
    return mapPairs(source, map).flatMap((pair) => {
      const key = keyText(pair.key);
      if (key === undefined) return [];
      return walk(source, asMap(source, pair.value), rest, join(path, key));
    });
  }
  if (segment.endsWith('[*]')) {
    const key = segment.slice(0, -'[*]'.length);
    const seq = asSeq(source, getIn(source, node, key));
    if (!seq) return [];
    return seq.items.flatMap((item, index) => {
      return walk(source, asMap(source, item), rest, `${join(path, key)}[${index}]`);
    });
  }
  const child = asMap(source, getIn(source, node, segment));
  return child ? walk(source, child, rest, join(path, segment)) : [];
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function withShared(holder: LabelHolder, shared: readonly LabelHolder[]): LabelHolder {
  let labels = holder.labels;
  let annotations = holder.annotations;
  for (const base of shared) {
    labels = overlayLabels(base.labels, labels);
    annotations = overlayLabels(base.annotations, annotations);
  }
  return { ...holder, labels, annotations };
}

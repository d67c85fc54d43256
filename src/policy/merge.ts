import type { PolicyLayer } from './extends.js';
import { PolicyError } from './errors.js';
import type { RawExemption, RawPolicy, RawTagRule } from './raw.js';
import type { PathSegment, PolicySource } from './source.js';

/** Top-level properties merged in their own way; every other one is replaced whole. */
const MERGED_APART = new Set(['$schema', 'extends', 'version', 'tags', 'exemptions', 'billing']);

/** The effective policy of an `extends` chain and a source that points into the right file. */
export interface MergedPolicy {
  readonly raw: RawPolicy;
  readonly source: PolicySource;
}

/**
 * Merges layers in order (bases first, the extending file last), each on top of the ones
 * before it:
 * - `resources`, `exclude_types`, `providers`, `paths`, `exclude_paths`, `target`,
 *   `require_any`, `require_on_metadata`, `attribution` (every property not named below): the
 *   last layer that sets one wins; lists and mappings are replaced, not joined.
 * - `tags`: the keys of every layer; a key set by several layers takes each of its properties
 *   from the last layer that sets that property (`values`, `forms`, `values_by`... replaced
 *   whole).
 * - `exemptions`: every layer's entries, bases first.
 * - `billing.projects`: every layer's ids; the last layer wins per id.
 * `extends` and `$schema` are not part of the result.
 */
export function mergeLayers(layers: readonly PolicyLayer[]): MergedPolicy {
  const last = layers[layers.length - 1];
  if (!last) throw new Error('mergeLayers needs at least one policy');
  const merged: Record<string, unknown> = { version: 1 };
  const tags: Record<string, RawTagRule> = {};
  const exemptions: RawExemption[] = [];
  const exemptionOwners: { layer: PolicyLayer; index: number }[] = [];
  const projects: Record<string, Readonly<Record<string, string>>> = {};
  let billing = false;

  for (const layer of layers) {
    const raw = layer.raw;
    for (const [property, value] of Object.entries(raw)) {
      if (!MERGED_APART.has(property) && value !== undefined) merged[property] = value;
    }
    for (const [key, rule] of Object.entries(raw.tags ?? {})) tags[key] = { ...tags[key], ...rule };
    (raw.exemptions ?? []).forEach((entry, index) => {
      exemptions.push(entry);
      exemptionOwners.push({ layer, index });
    });
    if (raw.billing !== undefined) billing = true;
    Object.assign(projects, raw.billing?.projects ?? {});
  }

  if (layers.some((layer) => layer.raw.tags !== undefined)) merged['tags'] = tags;
  if (billing) merged['billing'] = { projects };
  if (exemptions.length > 0) merged['exemptions'] = exemptions;
  const raw = merged as unknown as RawPolicy;
  return { raw, source: layeredSource(layers, raw, exemptionOwners) };
}

/**
 * A source over the merged data whose positions and errors point at the layer that wrote
 * the node: the one with the deepest match of the path, the later layer on a tie.
 */
function layeredSource(
  layers: readonly PolicyLayer[],
  value: RawPolicy,
  exemptionOwners: readonly { layer: PolicyLayer; index: number }[],
): PolicySource {
  const last = layers[layers.length - 1] as PolicyLayer;
  const locate = (path: readonly PathSegment[]): [PolicyLayer, readonly PathSegment[]] => {
    if (path[0] === 'exemptions' && typeof path[1] === 'number') {
      const owner = exemptionOwners[path[1]];
      if (owner) return [owner.layer, ['exemptions', owner.index, ...path.slice(2)]];
    }
    let best = last;
    let bestDepth = -1;
    for (const layer of [...layers].reverse()) {
      const depth = matchedDepth(layer.raw, path);
      if (depth > bestDepth) [best, bestDepth] = [layer, depth];
    }
    return [best, path];
  };

  return {
    file: last.shown,
    value,
    position: (path, part) => {
      const [layer, inLayer] = locate(path);
      return layer.source.position(inLayer, part);
    },
    error: (path, reason, part) => {
      const [layer, inLayer] = locate(path);
      return new PolicyError(layer.shown, layer.source.position(inLayer, part), reason);
    },
    fileAt: (path) => locate(path)[0].shown,
  };
}

/** How many segments of `path` exist in `data`. */
function matchedDepth(data: unknown, path: readonly PathSegment[]): number {
  let node = data;
  let depth = 0;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') break;
    const next: unknown = (node as Record<string, unknown>)[String(segment)];
    if (next === undefined) break;
    node = next;
    depth += 1;
  }
  return depth;
}

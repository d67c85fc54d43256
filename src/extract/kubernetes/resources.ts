import type { Resource, TagMap, TagOrigin, TagVariant } from '../../model.js';
import type { Policy } from '../../policy/types.js';
import { conditionHolds } from './kinds.js';
import { toOrigins, toTagMap, type LabelHolder, type LabelSet } from './labels.js';
import type { Manifest } from './manifest.js';

/**
 * Turns manifests into the resources the check judges.
 *
 * - A workload (anything the catalog gives a pod template path) is judged by the labels of its
 *   pod templates, where cost tools read them. With several templates (Ray head and workers,
 *   KServe components) a key counts as present only when every template has it.
 * - With `requireOnMetadata`, the controller's own `metadata.labels` is one more such map: a
 *   key missing from either the pod template or the metadata is missing.
 * - When the maps agree on every shared key, `tags` is that intersection. When they give one
 *   key different values, `tags` holds `null` for it and `variants` holds each map on its own,
 *   so that every value is still checked.
 * - Other cost-bearing kinds are judged by `metadata.labels`; a Karpenter node class by its
 *   `spec.tags` (tag target `tags`, with the cloud provider in `attributes.cloudProvider`).
 * - `tags` are always labels (tag target `labels`); `annotations` holds the annotations of the
 *   same places, combined the same way, for policies with `target: annotations`.
 * - `tagsLine` is the line of the first judged `labels:` map, absent when none is written.
 */
export function manifestResources(manifest: Manifest, policy: Policy): Resource[] {
  const resources: Resource[] = [];
  if (manifest.facts.costBearing === 'yes' || conditionHolds(manifest.kind, manifest.costFacts)) {
    resources.push(objectResource(manifest, policy));
  }
  for (const claim of manifest.claimTemplates) {
    resources.push(
      buildResource(manifest, {
        type: 'PersistentVolumeClaim',
        name: `${claim.name}-${manifest.name}`,
        line: claim.line,
        holders: [claim.metadata],
      }),
    );
  }
  return resources;
}

interface Judged {
  readonly type: string;
  readonly name: string;
  readonly line: number;
  readonly holders: readonly LabelHolder[];
}

function objectResource(manifest: Manifest, policy: Policy): Resource {
  const base = { type: manifest.kind, name: manifest.name, line: manifest.line };
  if (manifest.cloudTags) return cloudTagResource(manifest);
  if (manifest.templates.length === 0) {
    return buildResource(manifest, { ...base, holders: [manifest.metadata] });
  }
  const ownMetadata = manifest.templates.every((t) => t.path !== manifest.metadata.path);
  const holders =
    policy.requireOnMetadata && ownMetadata
      ? [...manifest.templates, manifest.metadata]
      : manifest.templates;
  return buildResource(manifest, { ...base, holders });
}

function buildResource(manifest: Manifest, judged: Judged): Resource {
  const labels = combine(judged.holders, (holder) => holder.labels, 'labels');
  const annotations = combine(judged.holders, (holder) => holder.annotations, 'annotations');
  const tagsLine = judged.holders[0]?.labelsLine;
  return {
    ...identity(manifest, judged.type, judged.name, judged.line),
    ...(tagsLine === undefined ? {} : { tagsLine }),
    tags: labels.tags,
    origins: labels.origins,
    annotations: annotations.tags,
    ...(labels.variants ? { variants: labels.variants } : {}),
    tagTarget: 'labels',
    attributes: attributes(manifest, {}),
  };
}

function cloudTagResource(manifest: Manifest): Resource {
  const cloud = manifest.cloudTags;
  const tags: LabelSet = cloud?.tags ?? new Map();
  const tagsLine = cloud?.line;
  return {
    ...identity(manifest, manifest.kind, manifest.name, manifest.line),
    ...(tagsLine === undefined ? {} : { tagsLine }),
    tags: toTagMap(tags),
    origins: toOrigins(tags),
    annotations: toTagMap(manifest.metadata.annotations),
    tagTarget: 'tags',
    attributes: attributes(manifest, cloud ? { cloudProvider: cloud.provider } : {}),
  };
}

function identity(manifest: Manifest, type: string, name: string, line: number) {
  const namespace = manifest.namespace ?? 'default';
  return {
    address: `${type}/${namespace}/${name}`,
    type,
    provider: 'kubernetes',
    format: 'kubernetes' as const,
    file: manifest.file,
    line,
  };
}

function attributes(manifest: Manifest, extra: Record<string, string>): Record<string, string> {
  const kustomization = manifest.kustomization;
  return {
    apiVersion: manifest.apiVersion,
    ...(kustomization === undefined ? {} : { kustomization }),
    ...extra,
  };
}

interface Combined {
  readonly tags: TagMap;
  readonly origins: Record<string, TagOrigin>;
  readonly variants?: readonly TagVariant[];
}

/** The keys every map has; a key whose values disagree gets `null` and the maps as variants. */
function combine(
  holders: readonly LabelHolder[],
  pick: (holder: LabelHolder) => LabelSet,
  target: 'labels' | 'annotations',
): Combined {
  const [first, ...rest] = holders;
  if (!first) return { tags: {}, origins: {} };
  const firstSet = pick(first);
  if (rest.length === 0) return splitLabels(firstSet);

  const tags: Record<string, string | null> = {};
  const origins: Record<string, TagOrigin> = {};
  let conflict = false;
  for (const [key, entry] of firstSet) {
    const others = rest.map((holder) => pick(holder).get(key));
    if (others.some((other) => other === undefined)) continue;
    const agree = others.every((other) => other?.value === entry.value);
    conflict ||= !agree;
    tags[key] = agree ? entry.value : null;
    origins[key] = entry.origin;
  }
  if (!conflict) return { tags, origins };
  const variants = holders.map((holder) => ({
    condition: `${target} at ${holder.path}`,
    tags: toTagMap(pick(holder)),
  }));
  return { tags, origins, variants };
}

/** The values and the origins of one label set, read in one pass. */
function splitLabels(labels: LabelSet): Combined {
  const tags: Record<string, string | null> = {};
  const origins: Record<string, TagOrigin> = {};
  for (const [key, entry] of labels) {
    tags[key] = entry.value;
    origins[key] = entry.origin;
  }
  return { tags, origins };
}

import type { Resource, TagMap, TagOrigin, TagTarget, TagVariant } from '../../model.js';
import type { Policy } from '../../policy/types.js';
import type { Mutable } from '../types.js';
import { conditionHolds } from './kinds.js';
import { toTagMap, type LabelHolder, type LabelSet } from './labels.js';
import type { CloudTags, Manifest } from './manifest.js';

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

/** What a resource is called and where it starts. */
interface Place {
  readonly type: string;
  readonly name: string;
  readonly line: number;
}

interface Judged extends Place {
  readonly holders: readonly LabelHolder[];
}

function objectResource(manifest: Manifest, policy: Policy): Resource {
  const { kind: type, name, line } = manifest;
  if (manifest.cloudTags)
    return cloudTagResource(manifest, { type, name, line }, manifest.cloudTags);
  return buildResource(manifest, { type, name, line, holders: judgedHolders(manifest, policy) });
}

/** The maps an object is judged by: its pod templates (and metadata when asked), else metadata. */
function judgedHolders(manifest: Manifest, policy: Policy): readonly LabelHolder[] {
  if (manifest.templates.length === 0) return [manifest.metadata];
  const ownMetadata = manifest.templates.every((t) => t.path !== manifest.metadata.path);
  return policy.requireOnMetadata && ownMetadata
    ? [...manifest.templates, manifest.metadata]
    : manifest.templates;
}

/** One resource, written out rather than spread: this runs for every object scanned. */
function buildResource(manifest: Manifest, judged: Judged): Resource {
  const labels = combine(judged.holders, (holder) => holder.labels, 'labels');
  const annotations = combine(judged.holders, (holder) => holder.annotations, 'annotations');
  const resource = identity(manifest, judged, 'labels', labels.tags);
  resource.origins = labels.origins;
  resource.annotations = annotations.tags;
  resource.attributes = attributesOf(manifest);
  const tagsLine = judged.holders[0]?.labelsLine;
  if (tagsLine !== undefined) resource.tagsLine = tagsLine;
  if (labels.variants) resource.variants = labels.variants;
  return resource;
}

function cloudTagResource(manifest: Manifest, place: Place, cloud: CloudTags): Resource {
  const { tags, origins } = splitLabels(cloud.tags);
  const resource = identity(manifest, place, 'tags', tags);
  resource.origins = origins;
  resource.annotations = toTagMap(manifest.metadata.annotations);
  resource.attributes = { ...attributesOf(manifest), cloudProvider: cloud.provider };
  if (cloud.line !== undefined) resource.tagsLine = cloud.line;
  return resource;
}

/** The fields every resource of an object has, with the tags it is judged by. */
function identity(
  manifest: Manifest,
  place: Place,
  tagTarget: TagTarget,
  tags: TagMap,
): Mutable<Resource> {
  return {
    address: `${place.type}/${manifest.namespace ?? 'default'}/${place.name}`,
    type: place.type,
    provider: 'kubernetes',
    format: 'kubernetes',
    file: manifest.file,
    line: place.line,
    tags,
    tagTarget,
  };
}

function attributesOf(manifest: Manifest): Record<string, string> {
  const attributes: Record<string, string> = { apiVersion: manifest.apiVersion };
  if (manifest.kustomization !== undefined) attributes.kustomization = manifest.kustomization;
  return attributes;
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

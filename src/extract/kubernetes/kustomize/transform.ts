import type { Mutable } from '../../types.js';
import { overlayLabels, type LabelHolder } from '../labels.js';
import type { Manifest } from '../manifest.js';
import type { Kustomization, LabelTransform } from './kustomization.js';

/**
 * What a kustomization's own fields do to the objects it builds: `namespace`, `namePrefix` /
 * `nameSuffix`, `commonLabels`, `labels` and `commonAnnotations`. Like kustomize, labels reach
 * pod templates only for the built-in workload kinds it knows; a custom resource (KServe, Ray,
 * Argo) gets them on its own metadata only.
 */

/** Kinds whose pod templates kustomize's label and annotation transformers reach. */
const TEMPLATE_KINDS = new Set([
  'Deployment',
  'ReplicaSet',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
  'ReplicationController',
]);

/** Cost-bearing kinds without a namespace, which the `namespace` field leaves alone. */
const CLUSTER_SCOPED_KINDS = new Set([
  'PersistentVolume',
  'NodePool',
  'NodeClaim',
  'EC2NodeClass',
  'AKSNodeClass',
]);

/** The manifests with the kustomization's namespace, name affixes and labels applied. */
export function applyKustomization(
  kustomization: Kustomization,
  manifests: readonly Manifest[],
): Manifest[] {
  return manifests.map((manifest) => {
    // One copy per object, which the steps below change in place; the holders inside it are
    // replaced, never changed, as the object they came from still shares them.
    const result: Mutable<Manifest> = { ...manifest, kustomization: kustomization.file };
    rename(kustomization, result);
    for (const transform of kustomization.transforms) addLabels(transform, result);
    return result;
  });
}

function rename(kustomization: Kustomization, manifest: Mutable<Manifest>): void {
  const { namespace, namePrefix, nameSuffix } = kustomization;
  if (namespace !== undefined && !CLUSTER_SCOPED_KINDS.has(manifest.kind)) {
    manifest.namespace = namespace;
  }
  if (namePrefix !== '' || nameSuffix !== '') {
    manifest.originalName = manifest.originalName ?? manifest.name;
    manifest.name = `${namePrefix}${manifest.name}${nameSuffix}`;
  }
}

function addLabels(transform: LabelTransform, manifest: Mutable<Manifest>): void {
  const apply = (holder: LabelHolder): LabelHolder =>
    transform.field === 'labels'
      ? { ...holder, labels: overlayLabels(holder.labels, transform.entries) }
      : { ...holder, annotations: overlayLabels(holder.annotations, transform.entries) };

  const reachesTemplates = transform.templates && TEMPLATE_KINDS.has(manifest.kind);
  const metadataPath = manifest.metadata.path;
  manifest.templates = manifest.templates.map((template) => {
    // A Pod is its own template: its metadata takes every transform.
    if (template.path === metadataPath || reachesTemplates) return apply(template);
    return template;
  });
  if (transform.claimTemplates && manifest.kind === 'StatefulSet') {
    manifest.claimTemplates = manifest.claimTemplates.map((claim) => ({
      ...claim,
      metadata: apply(claim.metadata),
    }));
  }
  manifest.metadata = apply(manifest.metadata);
}

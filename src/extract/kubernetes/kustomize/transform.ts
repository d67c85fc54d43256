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
    let result = renamed(kustomization, manifest);
    for (const transform of kustomization.transforms) result = withLabels(transform, result);
    return { ...result, kustomization: kustomization.file };
  });
}

function renamed(kustomization: Kustomization, manifest: Manifest): Manifest {
  const { namespace, namePrefix, nameSuffix } = kustomization;
  const keepsNamespace = namespace === undefined || CLUSTER_SCOPED_KINDS.has(manifest.kind);
  const renames = namePrefix !== '' || nameSuffix !== '';
  if (keepsNamespace && !renames) return manifest;
  return {
    ...manifest,
    ...(keepsNamespace ? {} : { namespace }),
    ...(renames
      ? {
          name: `${namePrefix}${manifest.name}${nameSuffix}`,
          originalName: manifest.originalName ?? manifest.name,
        }
      : {}),
  };
}

function withLabels(transform: LabelTransform, manifest: Manifest): Manifest {
  const apply = (holder: LabelHolder): LabelHolder =>
    transform.field === 'labels'
      ? { ...holder, labels: overlayLabels(holder.labels, transform.entries) }
      : { ...holder, annotations: overlayLabels(holder.annotations, transform.entries) };

  const reachesTemplates = transform.templates && TEMPLATE_KINDS.has(manifest.kind);
  const templates = manifest.templates.map((template) => {
    // A Pod is its own template: its metadata takes every transform.
    if (template.path === manifest.metadata.path || reachesTemplates) return apply(template);
    return template;
  });
  const reachesClaims = transform.claimTemplates && manifest.kind === 'StatefulSet';
  const claimTemplates = reachesClaims
    ? manifest.claimTemplates.map((claim) => ({ ...claim, metadata: apply(claim.metadata) }))
    : manifest.claimTemplates;
  return { ...manifest, metadata: apply(manifest.metadata), templates, claimTemplates };
}

import { kubernetesKinds } from './data/kubernetes.js';
import type { KubernetesKindFacts } from './types.js';

/**
 * Kubernetes kinds that create cost, from the generated table. Two kinds share the name
 * `Service` (core and Knative), so a kind is found by its name and API group together.
 */

/**
 * API groups that older manifests still use for the same kinds: `extensions` served
 * Deployments, DaemonSets, ReplicaSets and Ingresses before `apps` and `networking.k8s.io`,
 * and KServe was published as `serving.kubeflow.org` before `serving.kserve.io`.
 */
const LEGACY_GROUPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  extensions: {
    Deployment: 'apps',
    DaemonSet: 'apps',
    ReplicaSet: 'apps',
    Ingress: 'networking.k8s.io',
  },
  'serving.kubeflow.org': { InferenceService: 'serving.kserve.io' },
};

/**
 * The catalog's facts for a kind. With `apiGroup` (`core` for `apiVersion: v1`, else the part
 * of `apiVersion` before `/`) only that group's kind matches, so a CRD that reuses a well-known
 * name is not mistaken for it; without it, the core kind is preferred. Undefined for a kind the
 * catalog does not list.
 */
export function kubernetesKind(kind: string, apiGroup?: string): KubernetesKindFacts | undefined {
  const candidates = kubernetesKinds.filter((row) => row.kind === kind);
  const group = apiGroup === undefined ? undefined : canonicalGroup(kind, apiGroup);
  const row =
    group === undefined
      ? (candidates.find((candidate) => candidate.apiGroup === 'core') ?? candidates[0])
      : candidates.find((candidate) => candidate.apiGroup === group);
  if (!row) return undefined;
  if (row.podTemplatePaths.length === 0) return { costBearing: row.costBearing };
  return { costBearing: row.costBearing, podTemplatePath: row.podTemplatePaths.join(';') };
}

/** Every kind the table lists, as `kind` or `kind (group)`, for tests and documentation. */
export function kubernetesKindNames(): readonly string[] {
  return kubernetesKinds.map((row) => `${row.kind} (${row.apiGroup})`);
}

function canonicalGroup(kind: string, apiGroup: string): string {
  const group = apiGroup === '' || apiGroup === 'v1' ? 'core' : apiGroup;
  return LEGACY_GROUPS[group]?.[kind] ?? group;
}

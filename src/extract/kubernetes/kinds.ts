import { kubernetesKind } from '../../catalog/index.js';

/**
 * What the extractor needs to know about a kind: whether it creates cost, where its pods'
 * labels live, and, for the kinds whose cost depends on how they are written, the condition.
 * The kinds themselves come from the catalog; the conditions read fields of the object.
 */

/** The catalog's verdict on one kind, as the extractor uses it. */
export interface KindFacts {
  readonly costBearing: 'yes' | 'conditional';
  /** `;`-separated label paths of the pods the object creates; absent for non-workloads. */
  readonly podTemplatePath?: string;
}

/** The fields of an object that decide whether a conditionally cost-bearing kind costs. */
export interface CostFacts {
  readonly serviceType?: string;
  readonly ingressClass?: string;
  readonly gatewayClass?: string;
}

/**
 * Kinds whose `spec.tags` become cloud tags on what they launch (Karpenter node classes), with
 * the provider that bills them. They are judged by those tags, not by labels.
 */
export const CLOUD_TAG_KINDS: Readonly<Record<string, string>> = {
  EC2NodeClass: 'aws',
  AKSNodeClass: 'azurerm',
};

/**
 * Ingress classes served by a cloud load balancer. An Ingress of any other class (nginx,
 * traefik, none at all) runs on nodes that are billed already and is not reported.
 */
const CLOUD_INGRESS_CLASSES = new Set([
  'alb',
  'gce',
  'gce-internal',
  'azure-application-gateway',
  'azure/application-gateway',
  'webapprouting.kubernetes.azure.com',
]);

/** Gateway classes implemented by a cloud load balancer, by prefix. */
const CLOUD_GATEWAY_CLASS_PREFIXES = ['gke-l7-', 'gke-l4-', 'amazon-vpc-lattice', 'azure-alb-'];

/** The API group of an `apiVersion`: `apps/v1` -> `apps`, `v1` -> `core`. */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? 'core' : apiVersion.slice(0, slash);
}

/** The catalog's facts for a kind, or `undefined` for a kind that creates no cost. */
export function kindFacts(kind: string, apiVersion: string): KindFacts | undefined {
  let byVersion = factsByKind.get(kind);
  if (!byVersion) factsByKind.set(kind, (byVersion = new Map()));
  if (byVersion.has(apiVersion)) return byVersion.get(apiVersion);
  const facts = kubernetesKind(kind, apiGroupOf(apiVersion));
  const path = facts?.podTemplatePath;
  const answer = !facts
    ? undefined
    : path
      ? { costBearing: facts.costBearing, podTemplatePath: path }
      : { costBearing: facts.costBearing };
  byVersion.set(apiVersion, answer);
  return answer;
}

/**
 * The catalog's answers by kind, then `apiVersion`: a scan meets the same few kinds many times,
 * and the catalog is fixed for the life of the process.
 */
const factsByKind = new Map<string, Map<string, KindFacts | undefined>>();

/**
 * Whether an object of a conditionally cost-bearing kind costs as written: a Service of type
 * `LoadBalancer`, an Ingress or Gateway of a cloud class. A conditional kind with no known
 * condition is not reported (it cannot be told from the manifest alone).
 */
export function conditionHolds(kind: string, facts: CostFacts): boolean {
  if (kind === 'Service') return facts.serviceType === 'LoadBalancer';
  if (kind === 'Ingress') {
    return facts.ingressClass !== undefined && CLOUD_INGRESS_CLASSES.has(facts.ingressClass);
  }
  if (kind === 'Gateway') {
    const gatewayClass = facts.gatewayClass;
    if (gatewayClass === undefined) return false;
    return CLOUD_GATEWAY_CLASS_PREFIXES.some((prefix) => gatewayClass.startsWith(prefix));
  }
  return false;
}

import type { Mutable } from '../types.js';
import { readHolder, readLabelMap, type LabelHolder, type LabelSet } from './labels.js';
import { CLOUD_TAG_KINDS, kindFacts, type CostFacts, type KindFacts } from './kinds.js';
import type { ObjectNode } from './parse.js';
import { findPodTemplates } from './template-paths.js';
import {
  asMap,
  asSeq,
  getIn,
  getString,
  keyLine,
  nodeLine,
  type YamlSource,
} from './yaml-nodes.js';

/** A PersistentVolumeClaim a StatefulSet creates from one of its `volumeClaimTemplates`. */
export interface ClaimTemplate {
  readonly name: string;
  readonly line: number;
  readonly metadata: LabelHolder;
}

/** Cloud tags an object puts on what it launches (`spec.tags` of a Karpenter node class). */
export interface CloudTags {
  readonly provider: string;
  readonly tags: LabelSet;
  readonly line?: number;
}

/**
 * A cost-bearing Kubernetes object, reduced to what the check judges: identity, the metadata
 * and pod templates with their labels, and the facts that decide a conditional kind. It is
 * plain data, so that kustomize can lay labels and a namespace over it without touching YAML.
 */
export interface Manifest {
  /** Path relative to the working directory. */
  readonly file: string;
  /** Position of the object in its file, so an object reached twice is emitted once. */
  readonly index: number;
  /** Line of the object's `kind:` key (the first line of the object when `kind` is odd). */
  readonly line: number;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** The name before a kustomization's `namePrefix` / `nameSuffix`, once one applied. */
  readonly originalName?: string;
  readonly namespace?: string;
  readonly facts: KindFacts;
  readonly costFacts: CostFacts;
  readonly metadata: LabelHolder;
  /** Pod templates for workloads (empty otherwise); a Pod is its own template. */
  readonly templates: readonly LabelHolder[];
  readonly claimTemplates: readonly ClaimTemplate[];
  readonly cloudTags?: CloudTags;
  /** The kustomization whose build produced this object, when one did. */
  readonly kustomization?: string;
}

/** Name given to an object that has neither `metadata.name` nor `metadata.generateName`. */
const UNNAMED = '(unnamed)';

/**
 * Reads one object into a `Manifest`, or `undefined` when it is not a Kubernetes object
 * (no `apiVersion` or `kind`) or its kind creates no cost according to the catalog.
 */
export function readManifest(object: ObjectNode, file: string): Manifest | undefined {
  const { source, node } = object;
  const apiVersion = getString(source, node, 'apiVersion');
  const kind = getString(source, node, 'kind');
  if (apiVersion === undefined || kind === undefined) return undefined;
  const facts = kindFacts(kind, apiVersion);
  if (!facts) return undefined;

  const line = keyLine(source, node, 'kind') ?? nodeLine(source, node, 1);
  const metadataNode = getIn(source, node, 'metadata');
  // Written out rather than spread: this runs for every object scanned.
  const manifest: Mutable<Manifest> = {
    file,
    index: object.index,
    line,
    apiVersion,
    kind,
    name: objectName(source, metadataNode),
    facts,
    costFacts: facts.costBearing === 'conditional' ? readCostFacts(source, node, metadataNode) : {},
    metadata: readHolder(source, metadataNode, 'metadata', line, 'metadata'),
    templates: readTemplates(source, node, facts, line),
    claimTemplates: kind === 'StatefulSet' ? readClaimTemplates(source, node, line) : [],
  };
  const namespace = getString(source, metadataNode, 'namespace');
  if (namespace !== undefined) manifest.namespace = namespace;
  const cloudTags = readCloudTags(source, node, kind);
  if (cloudTags) manifest.cloudTags = cloudTags;
  return manifest;
}

function objectName(source: YamlSource, metadata: unknown): string {
  const name = getString(source, metadata, 'name');
  if (name !== undefined) return name;
  const generateName = getString(source, metadata, 'generateName');
  return generateName === undefined ? UNNAMED : `${generateName}*`;
}

function readTemplates(
  source: YamlSource,
  node: unknown,
  facts: KindFacts,
  line: number,
): LabelHolder[] {
  if (facts.podTemplatePath === undefined) return [];
  return findPodTemplates(source, node, facts.podTemplatePath, line);
}

function readClaimTemplates(source: YamlSource, node: unknown, line: number): ClaimTemplate[] {
  const templates = asSeq(
    source,
    getIn(source, getIn(source, node, 'spec'), 'volumeClaimTemplates'),
  );
  if (!templates) return [];
  return templates.items.flatMap((item, index) => {
    const template = asMap(source, item);
    if (!template) return [];
    const metadataNode = getIn(source, template, 'metadata');
    const itemLine = nodeLine(source, template, line);
    const path = `spec.volumeClaimTemplates[${index}].metadata`;
    return [
      {
        name: getString(source, metadataNode, 'name') ?? UNNAMED,
        line: itemLine,
        metadata: readHolder(source, metadataNode, path, itemLine, 'volumeClaimTemplate'),
      },
    ];
  });
}

function readCloudTags(source: YamlSource, node: unknown, kind: string): CloudTags | undefined {
  const provider = CLOUD_TAG_KINDS[kind];
  if (provider === undefined) return undefined;
  const { labels, line } = readLabelMap(source, getIn(source, node, 'spec'), 'tags', {
    source: 'spec.tags',
  });
  return line === undefined ? { provider, tags: labels } : { provider, tags: labels, line };
}

function readCostFacts(source: YamlSource, node: unknown, metadata: unknown): CostFacts {
  const spec = getIn(source, node, 'spec');
  const facts: Mutable<CostFacts> = {};
  const serviceType = getString(source, spec, 'type');
  if (serviceType !== undefined) facts.serviceType = serviceType;
  const ingressClass =
    getString(source, spec, 'ingressClassName') ??
    getString(source, getIn(source, metadata, 'annotations'), 'kubernetes.io/ingress.class');
  if (ingressClass !== undefined) facts.ingressClass = ingressClass;
  const gatewayClass = getString(source, spec, 'gatewayClassName');
  if (gatewayClass !== undefined) facts.gatewayClass = gatewayClass;
  return facts;
}

import { dirname } from 'node:path';
import { isScalar } from 'yaml';
import type { InputError } from '../../../model.js';
import { readLabelMap, type LabelSet } from '../labels.js';
import { parseManifestFile, type ObjectNode } from '../parse.js';
import {
  asMap,
  asSeq,
  getIn,
  getString,
  keyLine,
  nodeLine,
  type YamlSource,
} from '../yaml-nodes.js';
import { readPatches, type Patch } from './patch-reader.js';

/** File names kustomize looks for in a folder, in its order. */
export const KUSTOMIZATION_FILE_NAMES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

/** An entry of `resources:` or `components:`: a file, a folder, or a remote URL. */
export interface Reference {
  readonly path: string;
  readonly line: number;
}

/** Labels or annotations a kustomization sets, and how far they reach. */
export interface LabelTransform {
  readonly field: 'labels' | 'annotations';
  readonly entries: LabelSet;
  /** Also set on pod templates of the built-in workload kinds. */
  readonly templates: boolean;
  /** Also set on the `volumeClaimTemplates` of a StatefulSet. */
  readonly claimTemplates: boolean;
}

/** The parts of a kustomization that change what the check sees. */
export interface Kustomization {
  readonly file: string;
  readonly absPath: string;
  readonly dir: string;
  readonly isComponent: boolean;
  readonly namespace?: string;
  readonly namePrefix: string;
  readonly nameSuffix: string;
  readonly resources: readonly Reference[];
  readonly components: readonly Reference[];
  readonly transforms: readonly LabelTransform[];
  readonly patches: readonly Patch[];
  /** Fields present that this reader does not apply, for one notice. */
  readonly ignored: readonly string[];
}

/**
 * Fields that can change labels, names or the set of objects but are not applied here. When a
 * kustomization uses one, the user gets a notice naming it; the labels it would set are not
 * seen, so the check may report them missing.
 */
const IGNORED_FIELDS = [
  'replacements',
  'vars',
  'transformers',
  'generators',
  'helmCharts',
  'helmChartInflationGenerator',
  'crds',
];

/**
 * Reads a kustomization file. Returns the parse error instead when it is not valid YAML.
 * `bases:` (the old spelling) is read as more `resources:`.
 */
export function readKustomization(
  text: string,
  file: string,
  absPath: string,
): Kustomization | InputError {
  const parsed = parseManifestFile(text, file);
  const error = parsed.errors[0];
  if (error) return error;
  const object = parsed.objects[0];
  if (!object) return emptyKustomization(file, absPath);
  return fromObject(object, file, absPath);
}

function fromObject(object: ObjectNode, file: string, absPath: string): Kustomization {
  const { source, node } = object;
  const namespace = getString(source, node, 'namespace');
  const { patches, ignored: patchIgnored } = readPatches(source, node, file);
  return {
    ...emptyKustomization(file, absPath),
    isComponent: getString(source, node, 'kind') === 'Component',
    ...(namespace === undefined ? {} : { namespace }),
    namePrefix: getString(source, node, 'namePrefix') ?? '',
    nameSuffix: getString(source, node, 'nameSuffix') ?? '',
    resources: [...references(source, node, 'resources'), ...references(source, node, 'bases')],
    components: references(source, node, 'components'),
    transforms: readTransforms(source, node, file),
    patches,
    ignored: [
      ...IGNORED_FIELDS.filter((field) => keyLine(source, node, field) !== undefined),
      ...(labelsWithFields(source, node) ? ['labels with custom fields'] : []),
      ...patchIgnored,
    ],
  };
}

function emptyKustomization(file: string, absPath: string): Kustomization {
  return {
    file,
    absPath,
    dir: dirname(absPath),
    isComponent: false,
    namePrefix: '',
    nameSuffix: '',
    resources: [],
    components: [],
    transforms: [],
    patches: [],
    ignored: [],
  };
}

function references(source: YamlSource, node: unknown, key: string): Reference[] {
  const list = asSeq(source, getIn(source, node, key));
  if (!list) return [];
  return list.items.flatMap((item) => {
    if (!isScalar(item) || typeof item.value !== 'string') return [];
    return [{ path: item.value, line: nodeLine(source, item, 1) }];
  });
}

function readTransforms(source: YamlSource, node: unknown, file: string): LabelTransform[] {
  const transforms: LabelTransform[] = [];
  const common = readLabelMap(source, node, 'commonLabels', {
    file,
    source: 'kustomize commonLabels',
  }).labels;
  if (common.size > 0) {
    transforms.push({ field: 'labels', entries: common, templates: true, claimTemplates: true });
  }

  const labelEntries = asSeq(source, getIn(source, node, 'labels'))?.items ?? [];
  for (const entry of labelEntries) {
    const map = asMap(source, entry);
    if (!map) continue;
    const pairs = readLabelMap(source, map, 'pairs', { file, source: 'kustomize labels' });
    const templates =
      isTrue(source, map, 'includeTemplates') || isTrue(source, map, 'includeSelectors');
    transforms.push({ field: 'labels', entries: pairs.labels, templates, claimTemplates: false });
  }

  const annotations = readLabelMap(source, node, 'commonAnnotations', {
    file,
    source: 'kustomize commonAnnotations',
  }).labels;
  if (annotations.size > 0) {
    const transform = { entries: annotations, templates: true, claimTemplates: false };
    transforms.push({ field: 'annotations', ...transform });
  }
  return transforms;
}

/** Whether a `labels` entry names its own `fields`, which are not applied (metadata still is). */
function labelsWithFields(source: YamlSource, node: unknown): boolean {
  const entries = asSeq(source, getIn(source, node, 'labels'))?.items ?? [];
  return entries.some((entry) => getIn(source, entry, 'fields') !== undefined);
}

function isTrue(source: YamlSource, node: unknown, key: string): boolean {
  const value = getIn(source, node, key);
  return isScalar(value) && value.value === true;
}

import type { Extraction, InputError, Notice, Resource } from '../../model.js';
import type { ClaimedFile, ExtractContext, Extractor } from '../types.js';
import { claimsKubernetesFile, isKustomizationFile } from './claim.js';
import { helmNotices, isHelmTemplate } from './helm.js';
import { KustomizeBuilder, objectKey } from './kustomize/build.js';
import { nonTextValueErrors } from './labels.js';
import type { Manifest } from './manifest.js';
import { ManifestStore } from './manifest-store.js';
import { manifestResources } from './resources.js';

/**
 * Kubernetes manifests: plain YAML or JSON objects (multi-document, `List`s expanded),
 * kustomizations, and Helm templates (skipped with one notice per chart).
 *
 * Each cost-bearing object becomes a resource addressed `Kind/namespace/name` (namespace
 * `default` when none is set), whose `line` is the line of its `kind:` key. An object listed
 * by a kustomization is emitted with that kustomization's effect (namespace, names, labels)
 * instead of as written, once per root kustomization that builds it; an object that two
 * kustomizations build to the same address is emitted once. How labels are judged is written
 * in `resources.ts`; what kustomize features are applied, in `kustomize/`.
 */
export const kubernetesExtractor: Extractor = {
  name: 'kubernetes',
  claim: claimsKubernetesFile,
  extract: extractKubernetes,
};

async function extractKubernetes(
  files: readonly ClaimedFile[],
  context: ExtractContext,
): Promise<Extraction> {
  const helm = files.filter((file) => isHelmTemplate(file.absPath, file.text));
  const kustomizations = files.filter((file) => isKustomizationFile(file.absPath));
  const plain = files.filter((file) => !helm.includes(file) && !kustomizations.includes(file));
  const store = new ManifestStore(
    files.filter((file) => !helm.includes(file)),
    context,
  );
  const builder = new KustomizeBuilder(store);

  const { manifests: built, loaded } = await buildRoots(kustomizations, builder);
  // Two roots may build the same object to the same place; a plain file's objects are each
  // emitted once, so only the built ones need checking for repeats.
  const resources = dedupe(
    built.flatMap((manifest) => manifestResources(manifest, context.policy)),
  );
  const valueErrors = built.flatMap(valueTypeErrors);
  // Nothing reads a plain file's objects after this loop: they are turned into resources at
  // once and not kept, so that they never outlive the file.
  for (const file of plain) {
    if (builder.patchFiles.has(file.absPath)) continue;
    for (const manifest of (await store.manifests(file.absPath, { keep: false })) ?? []) {
      if (loaded.has(objectKey(manifest))) continue;
      for (const resource of manifestResources(manifest, context.policy)) resources.push(resource);
      for (const error of valueTypeErrors(manifest)) valueErrors.push(error);
    }
  }

  const notices: Notice[] = [...(await helmNotices(helm, context)), ...builder.notices];
  return {
    resources: sortResources(resources),
    errors: [...store.errors, ...builder.errors, ...dedupeErrors(valueErrors)],
    notices,
  };
}

/**
 * Builds every kustomization and keeps the output of the roots: those no other scanned
 * kustomization reaches, components excepted (they only mean something inside another).
 */
async function buildRoots(
  kustomizations: readonly ClaimedFile[],
  builder: KustomizeBuilder,
): Promise<{ manifests: Manifest[]; loaded: Set<string> }> {
  for (const file of kustomizations) await builder.build(file.absPath);

  const manifests: Manifest[] = [];
  const loaded = new Set<string>();
  for (const file of kustomizations) {
    if (builder.referenced.has(file.absPath) || (await builder.isComponent(file.absPath))) continue;
    const result = await builder.build(file.absPath);
    manifests.push(...result.manifests);
    for (const key of result.loaded) loaded.add(key);
  }
  return { manifests, loaded };
}

/** Labels, annotations and cloud tags of an object that the Kubernetes API would reject. */
function valueTypeErrors(manifest: Manifest): InputError[] {
  const holders = [
    manifest.metadata,
    ...manifest.templates,
    ...manifest.claimTemplates.map((claim) => claim.metadata),
  ];
  return nonTextValueErrors(manifest.file, holders, manifest.cloudTags?.tags);
}

/** The same entry reached through two kustomizations is reported once. */
function dedupeErrors(errors: readonly InputError[]): InputError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.file}:${error.line}:${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function dedupe(resources: readonly Resource[]): Resource[] {
  const seen = new Set<string>();
  return resources.filter((resource) => {
    const key = `${resource.address}@${resource.file}:${resource.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortResources(resources: Resource[]): Resource[] {
  return resources.sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || compare(a.address, b.address),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kubernetesExtractor } from '../../../src/extract/kubernetes/index.js';
import type { ClaimedFile, ExtractContext } from '../../../src/extract/types.js';
import type { Extraction, Resource } from '../../../src/model.js';
import type { Policy } from '../../../src/policy/types.js';
import { discoverFiles, fileKind } from '../../../src/sources/discover.js';
import { readSourceText, UnreadableFileError } from '../../../src/sources/read.js';

/** Folder of the on-disk fixtures (kustomize, Helm). */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A policy with no keys: the extractor only reads `target` and `requireOnMetadata`. */
export function testPolicy(options: Partial<Pick<Policy, 'target' | 'requireOnMetadata'>> = {}) {
  const policy: Policy = {
    version: 1,
    file: 'policy.yaml',
    scope: { resources: 'taggable', excludeTypes: [], providers: [], paths: [], excludePaths: [] },
    requireAny: false,
    target: options.target ?? 'labels',
    requireOnMetadata: options.requireOnMetadata ?? false,
    tags: [],
  };
  return policy;
}

const VIRTUAL_ROOT = '/nonexistent-k8s-test-root';

/**
 * Runs the extractor over in-memory files (name -> text) as the engine would: every file is
 * offered to `claim`, the claimed ones go to `extract`. Nothing is read from disk.
 */
export async function extractInline(
  files: Readonly<Record<string, string>>,
  policy: Policy = testPolicy(),
): Promise<Extraction> {
  const claimed: ClaimedFile[] = [];
  for (const [file, text] of Object.entries(files)) {
    const absPath = join(VIRTUAL_ROOT, file);
    const discovered = { absPath, file, kind: fileKind(file) ?? 'yaml' };
    if (kubernetesExtractor.claim(discovered, text)) claimed.push({ ...discovered, text });
  }
  const context: ExtractContext = {
    cwd: VIRTUAL_ROOT,
    policy,
    stackTags: {},
    readText: (_absPath, file) => Promise.reject(new UnreadableFileError(file, 'not in memory')),
  };
  return kubernetesExtractor.extract(claimed, context);
}

/** Runs the extractor over a fixture folder, discovering and reading files like the engine. */
export async function extractFixture(
  folder: string,
  policy: Policy = testPolicy(),
): Promise<Extraction> {
  const cwd = join(FIXTURES, folder);
  const claimed: ClaimedFile[] = [];
  for (const discovered of await discoverFiles(['.'], cwd)) {
    const text = await readSourceText(discovered.absPath, discovered.file);
    if (kubernetesExtractor.claim(discovered, text)) claimed.push({ ...discovered, text });
  }
  return kubernetesExtractor.extract(claimed, {
    cwd,
    policy,
    stackTags: {},
    readText: readSourceText,
  });
}

/** The fields most tests compare, one row per resource. */
export function rows(resources: readonly Resource[]) {
  return resources.map((resource) => ({
    address: resource.address,
    line: resource.line,
    tagsLine: resource.tagsLine,
    tags: resource.tags,
  }));
}

/** The resource with `address`, or a thrown error listing the addresses there are. */
export function resourceAt(extraction: Extraction, address: string): Resource {
  const found = extraction.resources.find((resource) => resource.address === address);
  if (!found) {
    const known = extraction.resources.map((resource) => resource.address).join(', ');
    throw new Error(`no resource ${address}; found: ${known}`);
  }
  return found;
}

import { join } from 'node:path';
import { cloudFormationExtractor } from '../../../src/extract/cloudformation/index.js';
import type { ClaimedFile, ExtractContext } from '../../../src/extract/types.js';
import type { Extraction, Resource } from '../../../src/model.js';
import type { Policy } from '../../../src/policy/types.js';
import { readSourceText } from '../../../src/sources/read.js';

/** Folder of on-disk fixtures (samconfig.toml beside a template). */
export const FIXTURES = join(import.meta.dirname, 'fixtures');

const POLICY: Policy = {
  version: 1,
  file: '<default>',
  scope: {
    resources: 'cost-bearing',
    excludeTypes: [],
    providers: [],
    paths: [],
    excludePaths: [],
  },
  requireAny: false,
  target: 'labels',
  requireOnMetadata: false,
  tags: [],
};

/** A context reading real files, with the given stack tags. */
export function contextFor(
  cwd: string,
  stackTags: Readonly<Record<string, string>> = {},
): ExtractContext {
  return { cwd, policy: POLICY, stackTags, readText: readSourceText };
}

/**
 * Runs the extractor over one inline template, as if it were `file` in an empty folder of the
 * fixtures tree (so no samconfig.toml is found).
 */
export async function extractInline(
  text: string,
  file = 'template.yaml',
  stackTags: Readonly<Record<string, string>> = {},
): Promise<Extraction> {
  const cwd = join(FIXTURES, 'empty');
  const kind = file.endsWith('.json') ? 'json' : 'yaml';
  const claimed: ClaimedFile = { absPath: join(cwd, file), file, kind, text };
  return cloudFormationExtractor.extract([claimed], contextFor(cwd, stackTags));
}

/** The one resource named `address` in an extraction; fails the test when absent. */
export function resourceNamed(extraction: Extraction, address: string): Resource {
  const found = extraction.resources.find((resource) => resource.address === address);
  if (!found) {
    const names = extraction.resources.map((resource) => resource.address).join(', ');
    throw new Error(`no resource ${address}; got: ${names || 'none'}`);
  }
  return found;
}

/** Joins lines, so templates in tests read as written. */
export function lines(...text: string[]): string {
  return text.join('\n') + '\n';
}

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extraction, Resource } from '../../../src/model.js';
import { loadPolicyText } from '../../../src/policy/load.js';
import { discoverFiles } from '../../../src/sources/discover.js';
import { readSourceText } from '../../../src/sources/read.js';
import { terraformExtractor } from '../../../src/extract/terraform/index.js';
import type { ClaimedFile, ExtractContext } from '../../../src/extract/types.js';

/** A folder that does not exist: inline files are read only from the text given. */
export const VIRTUAL_ROOT = '/nonexistent-openclaw-tags-test';

/** The fixture folder of these tests. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

function context(cwd: string): ExtractContext {
  return {
    cwd,
    policy: loadPolicyText('version: 1\ntags: {}\n', 'policy.yaml'),
    stackTags: {},
    readText: readSourceText,
  };
}

/** Runs the Terraform extractor on inline files (`name -> text`) in one virtual folder. */
export async function extractInline(files: Readonly<Record<string, string>>): Promise<Extraction> {
  const claimed: ClaimedFile[] = Object.entries(files).map(([file, text]) => ({
    absPath: join(VIRTUAL_ROOT, file),
    file,
    kind: file.endsWith('.tf') ? 'hcl' : 'json',
    text,
  }));
  return terraformExtractor.extract(claimed, context(VIRTUAL_ROOT));
}

/** Runs the extractor as `check` would on `paths` under a fixture folder. */
export async function extractFixture(
  folder: string,
  paths: readonly string[] = [],
): Promise<Extraction> {
  const cwd = join(FIXTURES, folder);
  const discovered = await discoverFiles(paths, cwd);
  const claimed: ClaimedFile[] = [];
  for (const file of discovered) {
    const text = await readSourceText(file.absPath, file.file);
    if (terraformExtractor.claim(file, text)) claimed.push({ ...file, text });
  }
  return terraformExtractor.extract(claimed, context(cwd));
}

/** The fields a test states exactly, from one resource. */
export function summary(resource: Resource): Record<string, unknown> {
  return {
    address: resource.address,
    line: resource.line,
    tagsLine: resource.tagsLine,
    tags: resource.tags,
    ...(resource.unresolved === undefined ? {} : { unresolved: resource.unresolved }),
    ...(resource.variants === undefined ? {} : { variants: resource.variants }),
  };
}

/** The one resource with this address; throws when there is not exactly one. */
export function only(extraction: Extraction, address: string): Resource {
  const found = extraction.resources.filter((resource) => resource.address === address);
  if (found.length !== 1) {
    const all = extraction.resources.map((resource) => resource.address).join(', ');
    throw new Error(`expected one ${address}, found ${found.length} among: ${all}`);
  }
  return found[0] as Resource;
}

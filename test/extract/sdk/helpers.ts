import { join } from 'node:path';
import { expect } from 'vitest';
import { check } from '../../../src/engine/check.js';
import { sdkExtractor } from '../../../src/extract/sdk/index.js';
import type { ClaimedFile, ExtractContext } from '../../../src/extract/types.js';
import type { CheckReport, Extraction, Resource } from '../../../src/model.js';
import { loadPolicyText } from '../../../src/policy/load.js';
import type { Policy } from '../../../src/policy/types.js';
import { fileKind } from '../../../src/sources/discover.js';

const VIRTUAL_ROOT = '/nonexistent-sdk-test-root';

/** The policy the extractor tests run under: every AI family judged by every mechanism. */
export const ATTRIBUTION_POLICY = `version: 1
resources: taggable
attribution:
  openai: [project, metadata, user]
  anthropic: [metadata]
  bedrock: [inference-profile, metadata]
tags:
  CostCenter: { required: true }
`;

/** Loads an inline policy as if read from `policy.yaml`. */
export function policyOf(yaml: string = ATTRIBUTION_POLICY): Policy {
  return loadPolicyText(yaml, 'policy.yaml');
}

/**
 * Runs the SDK extractor over in-memory files (name -> text) as the engine would: each file is
 * offered to `claim`, the claimed ones go to `extract`. Nothing is read from disk.
 */
export async function extractInline(
  files: Readonly<Record<string, string>>,
  policy: Policy = policyOf(),
): Promise<Extraction> {
  const claimed: ClaimedFile[] = [];
  for (const [file, text] of Object.entries(files)) {
    const discovered = { absPath: join(VIRTUAL_ROOT, file), file, kind: fileKind(file) ?? 'code' };
    if (sdkExtractor.claim(discovered, text)) claimed.push({ ...discovered, text });
  }
  const context: ExtractContext = {
    cwd: VIRTUAL_ROOT,
    policy,
    stackTags: {},
    readText: () => Promise.reject(new Error('tests pass texts in')),
  };
  return sdkExtractor.extract(claimed, context);
}

/** The resources one file yields, under the test policy. */
export async function resourcesOf(
  file: string,
  text: string,
  policy?: Policy,
): Promise<readonly Resource[]> {
  const extraction = await extractInline({ [file]: text }, policy);
  expect(extraction.errors).toEqual([]);
  return extraction.resources;
}

/** The fields a row of a table names: address, type, tags and, when set, why unresolved. */
export interface Summary {
  readonly address: string;
  readonly type: string;
  readonly tags: Readonly<Record<string, string | null>>;
  readonly unresolved?: string;
}

/** A resource as a `Summary`, so tables spell out only what they are about. */
export function summary(resource: Resource): Summary {
  const { address, type, tags, unresolved } = resource;
  return unresolved === undefined ? { address, type, tags } : { address, type, tags, unresolved };
}

/** Folder of the on-disk fixtures. */
export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

/** Runs the whole check over a fixture folder, with paths relative to the fixtures. */
export function checkFixture(path: string, policy: Policy = policyOf()): Promise<CheckReport> {
  return check({ paths: [path], cwd: FIXTURES, policy, failOn: 'error' });
}

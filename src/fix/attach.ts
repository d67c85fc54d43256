import type { Finding, JudgedResource } from '../model.js';
import type { Policy } from '../policy/types.js';
import { suggestReplacement } from './suggest.js';

/**
 * The findings with the certain text edit each one's fix stands for, where there is one.
 * `readLines` gives the lines of a scanned or referenced file (relative path).
 */
export async function withReplacements(
  findings: readonly Finding[],
  resources: readonly JudgedResource[],
  policy: Policy,
  readLines: (file: string) => Promise<readonly string[] | undefined>,
): Promise<Finding[]> {
  const byAddress = new Map<string, JudgedResource[]>();
  for (const resource of resources) {
    byAddress.set(resource.address, [...(byAddress.get(resource.address) ?? []), resource]);
  }
  const cache = new Map<string, readonly string[] | undefined>();
  const load = async (file: string): Promise<void> => {
    if (!cache.has(file)) cache.set(file, await readLines(file));
  };

  const result: Finding[] = [];
  for (const finding of findings) {
    const resource = resourceOf(finding, byAddress);
    if (finding.replacement || !resource || !FIXABLE.has(finding.rule)) {
      result.push(finding);
      continue;
    }
    await load(resource.file);
    for (const origin of Object.values(resource.origins ?? {})) {
      if (origin.file) await load(origin.file);
    }
    const suggestion = suggestReplacement(finding, resource, policy, (file) => cache.get(file));
    if (!suggestion) result.push(finding);
    else {
      const fix = suggestion.fix ?? finding.fix;
      result.push({ ...finding, fix, replacement: suggestion.replacement });
    }
  }
  return result;
}

const FIXABLE = new Set(['missing-tag', 'wrong-case-key', 'invalid-value']);

/** The resource a finding is about: by address, the one in the finding's file on a tie. */
function resourceOf(
  finding: Finding,
  byAddress: ReadonlyMap<string, readonly JudgedResource[]>,
): JudgedResource | undefined {
  const candidates = byAddress.get(finding.resource) ?? [];
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((resource) => resource.file === finding.file);
}

import { parseSnapshot, readSnapshot, SnapshotError, type Snapshot } from '../billing/index.js';
import { describeApiError, type GitHubClient } from '../github/client.js';
import { readBranchFile } from '../github/data-branch.js';
import type { ActionLog } from '../github/log.js';
import type { Resource } from '../model.js';
import { normalizeKey } from '../policy/forms.js';
import { buildCostReport, CostReportError, renderCostMarkdown } from '../report/cost/index.js';
import type { SnapshotLocation } from './settings.js';

/** What the cost section is built from. */
export interface CostSectionRequest {
  readonly snapshot: SnapshotLocation | undefined;
  /** Tag keys to group spend by; empty for the snapshot's first policy key. */
  readonly groupBy: readonly string[];
  /** The resources the pull request's check read, whose tag values are "touched". */
  readonly resources: readonly Resource[];
  /** `owner/repo`, for a snapshot on a branch. */
  readonly repository: string | undefined;
  readonly client: GitHubClient | undefined;
  readonly now: Date;
  readonly log: ActionLog;
}

/**
 * The cost section of the comment and summary: the snapshot's spend, with the 30-day trend of
 * each tag value the checked resources carry. Undefined when no snapshot is configured, or
 * (with a warning saying why) when it cannot be read: the compliance report goes out anyway.
 */
export async function costSection(request: CostSectionRequest): Promise<string | undefined> {
  const { log } = request;
  if (request.snapshot === undefined) return undefined;
  try {
    const snapshot = await loadSnapshot(request, request.snapshot);
    if (snapshot === undefined) return undefined;
    const touched = touchedTagValues(snapshot.policyKeys, request.resources);
    const groupBy = request.groupBy.length > 0 ? request.groupBy : snapshot.policyKeys.slice(0, 1);
    const report = buildCostReport(snapshot, { groupBy, touched, now: request.now });
    return renderCostMarkdown(report);
  } catch (error) {
    const reason =
      error instanceof SnapshotError || error instanceof CostReportError
        ? error.message
        : describeApiError(error);
    log.warning(`Left the cost section out: ${reason}`);
    return undefined;
  }
}

async function loadSnapshot(
  request: CostSectionRequest,
  location: SnapshotLocation,
): Promise<Snapshot | undefined> {
  if (location.kind === 'file') return readSnapshot(location.path);

  const [owner, repo] = (request.repository ?? '').split('/');
  if (!request.client || !owner || !repo) {
    request.log.warning(
      `Left the cost section out: reading the snapshot from the branch ${location.branch} ` +
        'needs the GitHub API (GITHUB_API_URL, GITHUB_REPOSITORY and github-token).',
    );
    return undefined;
  }
  const text = await readBranchFile(request.client, {
    owner,
    repo,
    branch: location.branch,
    path: location.path,
  });
  if (text === undefined) {
    request.log.notice(
      `No billing snapshot at ${location.path} on the branch ${location.branch} yet, so the ` +
        'comment has no cost section; the ingest job (mode: ingest) writes it.',
    );
    return undefined;
  }
  return parseSnapshot(text, `${location.branch}:${location.path}`);
}

/**
 * The values each of `policyKeys` has on `resources`, keyed by the policy's spelling (a
 * resource's `cost_center` counts for `CostCenter`), from its tags and from each of its
 * condition-dependent variants. Values not known statically, and empty ones, are left out.
 */
export function touchedTagValues(
  policyKeys: readonly string[],
  resources: readonly Resource[],
): Record<string, string[]> {
  const byFold = new Map(policyKeys.map((key) => [normalizeKey(key), key]));
  const touched = new Map<string, Set<string>>();
  const tagMaps = resources.flatMap((resource) => [
    resource.tags,
    ...(resource.variants ?? []).map((variant) => variant.tags),
  ]);
  for (const tags of tagMaps) {
    for (const [key, value] of Object.entries(tags)) {
      const canonical = byFold.get(normalizeKey(key));
      if (canonical === undefined || value === null || value.trim() === '') continue;
      const values = touched.get(canonical) ?? new Set<string>();
      values.add(value);
      touched.set(canonical, values);
    }
  }
  return Object.fromEntries(
    policyKeys
      .filter((key) => touched.has(key))
      .map((key) => [key, [...(touched.get(key) ?? [])].sort()]),
  );
}

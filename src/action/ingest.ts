import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import {
  BillingInputError,
  ingestFiles,
  serializeSnapshot,
  writeSnapshotAtomically,
  type Snapshot,
} from '../billing/index.js';
import type { GitHubClient } from '../github/client.js';
import { commitBranchFile, type BranchWrite } from '../github/data-branch.js';
import type { ActionLog } from '../github/log.js';
import type { Policy } from '../policy/types.js';
import { buildCostReport, renderCostMarkdown } from '../report/cost/index.js';
import type { ActionSettings, SnapshotLocation } from './settings.js';

/** What an ingest run hands back to the entry point. */
export interface IngestOutcome {
  /** The snapshot file written on the runner. */
  readonly snapshotPath: string;
  readonly snapshot: Snapshot;
  /** The data-branch commit, when the snapshot went to a branch. */
  readonly branch: BranchWrite | undefined;
}

/** `mode: ingest` that cannot reach the data branch: no API, or no repository. */
export class IngestTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestTargetError';
  }
}

/**
 * Runs `mode: ingest`: reads the billing exports named by `billing-files` (folders are read
 * whole, files in name order) into a snapshot, writes it on the runner, and with
 * `snapshot-branch` commits it to that branch through the Git Data API, where the pull-request
 * checks read it. `now` becomes the snapshot's `generatedAt`.
 */
export async function runIngest(
  settings: ActionSettings,
  policy: Policy,
  client: GitHubClient | undefined,
  now: Date,
  log: ActionLog,
): Promise<IngestOutcome> {
  const location = settings.snapshot;
  if (location === undefined) {
    throw new IngestTargetError('mode "ingest" needs "snapshot-branch" or "snapshot"');
  }
  const cwd = settings.workingDirectory;
  const files = await expandBillingFiles(settings.billingFiles, cwd);
  log.info(`Reading ${files.length} billing export file(s): ${files.join(', ')}`);
  const snapshot = await ingestFiles(files, {
    format: settings.billingFormat,
    policy,
    cwd,
    now,
  });
  log.info(describeSnapshot(snapshot));

  const snapshotPath =
    location.kind === 'file'
      ? location.path
      : join(settings.runner.tempDir, 'openclaw-tags', 'snapshot.json');
  await writeSnapshotAtomically(snapshotPath, snapshot);
  if (location.kind === 'file') return { snapshotPath, snapshot, branch: undefined };

  const [owner, repo] = (settings.runner.repository ?? '').split('/');
  if (!client || !owner || !repo) {
    throw new IngestTargetError(
      `committing the snapshot to the branch ${location.branch} needs the GitHub API ` +
        '(GITHUB_API_URL, GITHUB_REPOSITORY and a github-token with contents: write)',
    );
  }
  const branch = await commitBranchFile({
    client,
    file: { owner, repo, branch: location.branch, path: location.path },
    content: serializeSnapshot(snapshot),
    message: commitMessage(snapshot),
    log,
  });
  log.info(branchOutcome(branch, location.branch, location.path));
  return { snapshotPath, snapshot, branch };
}

/**
 * The export files `entries` name, relative to `cwd`: a file as given, a folder as every file
 * below it (hidden ones left out), in name order. A missing entry is a `BillingInputError`.
 */
export async function expandBillingFiles(
  entries: readonly string[],
  cwd: string,
): Promise<string[]> {
  const files: string[] = [];
  for (const entry of entries) {
    const absolute = resolve(cwd, entry);
    const found = await stat(absolute).catch(() => undefined);
    if (found === undefined) {
      throw new BillingInputError(entry, 0, 'no such file or folder (input "billing-files")');
    }
    if (!found.isDirectory()) {
      files.push(entry);
      continue;
    }
    const inside = await filesBelow(absolute);
    if (inside.length === 0) {
      throw new BillingInputError(entry, 0, 'the folder holds no files (input "billing-files")');
    }
    files.push(...inside.map((file) => relative(cwd, file).split(sep).join('/')));
  }
  return files;
}

async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await filesBelow(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/**
 * The job summary of an ingest: where the snapshot went, then the spend it holds, rendered as
 * the pull-request comment's cost section renders it (grouped by `groupBy`, or the first policy
 * key).
 */
export function ingestSummary(
  outcome: IngestOutcome,
  groupBy: readonly string[],
  location: SnapshotLocation,
): string {
  const keys = groupBy.length > 0 ? groupBy : outcome.snapshot.policyKeys.slice(0, 1);
  const report = buildCostReport(outcome.snapshot, {
    groupBy: keys,
    now: new Date(outcome.snapshot.generatedAt),
  });
  const where =
    location.kind === 'file'
      ? `Wrote the billing snapshot to ${code(location.path)}.`
      : `${branchOutcome(outcome.branch, location.branch, location.path, code)}`;
  return `## openclaw-tags ingest\n\n${where}\n\n${renderCostMarkdown(report)}`;
}

/** Inline code for a name from the inputs: backticks cannot end it early. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${text} ${fence}`;
}

function describeSnapshot(snapshot: Snapshot): string {
  const period =
    snapshot.period === null ? 'no charges' : `${snapshot.period.start} to ${snapshot.period.end}`;
  const totals = snapshot.totals.map((total) => `${total.amount} ${total.currency}`).join(', ');
  return `Snapshot: ${snapshot.rows} rows, ${period}${totals === '' ? '' : `, ${totals}`}.`;
}

function commitMessage(snapshot: Snapshot): string {
  const period =
    snapshot.period === null ? 'no charges' : `${snapshot.period.start} to ${snapshot.period.end}`;
  const sources = snapshot.sources.map((source) => `- ${source.file}: ${source.rows} rows`);
  return [
    `Billing snapshot: ${period}`,
    '',
    `Written by openclaw-tags at ${snapshot.generatedAt} from:`,
    ...sources,
  ].join('\n');
}

function branchOutcome(
  write: BranchWrite | undefined,
  branch: string,
  path: string,
  name: (text: string) => string = (text) => text,
): string {
  switch (write?.kind) {
    case 'created-branch':
      return `Created the branch ${name(branch)} with ${name(path)} (commit ${write.commit}).`;
    case 'committed':
      return `Committed ${name(path)} to ${name(branch)} (commit ${write.commit}).`;
    case 'unchanged':
      return `${name(path)} on ${name(branch)} already holds this snapshot; nothing committed.`;
    case undefined:
      return `Nothing was committed to ${name(branch)}.`;
  }
}

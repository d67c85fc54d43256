import { realpath } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { blocks, check } from '../engine/check.js';
import type { GitHubClient } from '../github/client.js';
import { gitTopLevel } from '../github/git.js';
import type { ActionLog } from '../github/log.js';
import type { ChangedFile } from '../github/pull-files.js';
import type { CheckReport, Finding } from '../model.js';
import type { Policy } from '../policy/types.js';
import { discoverSources } from '../sources/discover.js';
import { checkBase, splitByBase } from './baseline.js';
import { findChangedFiles } from './changed-files.js';
import { readPullRequestEvent, type PullRequestEvent } from './pull-request.js';
import { changedScope, relativeToWorkingDirectory } from './scope.js';
import type { ActionSettings } from './settings.js';

/** The outcome of the Action's check, before rendering. */
export interface ActionCheck {
  /** The findings that count: new ones under `new-only`; `blocking` counts only these. */
  readonly report: CheckReport;
  /** Findings the base commit already had: listed apart, never blocking. */
  readonly existing: readonly Finding[];
  readonly pullRequest: PullRequestEvent | undefined;
  /** The working directory relative to the repository root, `/`-separated; `''` at the root. */
  readonly prefix: string;
  /** What was scanned, in a sentence for the summary. */
  readonly scope: string;
  /** The pull request's files with their patches, when the files API listed them all. */
  readonly pullFiles?: readonly ChangedFile[];
}

/**
 * Runs the check as a pull request needs it: only the changed files (with their Terraform
 * folders) when `changed-only` is on and the event is a pull request, a full scan otherwise or
 * when the changed files cannot be found; and under `new-only`, the base commit checked the
 * same way so that findings it already had are set apart.
 */
export async function runActionCheck(
  settings: ActionSettings,
  policy: Policy,
  client: GitHubClient | undefined,
  log: ActionLog,
): Promise<ActionCheck> {
  const pullRequest = await readPullRequestEvent(settings.runner);
  const cwd = settings.workingDirectory;
  const repoRoot = await repositoryRoot(settings);
  const prefix = relative(repoRoot, await realpath(cwd))
    .split(sep)
    .join('/');

  let changed: readonly string[] | undefined;
  let pullFiles: readonly ChangedFile[] | undefined;
  if (pullRequest && settings.changedOnly) {
    const found = await findChangedFiles({ client, pullRequest, repoRoot, log });
    if (found.kind === 'known') {
      changed = relativeToWorkingDirectory(found.files, prefix);
      pullFiles = found.listed;
      log.info(`The pull request changes ${found.files.length} files (from ${found.from}).`);
    } else {
      log.warning(`Checking every file: the changed files are unknown (${found.reason}).`);
    }
  }

  const head = await checkHead(settings, policy, changed);
  if (!pullRequest || !settings.newOnly) {
    return {
      report: head,
      existing: [],
      pullRequest,
      prefix,
      scope: scopeSentence(changed),
      ...(pullFiles ? { pullFiles } : {}),
    };
  }

  const base = await checkBase({
    repoRoot,
    baseSha: pullRequest.baseSha,
    prefix,
    paths: settings.paths,
    changed,
    policy,
    failOn: settings.failOn,
    tempDir: settings.runner.tempDir,
    log,
  });
  const split = splitByBase(head.findings, base ?? []);
  const report: CheckReport = {
    ...head,
    findings: split.added,
    blocking: split.added.filter((finding) => blocks(finding.severity, settings.failOn)).length,
  };
  return {
    report,
    existing: split.existing,
    pullRequest,
    prefix,
    scope: scopeSentence(changed),
    ...(pullFiles ? { pullFiles } : {}),
  };
}

async function checkHead(
  settings: ActionSettings,
  policy: Policy,
  changed: readonly string[] | undefined,
): Promise<CheckReport> {
  const cwd = settings.workingDirectory;
  const common = { cwd, policy, failOn: settings.failOn };
  if (changed === undefined) return check({ ...common, paths: settings.paths });

  const discovery = await discoverSources(settings.paths, cwd);
  const scope = changedScope(discovery.files, changed, discovery.errors);
  if (scope.paths.length === 0) return EMPTY_REPORT;
  return check({ ...common, paths: scope.paths, onlyFiles: scope.onlyFiles });
}

const EMPTY_REPORT: CheckReport = {
  files: 0,
  resources: [],
  findings: [],
  errors: [],
  notices: [],
  blocking: 0,
};

/** The clone's top folder; the workspace when the working directory is not in a git clone. */
async function repositoryRoot(settings: ActionSettings): Promise<string> {
  try {
    return await realpath(await gitTopLevel(settings.workingDirectory));
  } catch {
    return realpath(settings.runner.workspace);
  }
}

function scopeSentence(changed: readonly string[] | undefined): string {
  return changed === undefined
    ? 'every file under the checked paths'
    : 'the files this pull request changes';
}

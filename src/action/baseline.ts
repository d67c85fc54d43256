import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { check, type FailOn } from '../engine/check.js';
import { hasCommit, materializeTree } from '../github/git.js';
import type { ActionLog } from '../github/log.js';
import type { Finding } from '../model.js';
import type { Policy } from '../policy/types.js';
import { discoverSources, fileKind } from '../sources/discover.js';
import { changedScope, isTerraformFile } from './scope.js';

/** The findings of a pull request split by whether its base already had them. */
export interface SplitFindings {
  readonly added: readonly Finding[];
  readonly existing: readonly Finding[];
}

/**
 * What identifies a finding across commits: rule, resource address and key, not the file or
 * line, so moving a resource within its module does not make its findings new.
 */
export function matchKey(finding: Finding): string {
  return JSON.stringify([finding.rule, finding.resource, finding.key]);
}

/**
 * Splits `head` findings into those the base did not have (`added`) and those it did
 * (`existing`), matched by `matchKey` and counted: a resource with two findings of a kind where
 * the base had one gets one new finding. Order within each list follows `head`.
 */
export function splitByBase(head: readonly Finding[], base: readonly Finding[]): SplitFindings {
  const remaining = new Map<string, number>();
  for (const finding of base) {
    const key = matchKey(finding);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const added: Finding[] = [];
  const existing: Finding[] = [];
  for (const finding of head) {
    const key = matchKey(finding);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      existing.push(finding);
    } else {
      added.push(finding);
    }
  }
  return { added, existing };
}

/** How to check the base commit the way the head was checked. */
export interface BaseCheck {
  readonly repoRoot: string;
  readonly baseSha: string;
  /** The working directory relative to the repository root, `/`-separated; `''` for the root. */
  readonly prefix: string;
  /** The `paths` input, relative to the working directory. */
  readonly paths: readonly string[];
  /** Changed files relative to the working directory; undefined for a full scan. */
  readonly changed: readonly string[] | undefined;
  readonly policy: Policy;
  readonly failOn: FailOn;
  readonly tempDir: string;
  readonly log: ActionLog;
}

/**
 * The findings of the base commit, checked with the head's policy over the same scope, or
 * undefined when the clone lacks the base commit. The base files are written from git objects
 * into a temporary folder: the checked-out code is never switched and nothing is executed.
 * Every Terraform file of the base is written, so local modules resolve as they did there.
 */
export async function checkBase(request: BaseCheck): Promise<readonly Finding[] | undefined> {
  const { log } = request;
  if (!(await hasCommit(request.repoRoot, request.baseSha))) {
    log.warning(
      `new-only: the base commit ${request.baseSha} is not in the clone, so every finding is ` +
        'reported as new; check out with `fetch-depth: 0` (actions/checkout) to compare.',
    );
    return undefined;
  }

  const root = await mkdtemp(join(request.tempDir, 'openclaw-tags-base-'));
  try {
    const written = await materializeTree(
      request.repoRoot,
      request.baseSha,
      [],
      root,
      wantedAtBase(request),
    );
    log.debug(`new-only: wrote ${written.length} files of ${request.baseSha} to ${root}`);
    return await checkFolder(join(root, ...splitPrefix(request.prefix)), request);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Which base files to write: every Terraform file, and the changed (or all) readable ones. */
function wantedAtBase(request: BaseCheck): (path: string) => boolean {
  const changed = request.changed ? new Set(request.changed) : undefined;
  return (path) => {
    if (isTerraformFile(path)) return true;
    if (fileKind(path) === undefined) return false;
    const inside = request.prefix === '' ? path : stripPrefix(path, request.prefix);
    return inside !== undefined && (changed === undefined || changed.has(inside));
  };
}

async function checkFolder(cwd: string, request: BaseCheck): Promise<readonly Finding[]> {
  const present = request.paths.filter((path) => existsSync(resolve(cwd, path)));
  if (present.length === 0) return [];
  const discovery = await discoverSources(present, cwd);
  const paths = request.changed
    ? changedScope(discovery.files, request.changed, discovery.errors).paths
    : discovery.files.map((file) => file.file);
  if (paths.length === 0) return [];
  const report = await check({ paths, cwd, policy: request.policy, failOn: request.failOn });
  return report.findings;
}

function splitPrefix(prefix: string): string[] {
  return prefix === '' ? [] : prefix.split('/');
}

function stripPrefix(path: string, prefix: string): string | undefined {
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : undefined;
}

import { describeApiError, type GitHubClient } from '../github/client.js';
import { gitChangedFiles, hasCommit } from '../github/git.js';
import type { ActionLog } from '../github/log.js';
import {
  GITHUB_FILE_LIST_CAP,
  listPullRequestFiles,
  type ChangedFile,
} from '../github/pull-files.js';
import type { PullRequestEvent } from './pull-request.js';

/** The files a pull request changes, relative to the repository root, or why they are unknown. */
export type ChangedFiles =
  | {
      readonly kind: 'known';
      readonly files: readonly string[];
      readonly from: 'api' | 'git';
      /** The files as the API listed them, with their patches; only when `from` is `api`. */
      readonly listed?: readonly ChangedFile[];
    }
  | { readonly kind: 'unknown'; readonly reason: string };

/** Where to look for the changed files. `client` is undefined when the API is out of reach. */
export interface ChangedFilesSource {
  readonly client: GitHubClient | undefined;
  readonly pullRequest: PullRequestEvent;
  readonly repoRoot: string;
  readonly log: ActionLog;
}

/**
 * The files a pull request changes: from the pull-request files API, old names of renamed files
 * included; from `git diff BASE...HEAD` in the clone when the API fails or stops at GitHub's
 * 3,000-file cap. `unknown` when neither works (a shallow clone without the base commit).
 */
export async function findChangedFiles(source: ChangedFilesSource): Promise<ChangedFiles> {
  const { client, pullRequest, log } = source;
  if (client) {
    try {
      const listed = await listPullRequestFiles(client, pullRequest, pullRequest.changedFiles);
      if (listed.kind === 'complete') {
        const files = listed.files.flatMap((file) =>
          file.previousPath ? [file.path, file.previousPath] : [file.path],
        );
        return { kind: 'known', files, from: 'api', listed: listed.files };
      }
      log.info(
        `The pull-request files API lists at most ` +
          `${GITHUB_FILE_LIST_CAP.toLocaleString('en-US')} ` +
          `files and listed ${listed.listed}` +
          (listed.expected === undefined ? '' : ` of ${listed.expected}`) +
          '; reading the changed files from git instead.',
      );
    } catch (error) {
      log.warning(
        `Could not list the pull request's files (${describeApiError(error)}); ` +
          'reading the changed files from git instead.',
      );
    }
  }
  return changedFilesFromGit(source);
}

async function changedFilesFromGit(source: ChangedFilesSource): Promise<ChangedFiles> {
  const { pullRequest, repoRoot } = source;
  if (!(await hasCommit(repoRoot, pullRequest.baseSha))) {
    return {
      kind: 'unknown',
      reason:
        `the base commit ${pullRequest.baseSha} is not in the clone; ` +
        'check out with `fetch-depth: 0` (actions/checkout) so git can compare',
    };
  }

  // A `pull_request` checkout is the merge commit; the head commit may not be fetched.
  const head = (await hasCommit(repoRoot, pullRequest.headSha)) ? pullRequest.headSha : 'HEAD';
  try {
    const files = await gitChangedFiles(repoRoot, pullRequest.baseSha, head);
    return { kind: 'known', files, from: 'git' };
  } catch (error) {
    return { kind: 'unknown', reason: error instanceof Error ? error.message : String(error) };
  }
}

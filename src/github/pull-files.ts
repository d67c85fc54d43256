import type { GitHubClient } from './client.js';
import type { PullRequestRef } from './comment-api.js';

/** GitHub lists at most this many files of a pull request, however many pages are asked for. */
export const GITHUB_FILE_LIST_CAP = 3_000;

/** One file a pull request touches, with paths relative to the repository root. */
export interface ChangedFile {
  readonly path: string;
  /** The path before a rename. */
  readonly previousPath?: string;
  readonly status:
    'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  /** The unified diff of the file, when GitHub gives one (not for binary or huge files). */
  readonly patch?: string;
}

/** The changed-file list from the API: complete, or cut short by GitHub's cap. */
export type PullRequestFiles =
  | { readonly kind: 'complete'; readonly files: readonly ChangedFile[] }
  | { readonly kind: 'capped'; readonly listed: number; readonly expected: number | undefined };

/**
 * Lists every file of a pull request from the pull-request files API, 100 per page. GitHub stops
 * listing at 3,000 files; when the list reaches that cap, or is shorter than `expectedCount`
 * (the `changed_files` of the event), the answer is `capped` and the caller must find the files
 * another way. API errors are thrown.
 */
export async function listPullRequestFiles(
  client: GitHubClient,
  pullRequest: PullRequestRef,
  expectedCount: number | undefined,
): Promise<PullRequestFiles> {
  const listed = await client.paginate(client.rest.pulls.listFiles, {
    owner: pullRequest.owner,
    repo: pullRequest.repo,
    pull_number: pullRequest.number,
    per_page: 100,
  });

  const short = expectedCount !== undefined && listed.length < expectedCount;
  if (listed.length >= GITHUB_FILE_LIST_CAP || short) {
    return { kind: 'capped', listed: listed.length, expected: expectedCount };
  }
  return {
    kind: 'complete',
    files: listed.map((file) => ({
      path: file.filename,
      status: file.status,
      ...(file.previous_filename ? { previousPath: file.previous_filename } : {}),
      ...(file.patch ? { patch: file.patch } : {}),
    })),
  };
}

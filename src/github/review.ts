import type { GitHubClient } from './client.js';
import type { PullRequestRef } from './comment-api.js';

/** One review comment on the new side of a pull request's diff. */
export interface ReviewComment {
  readonly path: string;
  /** The last line the comment covers, in the new version of the file. */
  readonly line: number;
  /** The first line when the comment covers several. */
  readonly startLine?: number;
  readonly body: string;
}

/**
 * The lines of the new version of a file that a review comment can point at: the added and
 * context lines of its unified diff (`patch` of the pull-request files API). Removed lines
 * belong to the old side and are left out.
 */
export function commentableLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let next: number | undefined;
  for (const line of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      next = Number(hunk[1]);
      continue;
    }
    if (next === undefined || line.startsWith('-') || line.startsWith('\\')) continue;
    if (line.startsWith('+') || line.startsWith(' ')) {
      lines.add(next);
      next += 1;
    }
  }
  return lines;
}

/** The bodies of every review comment already on the pull request, all pages. */
export async function listReviewCommentBodies(
  client: GitHubClient,
  pullRequest: PullRequestRef,
): Promise<string[]> {
  const comments = await client.paginate(client.rest.pulls.listReviewComments, {
    owner: pullRequest.owner,
    repo: pullRequest.repo,
    pull_number: pullRequest.number,
    per_page: 100,
  });
  return comments.map((comment) => comment.body);
}

/**
 * Posts one review (event `COMMENT`: neither approves nor asks for changes) holding `comments`
 * on the new side of the diff at `commitId`. API errors are thrown.
 */
export async function createReview(
  client: GitHubClient,
  pullRequest: PullRequestRef,
  commitId: string,
  body: string,
  comments: readonly ReviewComment[],
): Promise<void> {
  await client.rest.pulls.createReview({
    owner: pullRequest.owner,
    repo: pullRequest.repo,
    pull_number: pullRequest.number,
    commit_id: commitId,
    event: 'COMMENT',
    body,
    comments: comments.map((comment) => ({
      path: comment.path,
      line: comment.line,
      side: 'RIGHT',
      ...(comment.startLine === undefined
        ? {}
        : { start_line: comment.startLine, start_side: 'RIGHT' }),
      body: comment.body,
    })),
  });
}

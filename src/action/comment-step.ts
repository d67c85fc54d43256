import type { GitHubClient } from '../github/client.js';
import { createCommentApi } from '../github/comment-api.js';
import { buildCommentBody, type RunStamp } from '../github/comment-body.js';
import { syncComment, type CommentOutcome } from '../github/comment.js';
import type { ActionLog } from '../github/log.js';
import type { PullRequestEvent } from './pull-request.js';
import type { ActionSettings } from './settings.js';

/** What the sticky comment is made of. */
export interface CommentStep {
  readonly settings: ActionSettings;
  readonly client: GitHubClient;
  readonly pullRequest: PullRequestEvent;
  /** The compliance report, already escaped Markdown. */
  readonly report: string;
  /**
   * The billing section (the cost of the tag values the pull request touches), as the billing
   * report renders it; undefined when there is no billing snapshot to show.
   */
  readonly costSection?: string;
  readonly now: Date;
  readonly log: ActionLog;
}

/**
 * Writes or refreshes the pull request's sticky comment for this job's `comment-tag` under the
 * `comment` behaviour, stamped with this run's id and attempt.
 */
export async function publishComment(step: CommentStep): Promise<CommentOutcome> {
  const { settings } = step;
  const run: RunStamp = {
    runId: settings.runner.runId,
    runAttempt: settings.runner.runAttempt,
    at: step.now.toISOString(),
  };
  const body = buildCommentBody({
    tag: settings.commentTag,
    run,
    report: step.report,
    ...(step.costSection === undefined ? {} : { costSection: step.costSection }),
  });
  return syncComment({
    api: createCommentApi(step.client, step.pullRequest),
    behavior: settings.comment,
    tag: settings.commentTag,
    run,
    body,
    log: step.log,
  });
}

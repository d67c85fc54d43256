import { describeApiError, httpStatus } from './client.js';
import {
  bodyWithoutRun,
  isCommentFor,
  isLaterRun,
  readRunStamp,
  type RunStamp,
} from './comment-body.js';
import type { ActionLog } from './log.js';

/** How the sticky comment is kept up to date, as the `comment` input spells it. */
export const COMMENT_BEHAVIORS = [
  'update',
  'new',
  'hide-and-new',
  'delete-and-new',
  'off',
] as const;
export type CommentBehavior = (typeof COMMENT_BEHAVIORS)[number];

/** An issue comment as the lifecycle needs it. */
export interface StoredComment {
  readonly id: number;
  /** GraphQL node id, for minimizing. */
  readonly nodeId: string;
  readonly body: string;
  readonly url?: string;
}

/** The comment operations on one pull request; `createCommentApi` gives the GitHub one. */
export interface CommentApi {
  /** Every comment of the pull request, oldest first. */
  list(): Promise<readonly StoredComment[]>;
  create(body: string): Promise<StoredComment>;
  update(id: number, body: string): Promise<void>;
  remove(id: number): Promise<void>;
  /** The node ids among `nodeIds` that are already minimized (hidden). */
  minimized(nodeIds: readonly string[]): Promise<ReadonlySet<string>>;
  /** Hides a comment as outdated. */
  minimize(nodeId: string): Promise<void>;
}

/** What happened to the comment; `kind` says which way the lifecycle went. */
export type CommentOutcome =
  | { readonly kind: 'off' }
  | {
      readonly kind: 'created';
      readonly comment: StoredComment;
      readonly hidden: number;
      readonly deleted: number;
    }
  | { readonly kind: 'updated'; readonly comment: StoredComment }
  | { readonly kind: 'unchanged'; readonly comment: StoredComment }
  | { readonly kind: 'superseded'; readonly by: RunStamp }
  | { readonly kind: 'forbidden'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** One sync of the sticky comment. `body` already carries the markers for `tag` and `run`. */
export interface CommentRequest {
  readonly api: CommentApi;
  readonly behavior: CommentBehavior;
  readonly tag: string;
  readonly run: RunStamp;
  readonly body: string;
  readonly log: ActionLog;
}

/**
 * Brings the pull request's comment for `tag` up to date under `behavior`: `update` edits the
 * latest one in place, `new` adds one, `hide-and-new` and `delete-and-new` add one and then hide
 * or delete the older ones. Nothing is written when the latest comment already holds the same
 * report, or when a later run or attempt wrote it. A 403 (a fork's read-only token) skips the
 * comment with a notice; any other API failure skips it with a warning. Never throws for API
 * errors: the check reports through annotations and the job summary either way.
 */
export async function syncComment(request: CommentRequest): Promise<CommentOutcome> {
  if (request.behavior === 'off') return { kind: 'off' };
  try {
    return await syncCommentOrThrow(request);
  } catch (error) {
    return apiFailure(error, request.log);
  }
}

async function syncCommentOrThrow(request: CommentRequest): Promise<CommentOutcome> {
  const { api, behavior, log } = request;
  const ours = (await api.list()).filter((comment) => isCommentFor(comment.body, request.tag));
  const latest = ours.at(-1);

  const newest = latestRun(ours);
  if (newest && isLaterRun(newest, request.run)) {
    log.info(
      `The pull-request comment was written by a later run (${newest.runId}, attempt ` +
        `${newest.runAttempt}); leaving it as it is.`,
    );
    return { kind: 'superseded', by: newest };
  }

  if (latest && bodyWithoutRun(latest.body) === bodyWithoutRun(request.body)) {
    log.info(`The pull-request comment already holds this report: ${latest.url ?? latest.id}`);
    return { kind: 'unchanged', comment: latest };
  }

  if (behavior === 'update' && latest) {
    await api.update(latest.id, request.body);
    log.info(`Updated the pull-request comment ${latest.url ?? latest.id}`);
    return { kind: 'updated', comment: { ...latest, body: request.body } };
  }

  // The new comment comes first, so a failure never leaves the pull request without one.
  const comment = await api.create(request.body);
  log.info(`Created the pull-request comment ${comment.url ?? comment.id}`);
  const hidden = behavior === 'hide-and-new' ? await hideAll(api, ours) : 0;
  const deleted = behavior === 'delete-and-new' ? await deleteAll(api, ours) : 0;
  return { kind: 'created', comment, hidden, deleted };
}

/** The latest run recorded by any of `comments`. */
function latestRun(comments: readonly StoredComment[]): RunStamp | undefined {
  let newest: RunStamp | undefined;
  for (const comment of comments) {
    const stamp = readRunStamp(comment.body);
    if (stamp && (!newest || isLaterRun(stamp, newest))) newest = stamp;
  }
  return newest;
}

async function hideAll(api: CommentApi, comments: readonly StoredComment[]): Promise<number> {
  if (comments.length === 0) return 0;
  const already = await api.minimized(comments.map((comment) => comment.nodeId));
  let hidden = 0;
  for (const comment of comments) {
    if (already.has(comment.nodeId)) continue;
    await api.minimize(comment.nodeId);
    hidden++;
  }
  return hidden;
}

async function deleteAll(api: CommentApi, comments: readonly StoredComment[]): Promise<number> {
  for (const comment of comments) await api.remove(comment.id);
  return comments.length;
}

function apiFailure(error: unknown, log: ActionLog): CommentOutcome {
  const reason = describeApiError(error);
  if (httpStatus(error) === 403) {
    log.notice(
      'Skipped the pull-request comment: the token may not write to this pull request ' +
        `(${reason}). Pull requests from forks get a read-only token; the findings are in ` +
        'the annotations and the job summary.',
    );
    return { kind: 'forbidden', reason };
  }
  log.warning(`Skipped the pull-request comment after an API error (${reason})`);
  return { kind: 'failed', reason };
}

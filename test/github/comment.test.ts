import { describe, expect, test } from 'vitest';
import { buildCommentBody, type RunStamp } from '../../src/github/comment-body.js';
import { syncComment, type CommentBehavior } from '../../src/github/comment.js';
import { recordingLog } from '../../src/github/log.js';
import { MemoryComments } from './memory-comments.js';

const AT = '2030-01-02T03:04:05.000Z';

function run(runId: number, runAttempt = 1): RunStamp {
  return { runId, runAttempt, at: AT };
}

function body(report: string, stamp: RunStamp, tag = 'default'): string {
  return buildCommentBody({ tag, run: stamp, report });
}

interface LifecycleRow {
  readonly name: string;
  readonly behavior: CommentBehavior;
  /** Bodies already on the pull request, oldest first. */
  readonly existing: readonly string[];
  readonly minimized?: readonly number[];
  readonly report: string;
  readonly run: RunStamp;
  readonly tag?: string;
  readonly outcome: string;
  readonly writes: readonly string[];
  /** Reports of the comments for the tag afterwards, with `(hidden)` for minimized ones. */
  readonly after: readonly string[];
}

const lifecycle: LifecycleRow[] = [
  {
    name: 'update: the first run creates the comment',
    behavior: 'update',
    existing: ['a human comment'],
    report: 'R1',
    run: run(10),
    outcome: 'created',
    writes: ['create'],
    after: ['R1'],
  },
  {
    name: 'update: a later run edits the comment in place',
    behavior: 'update',
    existing: [body('R1', run(10))],
    report: 'R2',
    run: run(11),
    outcome: 'updated',
    writes: ['update 1'],
    after: ['R2'],
  },
  {
    name: 'update: the same report is not written again, though the run differs',
    behavior: 'update',
    existing: [body('R1', run(10))],
    report: 'R1',
    run: run(11),
    outcome: 'unchanged',
    writes: [],
    after: ['R1'],
  },
  {
    name: 'update: a comment from a later run is never overwritten',
    behavior: 'update',
    existing: [body('R-new', run(12))],
    report: 'R-old',
    run: run(11),
    outcome: 'superseded',
    writes: [],
    after: ['R-new'],
  },
  {
    name: 'update: a later attempt of the same run wins over an earlier attempt',
    behavior: 'update',
    existing: [body('R-attempt-3', run(11, 3))],
    report: 'R-attempt-2',
    run: run(11, 2),
    outcome: 'superseded',
    writes: [],
    after: ['R-attempt-3'],
  },
  {
    name: 'update: a re-run (next attempt) may overwrite its first attempt',
    behavior: 'update',
    existing: [body('R-attempt-1', run(11, 1))],
    report: 'R-attempt-2',
    run: run(11, 2),
    outcome: 'updated',
    writes: ['update 1'],
    after: ['R-attempt-2'],
  },
  {
    name: 'update: the latest of several comments is the one edited',
    behavior: 'update',
    existing: [body('R1', run(1)), body('R2', run(2))],
    report: 'R3',
    run: run(3),
    outcome: 'updated',
    writes: ['update 2'],
    after: ['R1', 'R3'],
  },
  {
    name: 'update: a comment of another tag is left alone',
    behavior: 'update',
    existing: [body('other leg', run(10), 'aws')],
    report: 'R1',
    run: run(11),
    tag: 'gcp',
    outcome: 'created',
    writes: ['create'],
    after: ['R1'],
  },
  {
    name: 'update: a tag that starts like another does not match it',
    behavior: 'update',
    existing: [body('prod-eu report', run(10), 'prod-eu')],
    report: 'R1',
    run: run(11),
    tag: 'prod',
    outcome: 'created',
    writes: ['create'],
    after: ['R1'],
  },
  {
    name: 'new: adds a comment and keeps the older one',
    behavior: 'new',
    existing: [body('R1', run(10))],
    report: 'R2',
    run: run(11),
    outcome: 'created',
    writes: ['create'],
    after: ['R1', 'R2'],
  },
  {
    name: 'new: the same report is not posted twice',
    behavior: 'new',
    existing: [body('R1', run(10))],
    report: 'R1',
    run: run(11),
    outcome: 'unchanged',
    writes: [],
    after: ['R1'],
  },
  {
    name: 'hide-and-new: adds a comment, then hides the older ones not yet hidden',
    behavior: 'hide-and-new',
    existing: [body('R1', run(9)), body('R2', run(10))],
    minimized: [0],
    report: 'R3',
    run: run(11),
    outcome: 'created',
    writes: ['create', 'minimize IC_2'],
    after: ['R1 (hidden)', 'R2 (hidden)', 'R3'],
  },
  {
    name: 'delete-and-new: adds a comment, then deletes the older ones',
    behavior: 'delete-and-new',
    existing: [body('R1', run(9)), 'a human comment', body('R2', run(10))],
    report: 'R3',
    run: run(11),
    outcome: 'created',
    writes: ['create', 'delete 1', 'delete 3'],
    after: ['R3'],
  },
  {
    name: 'delete-and-new: a later run stops the deletion',
    behavior: 'delete-and-new',
    existing: [body('R1', run(12))],
    report: 'R2',
    run: run(11),
    outcome: 'superseded',
    writes: [],
    after: ['R1'],
  },
  {
    name: 'off: nothing is read or written',
    behavior: 'off',
    existing: [body('R1', run(10))],
    report: 'R2',
    run: run(11),
    outcome: 'off',
    writes: [],
    after: ['R1'],
  },
];

describe('syncComment', () => {
  test.each(lifecycle)('$name', async (row) => {
    const api = new MemoryComments(row.existing, row.minimized);
    const tag = row.tag ?? 'default';
    const outcome = await syncComment({
      api,
      behavior: row.behavior,
      tag,
      run: row.run,
      body: body(row.report, row.run, tag),
      log: recordingLog(),
    });

    expect(outcome.kind).toBe(row.outcome);
    expect(api.writes).toEqual(row.writes);
    const ours = api.comments.filter((comment) => comment.body.includes('openclaw-tags-run'));
    const reports = ours
      .filter((comment) => comment.body.startsWith(`<!-- openclaw-tags:${tag} -->`))
      .map((comment) => reportOf(comment.body) + (comment.minimized ? ' (hidden)' : ''));
    expect(reports).toEqual(row.after);
  });

  test.each([
    [403, 'forbidden', 'notice'],
    [500, 'failed', 'warning'],
  ] as const)(
    'a %i on the first write skips the comment with a %s',
    async (status, kind, level) => {
      const api = new MemoryComments();
      api.failWrites = status;
      const log = recordingLog();
      const outcome = await syncComment({
        api,
        behavior: 'update',
        tag: 'default',
        run: run(1),
        body: body('R1', run(1)),
        log,
      });
      expect(outcome).toEqual({ kind, reason: `HTTP ${status}: HTTP ${status}` });
      expect(log.lines.map((line) => line.level)).toEqual([level]);
      expect(log.lines[0]?.message).toContain('Skipped the pull-request comment');
    },
  );
});

/** The report part of a body: what follows the two marker lines. */
function reportOf(text: string): string {
  return text.split('\n').slice(2).join('\n');
}

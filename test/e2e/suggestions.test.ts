import { describe, expect, test } from 'vitest';
import { actionHarness } from './harness.js';
import { runAction, type ActionRun } from './run-action.js';
import { fixableScenario } from './scenario.js';

const REVIEWS = '/repos/octo/infra/pulls/7/reviews';
const REVIEW_COMMENTS = '/repos/octo/infra/pulls/7/comments';

const harness = actionHarness(fixableScenario);

function run(runId: number, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    workspace: harness.scenario.repo.root,
    apiUrl: harness.fake.url,
    event: harness.scenario.event,
    runId,
    inputs: { policy: '.github/tag-policy.yaml', ...inputs },
  });
}

describe('suggested changes on a pull request', () => {
  test('a certain fix is posted once as a suggestion on its diff line', async () => {
    const first = await run(200);

    expect(first.code).toBe(1);
    const posts = harness.fake.calls.filter(
      (call) => call.method === 'POST' && call.path === REVIEWS,
    );
    expect(posts).toHaveLength(1);
    const review = posts[0]?.body as { commit_id: string; event: string; comments: unknown[] };
    expect(review.commit_id).toBe(harness.scenario.head);
    expect(review.event).toBe('COMMENT');
    expect(review.comments).toHaveLength(1);
    expect(review.comments[0]).toMatchObject({ path: 'infra/app/main.tf', line: 9, side: 'RIGHT' });
    const body = (review.comments[0] as { body: string }).body;
    expect(body).toContain('```suggestion\n    Environment = "prod"\n```');
    expect(body).toContain(
      '<!-- openclaw-tags-suggestion: rule=invalid-value resource=aws_instance.api key=Environment -->',
    );

    harness.fake.clearCalls();
    const second = await run(201);
    expect(second.code).toBe(1);
    expect(harness.fake.calls.some((call) => call.path === REVIEW_COMMENTS)).toBe(true);
    expect(harness.fake.calls.some((call) => call.path === REVIEWS)).toBe(false);
    expect(harness.fake.reviewComments).toHaveLength(1);
  });

  test("a fork's read-only token (403) skips the suggestions with a notice", async () => {
    harness.fake.failNext('POST', /\/pulls\/7\/reviews$/, 403);
    const result = await run(202, { 'fail-on': 'never' });

    expect(result.code).toBe(0);
    const notices = result.commands.filter((command) => command.command === 'notice');
    expect(notices.map((notice) => notice.message)).toContainEqual(
      expect.stringMatching(/^Suggested changes skipped: the token cannot write reviews/),
    );
    expect(harness.fake.reviewComments).toEqual([]);
  });

  test('suggestions: false posts none and reads no review comments', async () => {
    const result = await run(203, { suggestions: 'false' });
    expect(result.code).toBe(1);
    expect(
      harness.fake.calls.some((call) => call.path === REVIEWS || call.path === REVIEW_COMMENTS),
    ).toBe(false);
  });
});

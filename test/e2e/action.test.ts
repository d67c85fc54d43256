import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectGolden } from '../golden.js';
import { actionHarness } from './harness.js';
import { runAction, type ActionRun } from './run-action.js';
import { largeScenario, mainScenario, movedScenario, type Scenario } from './scenario.js';

const POLICY_INPUT = { policy: '.github/tag-policy.yaml' };
const COMMENTS = '/repos/octo/infra/issues/7/comments';
const FILES = '/repos/octo/infra/pulls/7/files';

const harness = actionHarness(mainScenario);

function run(
  runId: number,
  inputs: Record<string, string> = {},
  on: Scenario = harness.scenario,
): Promise<ActionRun> {
  return runAction({
    workspace: on.repo.root,
    apiUrl: harness.fake.url,
    event: on.event,
    runId,
    inputs: { ...POLICY_INPUT, ...inputs },
  });
}

/** A comment an earlier run left, with a report that differs from today's. */
function earlierComment(runId: number): string {
  const at = '2030-01-01T00:00:00.000Z';
  return `<!-- openclaw-tags:default -->\n<!-- openclaw-tags-run: run=${runId} attempt=1 at=${at} -->\nold report`;
}

/** The comment body with its timestamp fixed, for golden files. */
function stable(body: string): string {
  return body.replace(/ at=\S+ -->/, ' at=<time> -->');
}

describe('the Action on a pull request', () => {
  test('the first run annotates the new finding, creates the comment and fails', async () => {
    const result = await run(100);

    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ findings: '1', blocking: '1', sarif: '' });
    const report = JSON.parse(readFileSync(result.outputs.report ?? '', 'utf8'));
    expect(report.findings.map((f: { resource: string }) => f.resource)).toEqual([
      'aws_instance.web',
    ]);
    const errors = result.commands.filter((command) => command.command === 'error');
    expect(errors[0]?.properties).toEqual({
      title: 'openclaw-tags invalid-value: aws_instance.web',
      file: 'infra/app/main.tf',
      line: '5',
    });
    expect(errors.at(-1)?.message).toBe(
      '1 blocking finding (fail-on: error); see the annotations and the job summary',
    );
    expect(harness.fake.writes()).toEqual([`POST ${COMMENTS}`]);

    const body = harness.fake.comments[0]?.body ?? '';
    expectGolden('action/comment-first-run.golden.md', stable(body));
    expectGolden('action/summary-first-run.golden.md', result.summary);
  });

  test('a tag value holding Markdown, HTML and an @mention is rendered inert', async () => {
    await run(100);
    const body = harness.fake.comments[0]?.body ?? '';
    expect(body).toContain('@\u200Doctocat');
    expect(body).not.toMatch(/@octocat|<img|\]\(https:\/\/evil|\*\*prod\*\*|#1/);
  });

  test('a second run with the same report leaves the comment as it is', async () => {
    await run(100);
    harness.fake.clearCalls();
    const second = await run(101);
    expect(second.code).toBe(1);
    expect(harness.fake.writes()).toEqual([]);
    expect(harness.fake.comments).toHaveLength(1);
    expect(harness.fake.comments[0]?.body).toContain('run=100 attempt=1');
  });

  test('a later run with another report updates the comment in place', async () => {
    const { id } = harness.fake.addComment(earlierComment(90));
    await run(102);
    expect(harness.fake.writes()).toEqual([`PATCH /repos/octo/infra/issues/comments/${id}`]);
    expect(harness.fake.comments).toHaveLength(1);
    expect(harness.fake.comments[0]?.body).toContain('run=102 attempt=1');
  });

  test('a re-run of an older run never overwrites the comment of a later run', async () => {
    harness.fake.addComment(earlierComment(200));
    const result = await run(150, {});
    expect(harness.fake.writes()).toEqual([]);
    expect(harness.fake.comments[0]?.body).toContain('old report');
    expect(result.stdout).toContain('written by a later run (200, attempt 1)');
  });

  test.each([
    { comment: 'new', writes: ['POST comments'], after: ['old (visible)', 'new (visible)'] },
    {
      comment: 'hide-and-new',
      writes: ['POST comments', 'POST /graphql minimize'],
      after: ['old (hidden)', 'new (visible)'],
    },
    {
      comment: 'delete-and-new',
      writes: ['POST comments', 'DELETE comment'],
      after: ['new (visible)'],
    },
    { comment: 'off', writes: [], after: ['old (visible)'] },
  ])('comment: $comment', async ({ comment, writes, after }) => {
    harness.fake.addComment(earlierComment(90));
    const result = await run(103, { comment });
    expect(result.code).toBe(1);
    const kinds = harness.fake
      .writes()
      .map((write) =>
        write.replace(`${COMMENTS}`, 'comments').replace(/\/repos\/\S+\/comments\/\d+/, 'comment'),
      );
    expect(kinds).toEqual(writes);
    const state = harness.fake.comments.map(
      (c) =>
        `${c.body.includes('old report') ? 'old' : 'new'} (${c.minimized ? 'hidden' : 'visible'})`,
    );
    expect(state).toEqual(after);
    if (comment === 'off')
      expect(harness.fake.calls.some((call) => call.path === COMMENTS)).toBe(false);
  });

  test.each([
    { failOn: 'error', code: 1 },
    { failOn: 'never', code: 0 },
  ])(
    "a fork's read-only token (403) skips the comment; exit by findings ($failOn)",
    async ({ failOn, code }) => {
      harness.fake.failNext('POST', /\/issues\/7\/comments$/, 403);
      const result = await run(104, { 'fail-on': failOn });

      expect(result.code).toBe(code);
      expect(harness.fake.comments).toEqual([]);
      const notice = result.commands.find((command) => command.command === 'notice');
      expect(notice?.message).toMatch(/^Skipped the pull-request comment: the token may not write/);
      expect(
        result.commands.filter((c) => c.command === 'error' && c.properties.file),
      ).toHaveLength(1);
      expect(result.summary).toContain('aws\\_instance.web');
    },
  );

  test('a 502 from the files API is retried', async () => {
    harness.fake.failNext('GET', /\/pulls\/7\/files$/, 502);
    const result = await run(105);
    const statuses = harness.fake.calls
      .filter((call) => call.path === FILES)
      .map((call) => call.status);
    expect(statuses).toEqual([502, 200]);
    expect(result.stdout).toContain('The pull request changes 2 files (from api).');
    expect(result.outputs.findings).toBe('1');
  });

  test('when the files API refuses, the changed files come from git', async () => {
    harness.fake.failNext('GET', /\/pulls\/7\/files$/, 404);
    const result = await run(106);
    expect(result.stdout).toContain('The pull request changes 2 files (from git).');
    const warning = result.commands.find((command) => command.command === 'warning');
    expect(warning?.message).toMatch(/^Could not list the pull request's files \(HTTP 404/);
    expect(result.outputs.findings).toBe('1');
  });

  test('with a SARIF path, the log is written with paths from the repository root', async () => {
    const result = await run(107, { sarif: 'out/tags.sarif', comment: 'off' });
    const sarif = JSON.parse(readFileSync(result.outputs.sarif ?? '', 'utf8'));
    const location = sarif.runs[0].results[0].locations[0].physicalLocation;
    expect(result.outputs.sarif).toBe(`${harness.scenario.repo.root}/out/tags.sarif`);
    expect(location.artifactLocation.uri).toBe('infra/app/main.tf');
  });

  test('an existing violation is listed apart and does not block under new-only', async () => {
    const result = await run(108, { comment: 'off' });
    const report = JSON.parse(readFileSync(result.outputs.report ?? '', 'utf8'));
    expect(report.findings.map((f: { resource: string }) => f.resource)).toEqual([
      'aws_instance.web',
    ]);
    expect(result.outputs.blocking).toBe('1');
    expect(result.summary).toContain(
      '<details><summary>1 existing violation the base branch already had (not blocking)',
    );
    expect(result.summary).toMatch(
      /\| missing-tag \| aws\\_s3\\_bucket\.legacy \| infra\/app\/main\.tf:\d+ \| Environment \|/,
    );

    const all = await run(109, { comment: 'off', 'new-only': 'false' });
    expect(all.outputs).toMatchObject({ findings: '2', blocking: '2' });
  });

  test('a resource moved to another file of its module brings no new finding', async () => {
    const moved = movedScenario();
    try {
      harness.fake.files = moved.files;
      const result = await run(110, {}, moved);
      expect(result.code).toBe(0);
      expect(result.outputs).toMatchObject({ findings: '0', blocking: '0' });
      expect(result.summary).toContain('1 existing violation the base branch already had');
      expect(harness.fake.comments[0]?.body).toContain('aws\\_s3\\_bucket.legacy');
    } finally {
      moved.repo.remove();
    }
  });
});

describe('a pull request of 3,500 files', () => {
  let large: Scenario;

  beforeAll(() => {
    large = largeScenario(3_500);
  }, 120_000);

  afterAll(() => large.repo.remove());

  test('pages through the files API to its 3,000-file cap, then reads the rest from git', async () => {
    harness.fake.files = large.files;
    const result = await run(120, { comment: 'off' }, large);

    const pages = harness.fake.calls.filter((call) => call.path === FILES);
    expect(pages).toHaveLength(30);
    expect(pages.map((call) => call.query.page ?? '1')).toEqual(
      Array.from({ length: 30 }, (_, index) => String(index + 1)),
    );
    expect(result.stdout).toContain(
      'The pull-request files API lists at most 3,000 files and listed 3000 of 3500; ' +
        'reading the changed files from git instead.',
    );
    expect(result.stdout).toContain('The pull request changes 3500 files (from git).');
    const report = JSON.parse(readFileSync(result.outputs.report ?? '', 'utf8'));
    expect(
      report.findings.map((f: { resource: string; key: string }) => `${f.resource} ${f.key}`),
    ).toEqual(['aws_s3_bucket.late CostCenter', 'aws_s3_bucket.late Environment']);
    expect(result.code).toBe(1);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { expectGolden } from '../golden.js';
import { focusExport, IngestWorkspace, SNAPSHOT_EPOCH } from './billing.js';
import { FakeGitData } from './fake-git-data.js';
import { actionHarness } from './harness.js';
import { runAction, type ActionRun } from './run-action.js';
import { mainScenario } from './scenario.js';

const BRANCH = 'openclaw-tags/billing';
const GIT = '/repos/octo/infra/git';

const harness = actionHarness(mainScenario);
let exports: IngestWorkspace;

beforeAll(() => {
  exports = new IngestWorkspace({
    'exports/2029-12.csv': focusExport('2029-12-01', '2029-12-31'),
    'exports/2030-q1.csv': focusExport('2030-01-01', '2030-02-28'),
  });
});

afterAll(() => {
  exports.remove();
});

beforeEach(() => {
  harness.fake.git = new FakeGitData();
});

/** The nightly job: `mode: ingest` on a schedule, dated by SOURCE_DATE_EPOCH. */
function ingest(runId: number, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    workspace: exports.root,
    apiUrl: harness.fake.url,
    event: { name: 'schedule', payload: {} },
    runId,
    env: { SOURCE_DATE_EPOCH: SNAPSHOT_EPOCH },
    inputs: {
      mode: 'ingest',
      policy: '.github/tag-policy.yaml',
      'billing-files': 'exports',
      'snapshot-branch': BRANCH,
      ...inputs,
    },
  });
}

/** The pull-request job, with the cost section read from the data branch. */
function check(runId: number, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    workspace: harness.scenario.repo.root,
    apiUrl: harness.fake.url,
    event: harness.scenario.event,
    runId,
    inputs: { policy: '.github/tag-policy.yaml', 'snapshot-branch': BRANCH, ...inputs },
  });
}

function stable(body: string): string {
  return body.replace(/ at=\S+ -->/, ' at=<time> -->');
}

describe('mode: ingest', () => {
  test('reads every export of the folder and creates the data branch with the snapshot', async () => {
    const result = await ingest(300);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const head = harness.fake.git.refs.get(`heads/${BRANCH}`);
    expect(result.outputs['snapshot-commit']).toBe(head);
    const committed = JSON.parse(harness.fake.git.fileAt(BRANCH, 'snapshot.json') ?? '{}');
    expect(committed).toMatchObject({
      generatedAt: '2030-03-01T00:00:00.000Z',
      period: { start: '2029-12-01', end: '2030-02-28' },
      rows: 270,
      totals: [{ currency: 'USD', amount: '1316' }],
    });
    expect(committed.sources.map((source: { file: string }) => source.file)).toEqual([
      'exports/2029-12.csv',
      'exports/2030-q1.csv',
    ]);
    expect(readFileSync(result.outputs.snapshot ?? '', 'utf8')).toBe(
      harness.fake.git.fileAt(BRANCH, 'snapshot.json'),
    );
    expect(harness.fake.git.history(BRANCH)[0]).toMatch(
      /^Billing snapshot: 2029-12-01 to 2030-02-28\n/,
    );
    expect(harness.fake.writes()).toEqual([
      `POST ${GIT}/blobs`,
      `POST ${GIT}/trees`,
      `POST ${GIT}/commits`,
      `POST ${GIT}/refs`,
    ]);
    expectGolden('action/summary-ingest.golden.md', result.summary);
  });

  test('the same exports again commit nothing', async () => {
    await ingest(301);
    const head = harness.fake.git.refs.get(`heads/${BRANCH}`);
    harness.fake.clearCalls();
    const again = await ingest(302);

    expect(again.code).toBe(0);
    expect(again.outputs['snapshot-commit']).toBe(head);
    expect(harness.fake.git.history(BRANCH)).toHaveLength(1);
    expect(again.stdout).toContain('snapshot.json on openclaw-tags/billing already holds');
  });

  test('when another job pushes to the branch meanwhile (422), the commit is made again on top', async () => {
    harness.fake.git.push(BRANCH, { 'README.md': 'Billing snapshots.\n' }, 'start');
    harness.fake.git.beforeNextRefUpdate = () =>
      harness.fake.git.push(BRANCH, { 'notes.md': 'other job\n' }, 'other job');
    const result = await ingest(303);

    expect(result.code).toBe(0);
    const refUpdates = harness.fake.calls.filter((call) => call.method === 'PATCH');
    expect(refUpdates.map((call) => call.status)).toEqual([422, 200]);
    expect(harness.fake.git.history(BRANCH).slice(1)).toEqual(['other job', 'start']);
    expect(harness.fake.git.fileAt(BRANCH, 'notes.md')).toBe('other job\n');
    expect(harness.fake.git.fileAt(BRANCH, 'snapshot.json')).toContain('"rows": 270');
  });

  test('a missing export fails the step with the file named, and commits nothing', async () => {
    const result = await ingest(304, { 'billing-files': 'exports/2031-01.csv' });
    expect(result.code).toBe(1);
    const error = result.commands.find((command) => command.command === 'error');
    expect(error?.message).toBe(
      'exports/2031-01.csv:0: no such file or folder (input "billing-files")',
    );
    expect(harness.fake.writes()).toEqual([]);
  });
});

describe('the cost section of the pull-request comment', () => {
  test('comes from the data branch, with the tag values the pull request touches', async () => {
    await ingest(310);
    harness.fake.clearCalls();
    const result = await check(311);

    expect(result.code).toBe(1);
    const body = stable(harness.fake.comments[0]?.body ?? '');
    expect(body).toContain('#### Tag values this pull request touches');
    expect(body).toContain(
      '| CostCenter | cc-100 | $356.00 | $300.00 | +$56.00 (+18.7%) | 74.8% |',
    );
    expect(body).not.toMatch(/@octocat|<img|\]\(https:\/\/evil|\*\*prod\*\*/);
    expectGolden('action/comment-with-cost.golden.md', body);
    expect(result.summary).toContain('#### Tag values this pull request touches');
  });

  test('a snapshot file given by path works without the branch', async () => {
    const ingested = await ingest(312);
    const result = await check(313, {
      'snapshot-branch': '',
      snapshot: ingested.outputs.snapshot ?? '',
    });
    expect(harness.fake.comments[0]?.body).toContain('| CostCenter | cc-100 | $356.00 |');
    expect(result.code).toBe(1);
  });

  test('without a snapshot on the branch yet, the comment goes out without the section', async () => {
    const result = await check(314);
    const notice = result.commands.find((command) => command.command === 'notice');
    expect(notice?.message).toBe(
      'No billing snapshot at snapshot.json on the branch openclaw-tags/billing yet, so the ' +
        'comment has no cost section; the ingest job (mode: ingest) writes it.',
    );
    expect(harness.fake.comments[0]?.body).not.toContain('### Cost');
    expect(harness.fake.comments[0]?.body).toContain('aws\\_instance.web');
  });

  test('a snapshot that is not one is a warning, not a failed check', async () => {
    harness.fake.git.push(BRANCH, { 'snapshot.json': '{"version": 9}' });
    const result = await check(315);
    const warning = result.commands.find((command) => command.command === 'warning');
    expect(warning?.message).toMatch(
      /^Left the cost section out: openclaw-tags\/billing:snapshot.json: has version 9/,
    );
    expect(result.outputs.findings).toBe('1');
    expect(harness.fake.comments).toHaveLength(1);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import {
  commitBranchFile,
  DataBranchError,
  readBranchFile,
  type BranchFile,
} from '../../src/github/data-branch.js';
import { recordingLog } from '../../src/github/log.js';
import { FakeGitData } from '../e2e/fake-git-data.js';
import { FakeGitHub } from '../e2e/fake-github.js';

const FILE: BranchFile = {
  owner: 'octo',
  repo: 'infra',
  branch: 'data/billing',
  path: 'costs/snapshot.json',
};

let fake: FakeGitHub;
let client: GitHubClient;

beforeAll(async () => {
  fake = new FakeGitHub();
  await fake.start();
  client = createGitHubClient({ token: 't', apiUrl: fake.url, log: recordingLog(), retries: 0 });
});

afterAll(() => fake.stop());

beforeEach(() => {
  fake.git = new FakeGitData();
  fake.clearCalls();
});

function commit(content: string, attempts?: number) {
  const log = recordingLog();
  const write = commitBranchFile({
    client,
    file: FILE,
    content,
    message: `write ${content}`,
    log,
    ...(attempts === undefined ? {} : { attempts }),
  });
  return { write, log };
}

describe('the data branch', () => {
  test('a branch that does not exist reads as no file', async () => {
    expect(await readBranchFile(client, FILE)).toBeUndefined();
  });

  test('a missing file on an existing branch reads as no file', async () => {
    fake.git.push('data/billing', { 'README.md': 'data only' });
    expect(await readBranchFile(client, FILE)).toBeUndefined();
    expect(await readBranchFile(client, { ...FILE, path: 'README.md/x' })).toBeUndefined();
  });

  test('the first commit creates the branch without history; the file reads back', async () => {
    const { write } = commit('{"v":1}\n');
    const outcome = await write;
    expect(outcome.kind).toBe('created-branch');
    expect(fake.git.refs.get('heads/data/billing')).toBe(outcome.commit);
    expect(fake.git.history('data/billing')).toEqual(['write {"v":1}\n']);
    expect(await readBranchFile(client, FILE)).toBe('{"v":1}\n');
  });

  test('a later commit goes on top and keeps the other files of the branch', async () => {
    fake.git.push('data/billing', { 'README.md': 'data only' }, 'readme');
    const outcome = await commit('{"v":2}\n').write;
    expect(outcome.kind).toBe('committed');
    expect(fake.git.history('data/billing')).toEqual(['write {"v":2}\n', 'readme']);
    expect(fake.git.fileAt('data/billing', 'README.md')).toBe('data only');
    expect(fake.git.fileAt('data/billing', FILE.path)).toBe('{"v":2}\n');
  });

  test('the same content again commits nothing', async () => {
    const first = await commit('same').write;
    fake.clearCalls();
    const second = await commit('same').write;
    expect(second).toEqual({ kind: 'unchanged', commit: first.commit });
    expect(fake.writes()).toEqual([
      'POST /repos/octo/infra/git/blobs',
      'POST /repos/octo/infra/git/trees',
    ]);
  });

  test('when another job moves the branch meanwhile, the commit is rebuilt on its head', async () => {
    fake.git.push('data/billing', { 'README.md': 'v1' }, 'first');
    fake.git.beforeNextRefUpdate = () =>
      fake.git.push('data/billing', { 'other.json': '{}' }, 'other job');
    const { write, log } = commit('{"v":3}\n');
    const outcome = await write;

    expect(outcome.kind).toBe('committed');
    const updates = fake.calls.filter((call) => call.method === 'PATCH').map((call) => call.status);
    expect(updates).toEqual([422, 200]);
    expect(fake.git.history('data/billing')).toEqual(['write {"v":3}\n', 'other job', 'first']);
    expect(fake.git.fileAt('data/billing', 'other.json')).toBe('{}');
    expect(log.lines).toContainEqual({
      level: 'info',
      message: 'The branch data/billing moved meanwhile; committing again on its new head.',
    });
  });

  test('a branch that keeps moving fails after the last attempt, naming the branch', async () => {
    fake.git.push('data/billing', { 'README.md': 'v1' });
    let pushes = 0;
    const keepMoving = () => {
      fake.git.push('data/billing', { 'n.txt': String(pushes++) });
      fake.git.beforeNextRefUpdate = keepMoving;
    };
    fake.git.beforeNextRefUpdate = keepMoving;
    await expect(commit('x', 2).write).rejects.toThrow(
      new DataBranchError(
        'the branch data/billing kept moving while costs/snapshot.json was committed ' +
          '(2 attempts); run the job again',
      ),
    );
    fake.git.beforeNextRefUpdate = undefined;
  });

  test('an API error other than 422 is thrown', async () => {
    fake.failNext('POST', /\/git\/blobs$/, 403);
    await expect(commit('x').write).rejects.toMatchObject({ status: 403 });
  });
});

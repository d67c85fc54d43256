import { describe, expect, test } from 'vitest';
import {
  parseList,
  readSettings,
  SettingsError,
  type ActionSettings,
} from '../../src/action/settings.js';

const FALLBACKS = { cwd: '/repo', tempDir: '/tmp' };
const ENV = {
  GITHUB_WORKSPACE: '/work/repo',
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: '/runner/event.json',
  GITHUB_REPOSITORY: 'octo/infra',
  GITHUB_API_URL: 'http://127.0.0.1:9',
  GITHUB_RUN_ID: '4711',
  GITHUB_RUN_ATTEMPT: '2',
  RUNNER_TEMP: '/runner/temp',
};

function settingsFrom(
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = ENV,
): ActionSettings {
  return readSettings((name) => inputs[name] ?? '', env, FALLBACKS);
}

describe('readSettings', () => {
  test('empty inputs give every documented default', () => {
    const settings = settingsFrom({});
    expect(settings).toEqual({
      mode: 'check',
      policy: undefined,
      paths: ['.'],
      failOn: 'error',
      changedOnly: true,
      newOnly: true,
      comment: 'update',
      commentTag: 'default',
      suggestions: true,
      sarif: undefined,
      githubToken: '',
      snapshot: undefined,
      billingFiles: [],
      billingFormat: 'auto',
      costGroupBy: [],
      workingDirectory: '/work/repo',
      runner: {
        workspace: '/work/repo',
        eventName: 'pull_request',
        eventPath: '/runner/event.json',
        repository: 'octo/infra',
        apiUrl: 'http://127.0.0.1:9',
        runId: 4711,
        runAttempt: 2,
        tempDir: '/runner/temp',
        sourceDate: undefined,
      },
    });
    expect(Object.isFrozen(settings)).toBe(true);
  });

  test.each([
    ['fail-on warning', { 'fail-on': 'warning' }, { failOn: 'warning' }],
    ['fail-on never', { 'fail-on': 'never' }, { failOn: 'never' }],
    [
      'mode ingest with exports and a branch',
      { mode: 'ingest', 'billing-files': 'exports/\nmore.csv', 'snapshot-branch': 'billing-data' },
      {
        mode: 'ingest',
        billingFiles: ['exports/', 'more.csv'],
        snapshot: { kind: 'branch', branch: 'billing-data', path: 'snapshot.json' },
      },
    ],
    [
      'a snapshot file is resolved against the working directory',
      { 'working-directory': 'infra', snapshot: 'billing/snapshot.json' },
      { snapshot: { kind: 'file', path: '/work/repo/infra/billing/snapshot.json' } },
    ],
    [
      'with a branch, snapshot is the path inside it; refs/heads/ is dropped',
      { snapshot: './costs/latest.json', 'snapshot-branch': 'refs/heads/data/billing' },
      { snapshot: { kind: 'branch', branch: 'data/billing', path: 'costs/latest.json' } },
    ],
    ['billing-format gcp', { 'billing-format': 'gcp' }, { billingFormat: 'gcp' }],
    [
      'cost-group-by is a list',
      { 'cost-group-by': 'Environment, Model' },
      { costGroupBy: ['Environment', 'Model'] },
    ],
    ['changed-only False', { 'changed-only': 'False' }, { changedOnly: false }],
    ['new-only FALSE', { 'new-only': 'FALSE' }, { newOnly: false }],
    ['new-only TRUE with spaces', { 'new-only': ' TRUE ' }, { newOnly: true }],
    ['suggestions false', { suggestions: 'false' }, { suggestions: false }],
    ['comment hide-and-new', { comment: 'hide-and-new' }, { comment: 'hide-and-new' }],
    ['comment delete-and-new', { comment: 'delete-and-new' }, { comment: 'delete-and-new' }],
    ['comment off', { comment: 'off' }, { comment: 'off' }],
    [
      'comment-tag kept as written',
      { 'comment-tag': ' aws / prod ' },
      { commentTag: 'aws / prod' },
    ],
    ['policy kept relative', { policy: '.github/tags.yaml' }, { policy: '.github/tags.yaml' }],
    [
      'working-directory resolved against the workspace',
      { 'working-directory': 'infra' },
      { workingDirectory: '/work/repo/infra' },
    ],
    [
      'sarif resolved against the working directory',
      { 'working-directory': 'infra', sarif: 'out/tags.sarif' },
      { sarif: '/work/repo/infra/out/tags.sarif' },
    ],
    ['an absolute sarif path stays', { sarif: '/out/x.sarif' }, { sarif: '/out/x.sarif' }],
    ['the token is read', { 'github-token': 'ghs_abc' }, { githubToken: 'ghs_abc' }],
  ])('%s', (_name, inputs, expected) => {
    expect(settingsFrom(inputs)).toMatchObject(expected);
  });

  test.each([
    [
      'fail-on',
      'errors',
      'input "fail-on" is "errors"; allowed values: error, warning, never; did you mean "error"?',
    ],
    [
      'fail-on',
      'Warning',
      'input "fail-on" is "Warning"; allowed values: error, warning, never; did you mean "warning"?',
    ],
    ['mode', 'report', 'input "mode" is "report"; allowed values: check, ingest'],
    [
      'comment',
      'delete_and_new',
      'input "comment" is "delete_and_new"; allowed values: update, new, hide-and-new, delete-and-new, off; did you mean "delete-and-new"?',
    ],
    ['changed-only', 'yes', 'input "changed-only" is "yes"; allowed values: true, false'],
    [
      'billing-format',
      'Focus',
      'input "billing-format" is "Focus"; allowed values: auto, focus, aws-cur, aws-cur2, azure, gcp, openai, anthropic; did you mean "focus"?',
    ],
    ['suggestions', 'no', 'input "suggestions" is "no"; allowed values: true, false'],
    [
      'new-only',
      'ture',
      'input "new-only" is "ture"; allowed values: true, false; did you mean "true"?',
    ],
  ])('input %s = %s is refused', (name, value, message) => {
    expect(() => settingsFrom({ [name]: value })).toThrow(new SettingsError(message));
  });

  test.each([
    [
      'ingest without billing files',
      { mode: 'ingest', 'snapshot-branch': 'billing-data' },
      'mode "ingest" needs the "billing-files" input',
    ],
    [
      'ingest without a place for the snapshot',
      { mode: 'ingest', 'billing-files': 'cur.csv' },
      'mode "ingest" needs "snapshot-branch" (a branch to commit the snapshot to) or "snapshot"',
    ],
    [
      'a branch path that climbs out',
      { 'snapshot-branch': 'data', snapshot: '../x.json' },
      'input "snapshot" is "../x.json"; with "snapshot-branch" it is a path inside the branch',
    ],
  ])('%s is refused', (_name, inputs, message) => {
    expect(() => settingsFrom(inputs)).toThrow(message);
  });

  test.each([
    ['GITHUB_RUN_ID', { GITHUB_RUN_ID: '12x' }, 'GITHUB_RUN_ID must be a whole number, not "12x"'],
    [
      'GITHUB_RUN_ATTEMPT',
      { GITHUB_RUN_ATTEMPT: '-1' },
      'GITHUB_RUN_ATTEMPT must be a whole number, not "-1"',
    ],
    [
      'GITHUB_WORKSPACE',
      { GITHUB_WORKSPACE: 'relative' },
      'GITHUB_WORKSPACE must be an absolute path, not "relative"',
    ],
    [
      'SOURCE_DATE_EPOCH',
      { SOURCE_DATE_EPOCH: '2030-01-01' },
      'SOURCE_DATE_EPOCH must be whole seconds since 1970, not "2030-01-01"',
    ],
  ])('a bad %s is refused', (_name, env, message) => {
    expect(() => settingsFrom({}, { ...ENV, ...env })).toThrow(message);
  });

  test('SOURCE_DATE_EPOCH dates an ingest', () => {
    const settings = settingsFrom({}, { ...ENV, SOURCE_DATE_EPOCH: '1893456000' });
    expect(settings.runner.sourceDate?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });

  test('outside Actions, the process folders and run 0 attempt 1 are used', () => {
    const settings = settingsFrom({}, {});
    expect(settings.runner).toEqual({
      workspace: '/repo',
      eventName: '',
      eventPath: undefined,
      repository: undefined,
      apiUrl: undefined,
      runId: 0,
      runAttempt: 1,
      tempDir: '/tmp',
      sourceDate: undefined,
    });
  });
});

describe('parseList', () => {
  test.each([
    ['one path', 'infra', ['infra']],
    ['lines', 'infra\nk8s\n', ['infra', 'k8s']],
    ['commas with spaces', 'infra, k8s ,app', ['infra', 'k8s', 'app']],
    ['lines and commas mixed, blanks dropped', 'infra,\n\n k8s,,\r\n', ['infra', 'k8s']],
    ['empty gives the fallback', '  \n', ['.']],
  ])('%s', (_name, raw, expected) => {
    expect(parseList(raw, ['.'])).toEqual(expected);
  });
});

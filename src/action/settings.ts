import { isAbsolute, resolve } from 'node:path';
import type { FailOn } from '../engine/check.js';
import { FORMAT_OPTIONS, type FormatOption } from '../billing/index.js';
import { COMMENT_BEHAVIORS, type CommentBehavior } from '../github/comment.js';
import { nearest } from '../policy/nearest.js';

/** What the Action is asked to do: check code, or ingest billing exports into a snapshot. */
export const MODES = ['check', 'ingest'] as const;
export type Mode = (typeof MODES)[number];

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

/** The snapshot's path inside `snapshot-branch` when the `snapshot` input is empty. */
export const DEFAULT_BRANCH_SNAPSHOT = 'snapshot.json';

/** Where the billing snapshot is read from (check) or written to (ingest). */
export type SnapshotLocation =
  /** A file; `path` is absolute. */
  | { readonly kind: 'file'; readonly path: string }
  /** A file on a branch of this repository, through the Git Data API. */
  | { readonly kind: 'branch'; readonly branch: string; readonly path: string };

/** Everything the Action needs from its inputs and the runner, read once, validated, frozen. */
export interface ActionSettings {
  readonly mode: Mode;
  /** Policy file, relative to `workingDirectory`; undefined for the bundled default policy. */
  readonly policy: string | undefined;
  /** Paths to check, relative to `workingDirectory`. */
  readonly paths: readonly string[];
  readonly failOn: FailOn;
  readonly changedOnly: boolean;
  readonly newOnly: boolean;
  readonly comment: CommentBehavior;
  readonly commentTag: string;
  /** Post the certain fixes of this run's findings as suggested changes on the pull request. */
  readonly suggestions: boolean;
  /** Absolute path to write the SARIF log to, or undefined for none. */
  readonly sarif: string | undefined;
  readonly githubToken: string;
  /** The billing snapshot: the comment's cost section (check), where to write it (ingest). */
  readonly snapshot: SnapshotLocation | undefined;
  /** Billing exports to ingest, relative to `workingDirectory`; files or folders. */
  readonly billingFiles: readonly string[];
  readonly billingFormat: FormatOption;
  /** Tag keys the cost section groups spend by; empty for the snapshot's first policy key. */
  readonly costGroupBy: readonly string[];
  /** Absolute folder the check runs in; reported paths are relative to it. */
  readonly workingDirectory: string;
  readonly runner: RunnerContext;
}

/** What the runner says about the job, from its environment variables. */
export interface RunnerContext {
  /** `GITHUB_WORKSPACE`: the folder the repository is checked out in. */
  readonly workspace: string;
  readonly eventName: string;
  /** `GITHUB_EVENT_PATH`: the webhook payload of the event, as JSON. */
  readonly eventPath: string | undefined;
  /** `owner/repo`. */
  readonly repository: string | undefined;
  /** `GITHUB_API_URL`; GitHub features are off when it is missing. */
  readonly apiUrl: string | undefined;
  readonly runId: number;
  readonly runAttempt: number;
  /** Where reports are written: `RUNNER_TEMP`, or the system temporary folder. */
  readonly tempDir: string;
  /**
   * `SOURCE_DATE_EPOCH` (seconds): the time an ingest stamps on its snapshot, so that the same
   * exports give the same bytes; undefined for the time of the run.
   */
  readonly sourceDate: Date | undefined;
}

/** An input or runner variable that cannot be used; the message says which and what is allowed. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** Where to work when the runner does not say: outside Actions, the process's own folders. */
export interface RunnerFallbacks {
  readonly cwd: string;
  readonly tempDir: string;
}

/** Reads one input as the runner passes it (`INPUT_<NAME>`, hyphens kept), `''` when unset. */
export type InputReader = (name: string) => string;

/**
 * Reads and validates every input once. `readInput` returns the raw input (trimmed or not);
 * `env` is the runner's environment, read here only, so that nothing below needs it.
 * Throws `SettingsError` naming the input, the value, the allowed values and the nearest one.
 */
export function readSettings(
  readInput: InputReader,
  env: Readonly<Record<string, string | undefined>>,
  fallbacks: RunnerFallbacks,
): ActionSettings {
  const input = (name: string): string => readInput(name).trim();
  const runner = readRunner(env, fallbacks);
  const workingDirectory = resolve(runner.workspace, input('working-directory') || '.');
  const sarif = input('sarif');
  const mode = choice('mode', input('mode') || 'check', MODES);
  const snapshot = snapshotLocation(input('snapshot'), input('snapshot-branch'), workingDirectory);
  const billingFiles = parseList(input('billing-files'), []);
  if (mode === 'ingest') requireIngestInputs(snapshot, billingFiles);

  return Object.freeze({
    mode,
    policy: input('policy') || undefined,
    paths: Object.freeze(parseList(input('paths'), ['.'])),
    failOn: choice('fail-on', input('fail-on') || 'error', FAIL_ON),
    changedOnly: parseBoolean('changed-only', input('changed-only'), true),
    newOnly: parseBoolean('new-only', input('new-only'), true),
    comment: choice('comment', input('comment') || 'update', COMMENT_BEHAVIORS),
    commentTag: input('comment-tag') || 'default',
    suggestions: parseBoolean('suggestions', input('suggestions'), true),
    sarif: sarif === '' ? undefined : resolve(workingDirectory, sarif),
    githubToken: input('github-token'),
    snapshot,
    billingFiles: Object.freeze(billingFiles),
    billingFormat: choice('billing-format', input('billing-format') || 'auto', FORMAT_OPTIONS),
    costGroupBy: Object.freeze(parseList(input('cost-group-by'), [])),
    workingDirectory,
    runner,
  });
}

function snapshotLocation(
  path: string,
  branch: string,
  workingDirectory: string,
): SnapshotLocation | undefined {
  if (branch !== '') {
    const inBranch = (path || DEFAULT_BRANCH_SNAPSHOT).replace(/^\.?\/+/, '');
    if (inBranch.split('/').some((segment) => segment === '..' || segment === '')) {
      throw new SettingsError(
        `input "snapshot" is "${path}"; with "snapshot-branch" it is a path inside the ` +
          'branch, such as "snapshot.json" or "billing/snapshot.json"',
      );
    }
    return Object.freeze({
      kind: 'branch',
      branch: branch.replace(/^refs\/heads\//, ''),
      path: inBranch,
    });
  }
  return path === ''
    ? undefined
    : Object.freeze({ kind: 'file', path: resolve(workingDirectory, path) });
}

function requireIngestInputs(
  snapshot: SnapshotLocation | undefined,
  billingFiles: readonly string[],
): void {
  if (billingFiles.length === 0) {
    throw new SettingsError(
      'mode "ingest" needs the "billing-files" input: the billing exports to read, ' +
        'one per line (files or folders)',
    );
  }
  if (snapshot === undefined) {
    throw new SettingsError(
      'mode "ingest" needs "snapshot-branch" (a branch to commit the snapshot to) or ' +
        '"snapshot" (a file to write it to)',
    );
  }
}

function readRunner(
  env: Readonly<Record<string, string | undefined>>,
  fallbacks: RunnerFallbacks,
): RunnerContext {
  const workspace = env.GITHUB_WORKSPACE || fallbacks.cwd;
  if (!isAbsolute(workspace)) {
    throw new SettingsError(`GITHUB_WORKSPACE must be an absolute path, not "${workspace}"`);
  }
  return Object.freeze({
    workspace,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath: env.GITHUB_EVENT_PATH || undefined,
    repository: env.GITHUB_REPOSITORY || undefined,
    apiUrl: env.GITHUB_API_URL || undefined,
    runId: counter('GITHUB_RUN_ID', env.GITHUB_RUN_ID, 0),
    runAttempt: counter('GITHUB_RUN_ATTEMPT', env.GITHUB_RUN_ATTEMPT, 1),
    tempDir: env.RUNNER_TEMP || fallbacks.tempDir,
    sourceDate: sourceDate(env.SOURCE_DATE_EPOCH),
  });
}

/** A list input: one entry per line or per comma, blanks dropped; `fallback` when empty. */
export function parseList(raw: string, fallback: readonly string[]): string[] {
  const entries = raw
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries.length > 0 ? entries : [...fallback];
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** A boolean input, spelled as YAML 1.2 does (`true`, `True`, `TRUE` and the same for false). */
export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback;
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw new SettingsError(invalidValue(name, raw, ['true', 'false']));
}

function choice<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  const found = allowed.find((value) => value === raw);
  if (found !== undefined) return found;
  throw new SettingsError(invalidValue(name, raw, allowed));
}

function sourceDate(raw: string | undefined): Date | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^[0-9]+$/.test(raw)) {
    throw new SettingsError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${raw}"`);
  }
  return new Date(Number(raw) * 1000);
}

function counter(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^[0-9]+$/.test(raw)) {
    throw new SettingsError(`${name} must be a whole number, not "${raw}"`);
  }
  return Number(raw);
}

function invalidValue(name: string, raw: string, allowed: readonly string[]): string {
  const suggestion = nearest(raw, allowed);
  const hint = suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
  return `input "${name}" is "${raw}"; allowed values: ${allowed.join(', ')}${hint}`;
}

import { readFile } from 'node:fs/promises';
import type { RunnerContext } from './settings.js';

/** The pull request an event is about, from the event payload. */
export interface PullRequestEvent {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly baseSha: string;
  readonly headSha: string;
  /** `changed_files` of the payload, when given: how many files the API should list. */
  readonly changedFiles: number | undefined;
}

/** Thrown when the event payload cannot be read; the message names the file. */
export class EventPayloadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventPayloadError';
  }
}

/**
 * The pull request of this run's event (`pull_request`, `pull_request_target` and any other
 * event whose payload carries a `pull_request`), or undefined for events without one (push,
 * schedule, workflow_dispatch), which get a full scan.
 */
export async function readPullRequestEvent(
  runner: RunnerContext,
): Promise<PullRequestEvent | undefined> {
  if (runner.eventPath === undefined) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(await readFile(runner.eventPath, 'utf8'));
  } catch (cause) {
    throw new EventPayloadError(
      `cannot read the event payload ${runner.eventPath} (GITHUB_EVENT_PATH): ${String(cause)}`,
      { cause },
    );
  }
  return pullRequestOf(payload, runner.repository);
}

/** The pull request in an event payload, or undefined when it has none or lacks a field. */
export function pullRequestOf(
  payload: unknown,
  repository: string | undefined,
): PullRequestEvent | undefined {
  const pullRequest = field(payload, 'pull_request');
  const number = field(pullRequest, 'number');
  const baseSha = field(field(pullRequest, 'base'), 'sha');
  const headSha = field(field(pullRequest, 'head'), 'sha');
  if (typeof number !== 'number' || typeof baseSha !== 'string' || typeof headSha !== 'string') {
    return undefined;
  }

  const fullName = repository ?? field(field(payload, 'repository'), 'full_name');
  const [owner, repo] = typeof fullName === 'string' ? fullName.split('/') : [];
  if (!owner || !repo) return undefined;

  const changedFiles = field(pullRequest, 'changed_files');
  return {
    owner,
    repo,
    number,
    baseSha,
    headSha,
    changedFiles: typeof changedFiles === 'number' ? changedFiles : undefined,
  };
}

function field(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as Record<string, unknown>)[name];
}

import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { ActionLog } from './log.js';

/** The Octokit the pull-request code talks to: REST methods, pagination, GraphQL. */
export type GitHubClient = ReturnType<typeof getOctokit>;

/** Where and how to reach the GitHub API. */
export interface ClientOptions {
  readonly token: string;
  /** REST base URL: `GITHUB_API_URL`, which on GitHub Enterprise Server ends in `/api/v3`. */
  readonly apiUrl: string;
  readonly log: ActionLog;
  /** Retries of a failed request (5xx, network) before giving up. */
  readonly retries?: number;
}

/** Waits longer than this for a rate limit to reset are not worth holding the job for. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
const RATE_LIMIT_RETRIES = 2;

/**
 * Creates an Octokit for `apiUrl` that retries server errors (a 502 is tried again with a
 * growing pause) and waits out primary and secondary rate limits up to two minutes, twice.
 * GraphQL requests go to the matching GraphQL endpoint, `/api/graphql` on Enterprise Server.
 */
export function createGitHubClient(options: ClientOptions): GitHubClient {
  const { log } = options;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _o: unknown, count: number) => {
      const target = `${request.method} ${request.url}`;
      if (count < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS) {
        log.warning(`GitHub ${kind} reached on ${target}; retrying in ${retryAfter} s`);
        return true;
      }
      log.warning(`GitHub ${kind} reached on ${target}; giving up (reset in ${retryAfter} s)`);
      return false;
    };

  return getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      retry: { retries: options.retries ?? 3 },
      throttle: {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
      },
      log: {
        debug: (message: string) => log.debug(message),
        info: (message: string) => log.debug(message),
        warn: (message: string) => log.debug(message),
        error: (message: string) => log.debug(message),
      },
    },
    retry,
    throttling,
  );
}

/** The HTTP status of an Octokit request error, or undefined for anything else. */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const status = (error as { status: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** A one-line description of a failed API call, for warnings. */
export function describeApiError(error: unknown): string {
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message : String(error);
  return status === undefined ? message : `HTTP ${status}: ${message}`;
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyReplacements } from '../fix/index.js';
import { describeApiError, httpStatus, type GitHubClient } from '../github/client.js';
import type { ActionLog } from '../github/log.js';
import { listPullRequestFiles, type ChangedFile } from '../github/pull-files.js';
import {
  commentableLines,
  createReview,
  listReviewCommentBodies,
  type ReviewComment,
} from '../github/review.js';
import type { Finding, Replacement } from '../model.js';
import { escapeMarkdown } from '../report/escape.js';
import type { PullRequestEvent } from './pull-request.js';

/** At most this many suggestions are posted by one run; the rest wait for the next runs. */
export const MAX_SUGGESTIONS = 50;

/** What the suggestion comments are built from. */
export interface SuggestionInput {
  /** The findings of this run (the new ones under `new-only`), paths relative to `cwd`. */
  readonly findings: readonly Finding[];
  /** The working directory relative to the repository root, `/`-separated; `''` at the root. */
  readonly prefix: string;
  /** New-side lines a review comment can point at, by repository path. */
  readonly diff: ReadonlyMap<string, ReadonlySet<number>>;
  /** Bodies of the review comments already on the pull request. */
  readonly existing: readonly string[];
  /** The text of a file (path relative to the working directory), undefined when unreadable. */
  readonly readText: (file: string) => string | undefined;
  readonly cap?: number;
}

/** The comments to post, and how many candidates were left out and why. */
export interface SuggestionPlan {
  readonly comments: readonly ReviewComment[];
  readonly outsideDiff: number;
  readonly alreadyPosted: number;
  readonly overCap: number;
}

/**
 * One review comment per finding that carries a replacement whose lines are all in the diff:
 * a ```suggestion block with the lines as they read once fixed, an escaped one-line reason and
 * a hidden marker (rule, resource, key) so that a later run does not post it again.
 */
export function buildSuggestions(input: SuggestionInput): SuggestionPlan {
  const cap = input.cap ?? MAX_SUGGESTIONS;
  const comments: ReviewComment[] = [];
  const seen = new Set<string>();
  let outsideDiff = 0;
  let alreadyPosted = 0;
  let overCap = 0;
  for (const finding of input.findings) {
    const { replacement } = finding;
    if (!replacement) continue;
    const marker = suggestionMarker(finding);
    if (seen.has(marker)) continue;
    seen.add(marker);
    if (input.existing.some((body) => body.includes(marker))) {
      alreadyPosted += 1;
      continue;
    }
    const text = input.readText(replacement.file);
    const changed = text === undefined ? undefined : changedLines(text, replacement);
    const path = input.prefix === '' ? replacement.file : `${input.prefix}/${replacement.file}`;
    const lines = input.diff.get(path);
    if (!changed || !lines || !everyLine(changed.first, changed.last, lines)) {
      outsideDiff += 1;
      continue;
    }
    if (comments.length >= cap) {
      overCap += 1;
      continue;
    }
    comments.push({
      path,
      line: changed.last,
      ...(changed.first < changed.last ? { startLine: changed.first } : {}),
      body: suggestionBody(marker, finding, changed.text),
    });
  }
  return { comments, outsideDiff, alreadyPosted, overCap };
}

/** The hidden marker of a finding's suggestion; values are percent-encoded, so no `-->`. */
export function suggestionMarker(finding: Finding): string {
  const part = (value: string): string => encodeURIComponent(value);
  return (
    `<!-- openclaw-tags-suggestion: rule=${part(finding.rule)} ` +
    `resource=${part(finding.resource)} key=${part(finding.key ?? '')} -->`
  );
}

/**
 * The original lines `first..last` (1-based) an edit touches, and their text once it is
 * applied, without the final line break. A whole-line insertion before line L is shown on the
 * line above it (on line 1 when L is 1), since a suggestion replaces existing lines.
 */
export function changedLines(
  text: string,
  edit: Replacement,
): { first: number; last: number; text: string } | undefined {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  // A final line break ends the last line rather than starting an empty one.
  const count = text.endsWith('\n') ? starts.length - 1 : starts.length;
  if (count === 0) return undefined;

  let first = edit.line;
  let last = edit.endColumn === 1 && edit.endLine > edit.line ? edit.endLine - 1 : edit.endLine;
  if (edit.line === edit.endLine && edit.column === 1 && edit.endColumn === 1 && first > 1) {
    first -= 1;
    last = first;
  }
  first = Math.min(first, count);
  last = Math.min(Math.max(last, first), count);

  const { text: fixed, applied } = applyReplacements(text, [edit]);
  if (applied.length !== 1) return undefined;
  const from = starts[first - 1] ?? 0;
  const to = starts[last] ?? text.length;
  const region = fixed.slice(from, fixed.length - (text.length - to));
  return { first, last, text: region.replace(/\r?\n$/, '') };
}

function everyLine(first: number, last: number, lines: ReadonlySet<number>): boolean {
  for (let line = first; line <= last; line += 1) if (!lines.has(line)) return false;
  return true;
}

function suggestionBody(marker: string, finding: Finding, lines: string): string {
  const longest = Math.max(0, ...(lines.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const reason = finding.fix ?? finding.message;
  return [
    marker,
    `**openclaw-tags ${escapeMarkdown(finding.rule)}**: ${escapeMarkdown(reason)}`,
    '',
    `${fence}suggestion`,
    lines,
    fence,
  ].join('\n');
}

/** What the suggestion step needs from the run. */
export interface SuggestionStep {
  readonly client: GitHubClient;
  readonly pullRequest: PullRequestEvent;
  readonly findings: readonly Finding[];
  readonly prefix: string;
  readonly workingDirectory: string;
  /** The files the check already listed, with patches; listed again when undefined. */
  readonly pullFiles: readonly ChangedFile[] | undefined;
  readonly log: ActionLog;
}

/**
 * Posts this run's certain fixes as one review of suggested changes. Never fails the check: a
 * 403 (a fork's read-only token) is a notice, other API errors a warning. Returns how many
 * suggestions were posted.
 */
export async function publishSuggestions(step: SuggestionStep): Promise<number> {
  const { client, pullRequest, log } = step;
  if (!step.findings.some((finding) => finding.replacement)) return 0;
  try {
    const files = step.pullFiles ?? (await listedFiles(step));
    if (files === undefined) {
      log.info('The pull request lists too many files to place suggestions; none posted.');
      return 0;
    }
    const diff = new Map<string, Set<number>>();
    for (const file of files) if (file.patch) diff.set(file.path, commentableLines(file.patch));
    const texts = await readTexts(step);
    const plan = buildSuggestions({
      findings: step.findings,
      prefix: step.prefix,
      diff,
      existing: await listReviewCommentBodies(client, pullRequest),
      readText: (file) => texts.get(file),
    });
    if (plan.overCap > 0) {
      log.info(
        `${plan.overCap} more suggestions are left for later runs ` +
          `(at most ${MAX_SUGGESTIONS} per run).`,
      );
    }
    if (plan.comments.length === 0) return 0;
    const count = plan.comments.length;
    await createReview(
      client,
      pullRequest,
      pullRequest.headSha,
      `openclaw-tags suggests ${count} fix${count === 1 ? '' : 'es'} for this pull request.`,
      plan.comments,
    );
    log.info(`Posted ${count} suggested change${count === 1 ? '' : 's'} in one review.`);
    return count;
  } catch (error) {
    if (httpStatus(error) === 403) {
      log.notice(
        'Suggested changes skipped: the token cannot write reviews on this pull request ' +
          '(a fork, or `pull-requests: write` missing).',
      );
    } else {
      log.warning(`Could not post suggested changes (${describeApiError(error)}).`);
    }
    return 0;
  }
}

async function listedFiles(step: SuggestionStep): Promise<readonly ChangedFile[] | undefined> {
  const listed = await listPullRequestFiles(
    step.client,
    step.pullRequest,
    step.pullRequest.changedFiles,
  );
  return listed.kind === 'complete' ? listed.files : undefined;
}

async function readTexts(step: SuggestionStep): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const finding of step.findings) {
    const file = finding.replacement?.file;
    if (file === undefined || texts.has(file)) continue;
    try {
      texts.set(file, await readFile(join(step.workingDirectory, file), 'utf8'));
    } catch {
      // An unreadable file gets no suggestion; the finding is still annotated.
    }
  }
  return texts;
}

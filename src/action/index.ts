import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { createGitHubClient, type GitHubClient } from '../github/client.js';
import type { ActionLog } from '../github/log.js';
import { loadPolicy } from '../policy/load.js';
import type { Policy } from '../policy/types.js';
import { annotateFindings } from './annotations.js';
import { publishComment } from './comment-step.js';
import { coreLog } from './core-log.js';
import { costSection } from './cost.js';
import { ingestSummary, runIngest } from './ingest.js';
import { actionMarkdown, summaryMarkdown, withCost, withRepositoryPaths } from './render.js';
import { writeReports } from './reports.js';
import { runActionCheck } from './run-check.js';
import { readSettings, type ActionSettings } from './settings.js';
import { publishSuggestions } from './suggestions.js';
import { fitSummary } from './summary-size.js';

/**
 * The Action: reads its settings once, then checks the code or ingests billing exports. The
 * step fails once, at the end, when findings block or the work could not be done.
 */
async function run(): Promise<void> {
  const settings = readSettings(core.getInput, process.env, {
    cwd: process.cwd(),
    tempDir: tmpdir(),
  });
  // Masked before anything is logged, so the runner hides it in every later line of the job.
  if (settings.githubToken !== '') core.setSecret(settings.githubToken);
  const policy = await loadPolicy(settings.policy, settings.workingDirectory);
  const client = githubClient(settings, coreLog);
  if (settings.mode === 'ingest') await ingest(settings, policy, client);
  else await checkCode(settings, policy, client);
}

/**
 * `mode: check`: runs the check, then reports it through annotations, the job summary (with the
 * cost section), report files, outputs and the pull-request comment.
 */
async function checkCode(
  settings: ActionSettings,
  policy: Policy,
  client: GitHubClient | undefined,
): Promise<void> {
  const result = await core.group('Check', () => runActionCheck(settings, policy, client, coreLog));
  const cost = await costSection({
    snapshot: settings.snapshot,
    groupBy: settings.costGroupBy,
    resources: result.report.resources,
    repository: settings.runner.repository,
    client,
    now: new Date(),
    log: coreLog,
  });

  const rooted = withRepositoryPaths(result.report, result.prefix);
  const files = await writeReports(
    result.report,
    rooted,
    settings.runner.tempDir,
    settings.commentTag,
    settings.sarif,
  );
  const annotations = annotateFindings(rooted.findings, core);
  await core.summary
    .addRaw(fitSummary(withCost(summaryMarkdown(result, settings.commentTag, annotations), cost)))
    .write();

  if (result.pullRequest && client && settings.comment !== 'off') {
    await publishComment({
      settings,
      client,
      pullRequest: result.pullRequest,
      report: actionMarkdown(result, settings.commentTag),
      ...(cost === undefined ? {} : { costSection: cost }),
      now: new Date(),
      log: coreLog,
    });
  }

  if (result.pullRequest && client && settings.suggestions) {
    await publishSuggestions({
      client,
      pullRequest: result.pullRequest,
      findings: result.report.findings,
      prefix: result.prefix,
      workingDirectory: settings.workingDirectory,
      pullFiles: result.pullFiles,
      log: coreLog,
    });
  }

  core.setOutput('findings', result.report.findings.length);
  core.setOutput('blocking', result.report.blocking);
  core.setOutput('report', files.json);
  core.setOutput('sarif', files.sarif ?? '');
  if (result.report.blocking > 0) {
    core.setFailed(
      `${result.report.blocking} blocking finding${result.report.blocking === 1 ? '' : 's'} ` +
        `(fail-on: ${settings.failOn}); see the annotations and the job summary`,
    );
  }
}

/** `mode: ingest`: the snapshot from the billing exports, written and committed. */
async function ingest(
  settings: ActionSettings,
  policy: Policy,
  client: GitHubClient | undefined,
): Promise<void> {
  const outcome = await core.group('Ingest', () =>
    runIngest(settings, policy, client, settings.runner.sourceDate ?? new Date(), coreLog),
  );
  core.setOutput('snapshot', outcome.snapshotPath);
  core.setOutput('snapshot-commit', outcome.branch?.commit ?? '');
  if (settings.snapshot !== undefined) {
    const summary = ingestSummary(outcome, settings.costGroupBy, settings.snapshot);
    await core.summary.addRaw(fitSummary(summary)).write();
  }
}

/** The API client, or undefined (with the reason logged) when the API cannot be used. */
function githubClient(settings: ActionSettings, log: ActionLog): GitHubClient | undefined {
  const { apiUrl } = settings.runner;
  if (apiUrl === undefined || settings.githubToken === '') {
    log.info(
      apiUrl === undefined
        ? 'GITHUB_API_URL is not set, so the GitHub API is not used (no comment).'
        : 'The github-token input is empty, so the GitHub API is not used (no comment).',
    );
    return undefined;
  }
  return createGitHubClient({ token: settings.githubToken, apiUrl, log });
}

try {
  await run();
} catch (error) {
  core.setFailed(error instanceof Error ? error.message : String(error));
}

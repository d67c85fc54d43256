import type { CheckReport, Finding } from '../model.js';
import { escapeMarkdown, renderMarkdown } from '../report/index.js';
import { ANNOTATIONS_PER_SEVERITY, type AnnotationCount } from './annotations.js';
import type { ActionCheck } from './run-check.js';

/** Existing violations listed before the list is cut. */
const MAX_EXISTING_ROWS = 50;

/** Findings listed in the pull-request comment; the rest are in the summary and the reports. */
const COMMENT_FINDINGS = 50;

/** Findings listed in the job summary, which has room for far more than a comment. */
export const SUMMARY_FINDINGS = 1_000;

/** The report title: the product name, and the comment tag when jobs keep separate comments. */
export function reportTitle(commentTag: string): string {
  return commentTag === 'default'
    ? 'openclaw-tags'
    : `openclaw-tags · ${escapeMarkdown(commentTag)}`;
}

/**
 * The Markdown report shared by the pull-request comment and the job summary: the engine's
 * report of the findings that count, what was scanned, and the existing violations (findings
 * the base already had) folded apart. Every string from a user's file is escaped.
 */
export function actionMarkdown(
  result: ActionCheck,
  commentTag: string,
  maxFindings = COMMENT_FINDINGS,
): string {
  const blocks = [
    renderMarkdown(result.report, { title: reportTitle(commentTag), maxFindings }).trimEnd(),
    scopeLine(result),
    ...existingBlock(result.existing),
  ];
  return `${blocks.join('\n\n')}\n`;
}

/** The job summary: the shared report plus how many findings were not annotated. */
export function summaryMarkdown(
  result: ActionCheck,
  commentTag: string,
  annotations: AnnotationCount,
): string {
  const report = actionMarkdown(result, commentTag, SUMMARY_FINDINGS);
  if (annotations.notAnnotated === 0) return report;
  const total = result.report.findings.length;
  const listed =
    total > SUMMARY_FINDINGS
      ? `this summary lists the first ${SUMMARY_FINDINGS.toLocaleString('en-US')} findings and ` +
        `the JSON report (the \`report\` output) all ${total.toLocaleString('en-US')}`
      : `${annotations.notAnnotated} more are listed here only`;
  return (
    `${report}\n_${annotations.annotated} findings are annotated on their lines, the most severe ` +
    `first; ${listed} (GitHub shows at most ${ANNOTATIONS_PER_SEVERITY} error and ` +
    `${ANNOTATIONS_PER_SEVERITY} warning annotations per step)._\n`
  );
}

function scopeLine(result: ActionCheck): string {
  const newOnly = result.pullRequest !== undefined && result.existing.length > 0;
  const baseline = newOnly ? '; findings the base branch already had are not counted' : '';
  return `_Checked ${result.scope}${baseline}._`;
}

function existingBlock(existing: readonly Finding[]): string[] {
  if (existing.length === 0) return [];
  const shown = existing.slice(0, MAX_EXISTING_ROWS);
  const rows = shown.map(
    (finding) =>
      `| ${escapeMarkdown(finding.rule)} | ${escapeMarkdown(finding.resource)} | ` +
      `${escapeMarkdown(finding.file)}:${finding.line} | ` +
      `${finding.key === null ? '' : escapeMarkdown(finding.key)} | ` +
      `${escapeMarkdown(finding.message)} |`,
  );
  const more = existing.length - shown.length;
  const summary =
    `${existing.length} existing violation${existing.length === 1 ? '' : 's'} ` +
    'the base branch already had (not blocking)';
  return [
    [
      `<details><summary>${summary}</summary>`,
      '',
      '| Rule | Resource | Location | Key | Message |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
      ...(more > 0 ? ['', `_…and ${more} more not shown here._`] : []),
      '',
      '</details>',
    ].join('\n'),
  ];
}

/** A report followed by the cost section, when there is one. */
export function withCost(report: string, cost: string | undefined): string {
  return cost === undefined ? report : `${report.trimEnd()}\n\n${cost}`;
}

/** The report with every path made relative to the repository root, for annotations and SARIF. */
export function withRepositoryPaths(report: CheckReport, prefix: string): CheckReport {
  if (prefix === '') return report;
  const rooted = (file: string) => `${prefix}/${file}`;
  return {
    ...report,
    resources: report.resources.map((resource) => ({ ...resource, file: rooted(resource.file) })),
    findings: report.findings.map((finding) => ({
      ...finding,
      file: rooted(finding.file),
      ...(finding.replacement
        ? { replacement: { ...finding.replacement, file: rooted(finding.replacement.file) } }
        : {}),
    })),
    errors: report.errors.map((error) => ({ ...error, file: rooted(error.file) })),
  };
}

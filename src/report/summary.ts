import type { ActiveExemption, CheckReport, Finding, InputError } from '../model.js';

/** The counts every renderer shows, named as in the JSON report's `summary`. */
export interface ReportSummary {
  readonly files: number;
  readonly resources: number;
  readonly checked: number;
  readonly findings: number;
  readonly blocking: number;
}

/** Counts of a report: files scanned, resources found and checked, findings, blocking ones. */
export function summarize(report: CheckReport): ReportSummary {
  return {
    files: report.files,
    resources: report.resources.length,
    checked: report.resources.filter((resource) => resource.checked).length,
    findings: report.findings.length,
    blocking: report.blocking,
  };
}

/**
 * The keys an exemption covers and what it selects: `all keys`, `CostCenter for path
 * legacy/**`, `Owner, Team for type aws_s3_bucket, module network`.
 */
export function exemptionScope(exemption: ActiveExemption): string {
  const keys = exemption.keys.includes('*') ? 'all keys' : exemption.keys.join(', ');
  const selectors = Object.entries(exemption.selects ?? {}).map(
    ([field, value]) => `${field} ${value}`,
  );
  return selectors.length === 0 ? keys : `${keys} for ${selectors.join(', ')}`;
}

/** `1 finding`, `2 findings`: a count with its noun in the right number. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** How many files hold at least one finding. */
export function filesWithFindings(report: CheckReport): number {
  return new Set(report.findings.map((finding) => finding.file)).size;
}

/**
 * The one-line verdict: `12 findings (9 blocking) in 3 of 5 files, 40 of 52 resources checked`
 * (files with findings of files scanned, when `findingFiles` is given), or `No findings in 5
 * files, ...` when there are none.
 */
export function summaryLine(summary: ReportSummary, findingFiles?: number): string {
  const files =
    summary.findings === 0 || findingFiles === undefined
      ? plural(summary.files, 'file')
      : `${findingFiles} of ${plural(summary.files, 'file')}`;
  const findings =
    summary.findings === 0
      ? 'No findings'
      : `${plural(summary.findings, 'finding')} (${summary.blocking} blocking)`;
  const checked =
    summary.checked === summary.resources
      ? `${plural(summary.checked, 'resource')} checked`
      : `${summary.checked} of ${plural(summary.resources, 'resource')} checked`;
  return `${findings} in ${files}, ${checked}`;
}

/**
 * The input errors not already shown as a `parse-error` finding at the same place with the same
 * message, so that text and Markdown output list each problem once.
 */
export function errorsNotInFindings(report: CheckReport): readonly InputError[] {
  const shown = new Set(report.findings.filter(isParseError).map(placeKey));
  return report.errors.filter((error) => !shown.has(placeKey(error)));
}

function isParseError(finding: Finding): boolean {
  return finding.rule === 'parse-error';
}

function placeKey(entry: { file: string; line: number; message: string }): string {
  return JSON.stringify([entry.file, entry.line, entry.message]);
}

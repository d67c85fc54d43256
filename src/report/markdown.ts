import type { CheckReport, Finding, Severity } from '../model.js';
import { escapeMarkdown } from './escape.js';
import { ruleHelpUri } from './links.js';
import {
  errorsNotInFindings,
  exemptionScope,
  filesWithFindings,
  plural,
  summarize,
  summaryLine,
} from './summary.js';

/** Options of the Markdown report. */
export interface MarkdownOptions {
  /** Heading text; written as given, so it must not come from a user's file. */
  readonly title?: string;
  /** Findings listed before the table is cut, with a line saying how many were left out. */
  readonly maxFindings?: number;
  /** Characters kept of each user string (messages, values) before it is cut with `…`. */
  readonly maxCellLength?: number;
}

const DEFAULTS = { title: 'openclaw-tags', maxFindings: 50, maxCellLength: 300 } as const;

const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: '🔴 error',
  warning: '🟡 warning',
  notice: '🔵 notice',
};

/**
 * A compact summary for a pull-request comment or job summary: a heading with the verdict, a
 * table of counts, a table of findings (cut at `maxFindings`, saying how many more there are),
 * then input errors, active exemptions and notices. Every string from the user's files goes through
 * `escapeMarkdown`, so paths, addresses, keys, values and messages cannot format, link or
 * mention anything.
 */
export function renderMarkdown(report: CheckReport, options: MarkdownOptions = {}): string {
  const settings = { ...DEFAULTS, ...options };
  const summary = summarize(report);
  const cell = (text: string) => escapeMarkdown(cut(text, settings.maxCellLength));

  const blocks = [
    `### ${settings.title}: ${summaryLine(summary, filesWithFindings(report))}`,
    countsTable(summary),
    ...findingsBlocks(report.findings, settings.maxFindings, cell),
    ...errorBlock(report, cell),
    ...exemptionBlock(report, cell),
    ...noticeBlock(report, cell),
  ];
  return `${blocks.join('\n\n')}\n`;
}

function countsTable(summary: ReturnType<typeof summarize>): string {
  return [
    '| Files | Resources | Checked | Findings | Blocking |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${summary.files} | ${summary.resources} | ${summary.checked} | ${summary.findings} | ` +
      `${summary.blocking} |`,
  ].join('\n');
}

function findingsBlocks(
  findings: readonly Finding[],
  maxFindings: number,
  cell: (text: string) => string,
): string[] {
  if (findings.length === 0) return [];
  const shown = findings.slice(0, Math.max(0, maxFindings));
  const rows = shown.map((finding) => findingRow(finding, cell));
  const table = [
    '| Severity | Rule | Resource | Location | Key | Message | Fix |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  const hidden = findings.length - shown.length;
  if (hidden <= 0) return [table];
  return [table, `_…and ${plural(hidden, 'more finding')} not shown here._`];
}

function findingRow(finding: Finding, cell: (text: string) => string): string {
  // Only the project's own rule ids (lowercase words and dashes) are linked to their page.
  const rule = /^[a-z0-9-]+$/.test(finding.rule)
    ? `[${cell(finding.rule)}](${ruleHelpUri(finding.rule)})`
    : cell(finding.rule);
  const cells = [
    SEVERITY_LABEL[finding.severity],
    rule,
    cell(finding.resource),
    `${cell(finding.file)}:${finding.line}`,
    finding.key === null ? '' : cell(finding.key),
    cell(finding.message),
    finding.fix === null ? '' : cell(finding.fix),
  ];
  return `| ${cells.join(' | ')} |`;
}

function errorBlock(report: CheckReport, cell: (text: string) => string): string[] {
  const errors = errorsNotInFindings(report);
  if (errors.length === 0) return [];
  const lines = errors.map(
    (error) => `- ${cell(error.file)}:${error.line}: ${cell(error.message)}`,
  );
  return [`**Input errors**\n\n${lines.join('\n')}`];
}

function exemptionBlock(report: CheckReport, cell: (text: string) => string): string[] {
  const exemptions = report.exemptions ?? [];
  if (exemptions.length === 0) return [];
  const rows = exemptions.map((exemption) => {
    const keys = exemptionScope(exemption);
    const cells = [
      `${cell(exemption.file)}:${exemption.line}`,
      cell(keys),
      cell(exemption.resources.join(', ')),
      String(exemption.findings),
      cell(exemption.owner),
      cell(exemption.expires),
      cell(exemption.reason),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  const table = [
    '| Exemption | Keys | Resources | Findings | Owner | Expires | Reason |',
    '| --- | --- | --- | ---: | --- | --- | --- |',
    ...rows,
  ];
  return [`**Active exemptions**\n\n${table.join('\n')}`];
}

function noticeBlock(report: CheckReport, cell: (text: string) => string): string[] {
  if (report.notices.length === 0) return [];
  const lines = report.notices.map((notice) => `- ${cell(notice.file)}: ${cell(notice.message)}`);
  return [`**Notices**\n\n${lines.join('\n')}`];
}

/** Keeps the first `max` characters (whole code points) and marks the cut with `…`. */
function cut(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max).join('')}…`;
}

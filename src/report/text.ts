import type { ActiveExemption, CheckReport, Finding, Notice, Severity } from '../model.js';
import {
  errorsNotInFindings,
  exemptionScope,
  filesWithFindings,
  summarize,
  summaryLine,
} from './summary.js';
import { inertForTerminal, painter, type Paint, type Style } from './terminal.js';

/** Options of the text report. */
export interface TextOptions {
  /** ANSI colours; the CLI asks for them only when writing to a terminal. */
  readonly color: boolean;
}

const SEVERITY_STYLE: Readonly<Record<Severity, Style>> = {
  error: 'red',
  warning: 'yellow',
  notice: 'cyan',
};

const SEVERITY_WIDTH = 'warning'.length;

/**
 * The human-readable report: findings grouped by file, one line each
 * (`file:line  severity  rule  resource  message`) with an indented `fix:` line when a fix is
 * known; then active exemptions, notices, input errors not already shown as findings, and a
 * summary line. Every string from the user's files is made inert for the terminal.
 */
export function renderText(report: CheckReport, options: TextOptions): string {
  const paint = painter(options.color);
  const ruleWidth = Math.max(0, ...report.findings.map((finding) => finding.rule.length));
  const sections = groupByFile(report.findings).map(([file, findings]) =>
    fileSection(file, findings, ruleWidth, paint),
  );

  if (report.exemptions && report.exemptions.length > 0) {
    sections.push(exemptionSection(report.exemptions, paint));
  }
  if (report.notices.length > 0) sections.push(noticeSection(report.notices, paint));
  const errors = errorsNotInFindings(report);
  if (errors.length > 0) {
    const lines = errors.map((error) =>
      listLine(`${error.file}:${error.line}`, error.message, paint),
    );
    sections.push([paint('bold', 'Input errors'), ...lines].join('\n'));
  }

  const summary = summarize(report);
  const verdict = summaryLine(summary, filesWithFindings(report));
  const verdictStyle: Style =
    summary.blocking > 0 ? 'red' : summary.findings > 0 ? 'yellow' : 'green';
  sections.push(paint(verdictStyle, verdict));
  return `${sections.join('\n\n')}\n`;
}

/** Findings per file, files in the order they first appear (the engine sorts by file). */
function groupByFile(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file) ?? [];
    group.push(finding);
    groups.set(finding.file, group);
  }
  return [...groups.entries()];
}

function fileSection(file: string, findings: readonly Finding[], ruleWidth: number, paint: Paint) {
  const locations = findings.map((finding) => inertForTerminal(`${file}:${finding.line}`));
  const locationWidth = Math.max(...locations.map((location) => location.length));
  const lines = findings.flatMap((finding, index) => {
    const location = (locations[index] ?? '').padEnd(locationWidth);
    const severity = paint(
      SEVERITY_STYLE[finding.severity],
      finding.severity.padEnd(SEVERITY_WIDTH),
    );
    const rule = paint('dim', finding.rule.padEnd(ruleWidth));
    const head = `  ${location}  ${severity}  ${rule}  ${paint('bold', inert(finding.resource))}`;
    const message = indentContinuation(inert(finding.message), '      ');
    const fix = finding.fix === null ? [] : [`      ${paint('green', 'fix:')} ${fixText(finding)}`];
    return [`${head}  ${message}`, ...fix];
  });
  return [paint('bold', inertForTerminal(file)), ...lines].join('\n');
}

function fixText(finding: Finding): string {
  return indentContinuation(inert(finding.fix ?? ''), '           ');
}

/** One line per active exemption: where, until when, who, what it covers, why. */
function exemptionSection(exemptions: readonly ActiveExemption[], paint: Paint): string {
  const lines = exemptions.map((exemption) =>
    listLine(`${exemption.file}:${exemption.line}`, exemptionSummary(exemption), paint),
  );
  return [paint('bold', 'Active exemptions'), ...lines].join('\n');
}

/** `until 2027-01-31, owner platform: CostCenter on aws_s3_bucket.a (2 findings): reason`. */
export function exemptionSummary(exemption: ActiveExemption): string {
  const keys = exemptionScope(exemption);
  const where = exemption.resources.length === 0 ? '' : ` on ${exemption.resources.join(', ')}`;
  const count = `${exemption.findings} finding${exemption.findings === 1 ? '' : 's'}`;
  return (
    `until ${exemption.expires}, owner ${exemption.owner}: ${keys}${where} (${count}): ` +
    exemption.reason
  );
}

function noticeSection(notices: readonly Notice[], paint: Paint): string {
  const lines = notices.map((notice) => listLine(notice.file, notice.message, paint));
  return [paint('bold', 'Notices'), ...lines].join('\n');
}

function listLine(place: string, message: string, paint: Paint): string {
  return `  ${paint('bold', inert(place))}  ${indentContinuation(inert(message), '    ')}`;
}

function inert(text: string): string {
  return inertForTerminal(text.replace(/\r\n?/g, '\n'));
}

/** Indents every line after the first, so multi-line messages stay under their finding. */
function indentContinuation(text: string, indent: string): string {
  return text.split('\n').join(`\n${indent}`);
}

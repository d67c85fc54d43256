import type {
  ActiveExemption,
  CheckReport,
  Finding,
  InputError,
  JudgedResource,
  Notice,
} from '../model.js';
import { summarize } from './summary.js';

/**
 * The JSON report, field for field as the contract in DESIGN.md fixes it (`version`, `summary`,
 * `resources`, `findings`, `errors`), plus `notices` at the end. Fields are written in a fixed
 * order with a 2-space indent and a final newline, so the output is stable for diffs.
 * `exemptions` follows when any exemption was in force: each active one with its expiry and
 * how many findings it exempted (those findings are not in `findings`).
 */
export function renderJson(report: CheckReport): string {
  const document = {
    version: 1,
    summary: summarize(report),
    resources: report.resources.map(resourceEntry),
    findings: report.findings.map(findingEntry),
    errors: report.errors.map(errorEntry),
    notices: report.notices.map(noticeEntry),
    ...(report.exemptions && report.exemptions.length > 0
      ? { exemptions: report.exemptions.map(exemptionEntry) }
      : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** An active exemption: where it is written, what it covers, why, who, until when. */
function exemptionEntry(exemption: ActiveExemption) {
  return {
    kind: exemption.kind,
    file: exemption.file,
    line: exemption.line,
    keys: [...exemption.keys],
    ...(exemption.selects === undefined ? {} : { selects: { ...exemption.selects } }),
    reason: exemption.reason,
    owner: exemption.owner,
    expires: exemption.expires,
    resources: [...exemption.resources],
    findings: exemption.findings,
  };
}

function resourceEntry(resource: JudgedResource) {
  return {
    address: resource.address,
    type: resource.type,
    provider: resource.provider,
    file: resource.file,
    line: resource.line,
    tags: { ...resource.tags },
    costBearing: resource.costBearing,
    checked: resource.checked,
  };
}

function findingEntry(finding: Finding) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    resource: finding.resource,
    file: finding.file,
    line: finding.line,
    key: finding.key,
    message: finding.message,
    fix: finding.fix,
  };
}

function errorEntry(error: InputError) {
  return { file: error.file, line: error.line, message: error.message };
}

function noticeEntry(notice: Notice) {
  return { file: notice.file, message: notice.message };
}

import type { Finding, JudgedResource } from '../model.js';
import type { Rule, RuleReport } from './rule.js';
import type { TagView } from './views.js';

/**
 * Fills `{{name}}` placeholders from `data`. A placeholder without data is a bug in the rule,
 * so it throws rather than print a half-written message.
 */
export function renderMessage(
  template: string,
  data: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`message placeholder {{${name}}} has no data`);
    return String(value);
  });
}

/**
 * Turns one rule's reports on each tag map of a resource into findings. A report that every
 * variant produces alike becomes one finding; one that only some variants produce is reported
 * per variant, with its condition in the message.
 */
export function reportsToFindings(
  rule: Rule,
  resource: JudgedResource,
  views: readonly TagView[],
  reportsPerView: readonly (readonly RuleReport<string>[])[],
): Finding[] {
  const signatures = reportsPerView.map((reports) => new Set(reports.map(signature)));
  const emitted = new Set<string>();
  const findings: Finding[] = [];

  reportsPerView.forEach((reports, index) => {
    const view = views[index];
    for (const report of reports) {
      const sign = signature(report);
      const everywhere = signatures.every((set) => set.has(sign));
      if (everywhere && emitted.has(sign)) continue;
      emitted.add(sign);
      const when = everywhere || !view?.condition ? '' : variantPhrase(view.condition, resource);
      findings.push(toFinding(rule, resource, report, when));
    }
  });
  return findings;
}

/**
 * How a variant is named in a message: a truth assignment such as `IsProd is false` (a
 * CloudFormation condition) reads `when condition IsProd is false`, and a Terraform one, whose
 * condition is an expression (`var.prod is false`), reads `when var.prod is false`; any other
 * label, such as `labels at spec.template.metadata`, is given in parentheses.
 */
function variantPhrase(condition: string, resource: JudgedResource): string {
  if (!/\bis (true|false)\b/.test(condition)) return ` (${condition})`;
  return resource.format === 'terraform' ? ` when ${condition}` : ` when condition ${condition}`;
}

/** The resource as messages name it: its address, with the name the user knows it by. */
function resourceName(resource: JudgedResource): string {
  const label = resource.label;
  return label === undefined || label === resource.address
    ? resource.address
    : `${resource.address} (${label})`;
}

function toFinding(
  rule: Rule,
  resource: JudgedResource,
  report: RuleReport<string>,
  when: string,
): Finding {
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) {
    throw new Error(`rule ${rule.meta.id} has no message ${report.messageId}`);
  }
  const file = report.file ?? resource.file;
  const data = {
    resource: resourceName(resource),
    file,
    line: report.line,
    ...report.data,
    when,
  };
  return {
    rule: rule.meta.id,
    severity: report.severity ?? rule.meta.defaultSeverity,
    resource: resource.address,
    file,
    line: report.line,
    key: report.key,
    message: renderMessage(template, data),
    fix: report.fix,
  };
}

function signature(report: RuleReport<string>): string {
  return JSON.stringify([
    report.messageId,
    Object.entries(report.data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    report.key,
    report.file ?? null,
    report.line,
    report.fix,
    report.severity ?? null,
  ]);
}

import { createHash } from 'node:crypto';
import type { ActiveExemption, CheckReport, Finding, Replacement } from '../model.js';
import { PROJECT_URL } from './links.js';
import {
  registeredRuleDescriptions,
  ruleDescriptors,
  sarifLevel,
  type RuleDescription,
} from './sarif-rules.js';

/** Options of the SARIF report. */
export interface SarifOptions {
  /** The product version, written as the driver's version. */
  readonly toolVersion: string;
  /** Rule descriptions for the driver; defaults to the rule registry (`parse-error` is added). */
  readonly rules?: readonly RuleDescription[];
}

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The `partialFingerprints` key: stable across line moves, by resource, rule and key. */
const FINGERPRINT_KEY = 'openclawTags/resourceRuleKey/v1';

/**
 * The report as a SARIF 2.1.0 log with one run: the driver lists every rule with a short
 * description, a link to `docs/rules/<id>.md` and its default level; each finding is a result
 * with its level, message (and fix), a location relative to the scanned root, a fingerprint
 * that survives line moves, and, where the fix is certain, a SARIF `fix` with the replacement.
 * Findings an active exemption covers follow as results with a `suppressions` entry.
 */
export function renderSarif(report: CheckReport, options: SarifOptions): string {
  const described = options.rules ?? registeredRuleDescriptions();
  const rules = ruleDescriptors(described, [
    ...report.findings.map((finding) => finding.rule),
    ...(report.suppressed ?? []).map((entry) => entry.finding.rule),
  ]);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'openclaw-tags',
            version: options.toolVersion,
            informationUri: PROJECT_URL,
            rules,
          },
        },
        results: [
          ...report.findings.map((finding) => result(finding, ruleIndex.get(finding.rule))),
          ...(report.suppressed ?? []).map(({ finding, exemption }) => ({
            ...result(finding, ruleIndex.get(finding.rule)),
            suppressions: [suppression(report.exemptions?.[exemption])],
          })),
        ],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(finding: Finding, ruleIndex: number | undefined) {
  return {
    ruleId: finding.rule,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: sarifLevel(finding.severity),
    message: { text: messageText(finding) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.file),
          region: { startLine: Math.max(1, finding.line) },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding) },
    ...(finding.replacement ? { fixes: [sarifFix(finding, finding.replacement)] } : {}),
    properties: { resource: finding.resource, key: finding.key },
  };
}

/** A SARIF suppression for a finding an exemption covers: in source, or by the policy. */
function suppression(exemption: ActiveExemption | undefined) {
  const justification = exemption
    ? `${exemption.reason} (owner ${exemption.owner}, expires ${exemption.expires}; ` +
      `${exemption.file}:${exemption.line})`
    : 'exempted';
  return {
    kind: exemption?.kind === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
    justification,
  };
}

function messageText(finding: Finding): string {
  return finding.fix === null ? finding.message : `${finding.message} Fix: ${finding.fix}`;
}

/** A relative URI for a report path: each segment percent-encoded, `/` kept. */
function artifactLocation(file: string) {
  const uri = file.split('/').map(encodeURIComponent).join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}

function fingerprint(finding: Finding): string {
  const identity = JSON.stringify([finding.resource, finding.rule, finding.key]);
  return createHash('sha256').update(identity).digest('hex');
}

function sarifFix(finding: Finding, replacement: Replacement) {
  return {
    description: { text: finding.fix ?? finding.message },
    artifactChanges: [
      {
        artifactLocation: artifactLocation(replacement.file),
        replacements: [
          {
            deletedRegion: {
              startLine: replacement.line,
              startColumn: replacement.column,
              endLine: replacement.endLine,
              endColumn: replacement.endColumn,
            },
            insertedContent: { text: replacement.text },
          },
        ],
      },
    ],
  };
}

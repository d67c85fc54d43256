import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import type { CheckReport, Finding } from '../../src/model.js';
import { renderSarif, type RuleDescription } from '../../src/report/index.js';
import { rules } from '../../src/rules/index.js';
import { expectGolden } from '../golden.js';
import { cleanReport, sampleReport } from './sample-report.js';

// The official SARIF 2.1.0 schema (descriptions left out, see its $comment). Ajv ships no
// string formats, so the three the schema names are defined here, as strictly as SARIF
// consumers read them.
const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'sarif-2.1.0.schema.json'), 'utf8'),
) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('uri-reference', (value: string) =>
  /^([A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(value),
);
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
const validate = ajv.compile(schema);

/** Rule descriptions as a test would hand them in, independent of the registry. */
const testRules: readonly RuleDescription[] = [
  { id: 'missing-tag', description: 'A required tag is missing', defaultSeverity: 'error' },
  { id: 'invalid-value', description: 'A tag value is not allowed', defaultSeverity: 'warning' },
];

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[];
  partialFingerprints: Record<string, string>;
  fixes?: unknown[];
}

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string }[] } };
    results: SarifResult[];
  }[];
}

function render(report: CheckReport, ruleList?: readonly RuleDescription[]): SarifLog {
  const options = ruleList ? { toolVersion: '1.2.3', rules: ruleList } : { toolVersion: '1.2.3' };
  return JSON.parse(renderSarif(report, options)) as SarifLog;
}

function resultsOf(report: CheckReport): SarifResult[] {
  return render(report, testRules).runs[0]?.results ?? [];
}

describe('renderSarif', () => {
  test('matches the golden file', () => {
    expectGolden(
      'report.golden.sarif',
      renderSarif(sampleReport, { toolVersion: '1.2.3', rules: testRules }),
    );
  });

  test.each([
    [
      'the sample report with hand-made rules',
      renderSarif(sampleReport, { toolVersion: '1.2.3', rules: testRules }),
    ],
    [
      'the sample report with the rule registry',
      renderSarif(sampleReport, { toolVersion: '1.2.3' }),
    ],
    ['a clean report', renderSarif(cleanReport, { toolVersion: '1.2.3' })],
  ])('validates against the SARIF 2.1.0 schema: %s', (_name, text) => {
    const valid = validate(JSON.parse(text));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test.each([
    [
      'an unknown level',
      (log: SarifLog) => Object.assign(log.runs[0]?.results[0] ?? {}, { level: 'fatal' }),
    ],
    [
      'a line 0',
      (log: SarifLog) =>
        Object.assign(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.region ?? {}, {
          startLine: 0,
        }),
    ],
    ['a stray field', (log: SarifLog) => Object.assign(log.runs[0] ?? {}, { findings: [] })],
  ])('the schema check rejects %s', (_name, spoil) => {
    const log = render(sampleReport, testRules);
    spoil(log);
    expect(validate(log)).toBe(false);
  });

  test('describes every registered rule and the engine rules', () => {
    const ids = render(cleanReport).runs[0]?.tool.driver.rules.map((rule) => rule.id) ?? [];
    expect(ids).toEqual([...rules.map((rule) => rule.meta.id), 'parse-error', 'invalid-exemption']);
  });

  test('adds a descriptor for a rule that no description covers', () => {
    const driverRules = render(sampleReport, testRules).runs[0]?.tool.driver.rules ?? [];
    expect(driverRules.map((rule) => rule.id)).toEqual([
      'missing-tag',
      'invalid-value',
      'parse-error',
      'invalid-exemption',
      'unresolved-tags',
    ]);
    expect(driverRules[0]?.helpUri).toMatch(/\/docs\/rules\/missing-tag\.md$/);
  });

  test.each([
    [0, 'parse-error', 'error', 'broken.yaml'],
    [1, 'missing-tag', 'note', 'k8s/deploy.yaml'],
    [3, 'invalid-value', 'warning', 'main.tf'],
    [4, 'unresolved-tags', 'warning', 'modules/a%20b/%5Bx%5D(y).tf'],
  ])('result %i: rule %s, level %s, uri %s', (index, ruleId, level, uri) => {
    const result = resultsOf(sampleReport)[index];
    expect(result).toMatchObject({ ruleId, level });
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(uri);
  });

  test('points ruleIndex at the descriptor of the result rule', () => {
    const log = render(sampleReport, testRules);
    const driverRules = log.runs[0]?.tool.driver.rules ?? [];
    for (const result of log.runs[0]?.results ?? []) {
      expect(driverRules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    }
  });

  test('appends the fix to the message and emits a SARIF fix for a certain replacement', () => {
    const result = resultsOf(sampleReport)[3];
    expect(result?.message.text).toMatch(/nearest is "prod" Fix: set Environment = "prod"$/);
    expect(result?.fixes).toHaveLength(1);
    expect(resultsOf(sampleReport)[2]?.fixes).toBeUndefined();
  });

  test('keeps fingerprints stable when a finding moves, and distinct per key', () => {
    const base = sampleReport.findings[2] as Finding;
    const moved: Finding = { ...base, line: base.line + 40, message: 'reworded' };
    const otherKey: Finding = { ...base, key: 'Owner' };
    const fingerprints = resultsOf({ ...sampleReport, findings: [base, moved, otherKey] }).map(
      (result) => Object.values(result.partialFingerprints)[0],
    );
    expect(fingerprints[0]).toBe(fingerprints[1]);
    expect(fingerprints[0]).not.toBe(fingerprints[2]);
  });
});

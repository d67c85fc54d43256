import { describe, expect, test } from 'vitest';
import { actionMarkdown, summaryMarkdown, withCost } from '../../src/action/render.js';
import type { ActionCheck } from '../../src/action/run-check.js';
import type { Finding } from '../../src/model.js';

function findings(count: number): Finding[] {
  return Array.from({ length: count }, (_, index) => ({
    rule: 'missing-tag',
    severity: 'error',
    resource: `aws_s3_bucket.b${index}`,
    file: 'main.tf',
    line: index + 1,
    key: 'CostCenter',
    message: `aws_s3_bucket.b${index} has no tag CostCenter`,
    fix: null,
  }));
}

function result(count: number): ActionCheck {
  return {
    report: {
      files: 1,
      resources: [],
      findings: findings(count),
      errors: [],
      notices: [],
      blocking: count,
    },
    existing: [],
    pullRequest: undefined,
    prefix: '',
    scope: 'every file under the checked paths',
  };
}

const rows = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('| 🔴'));

describe('the comment and the summary', () => {
  test('the comment lists 50 findings; the summary lists up to 1,000', () => {
    expect(rows(actionMarkdown(result(60), 'default'))).toHaveLength(50);
    const summary = summaryMarkdown(result(60), 'default', { annotated: 10, notAnnotated: 50 });
    expect(rows(summary)).toHaveLength(60);
    expect(summary).toContain(
      '_10 findings are annotated on their lines, the most severe first; 50 more are listed ' +
        'here only (GitHub shows at most 10 error and 10 warning annotations per step)._',
    );
  });

  test('past 1,000 findings, the summary says the JSON report holds all of them', () => {
    const summary = summaryMarkdown(result(1_200), 'default', {
      annotated: 10,
      notAnnotated: 1_190,
    });
    expect(rows(summary)).toHaveLength(1_000);
    expect(summary).toContain(
      'this summary lists the first 1,000 findings and the JSON report (the `report` output) ' +
        'all 1,200',
    );
  });

  test('every finding annotated: no note', () => {
    const summary = summaryMarkdown(result(2), 'default', { annotated: 2, notAnnotated: 0 });
    expect(summary).not.toContain('annotated on their lines');
  });

  test('the cost section follows the report after one blank line', () => {
    expect(withCost('report\n\n', '### Cost\n')).toBe('report\n\n### Cost\n');
    expect(withCost('report\n', undefined)).toBe('report\n');
  });
});

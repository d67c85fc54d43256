import { describe, expect, test } from 'vitest';
import type { CheckReport, Finding } from '../../src/model.js';
import { renderMarkdown } from '../../src/report/index.js';
import { expectGolden } from '../golden.js';
import { cleanReport, HOSTILE, sampleReport } from './sample-report.js';

const markdown = renderMarkdown(sampleReport);

/** Table rows of the findings table (after its header and delimiter rows). */
function findingRows(text: string): string[] {
  const lines = text.split('\n');
  const header = lines.findIndex((line) => line.startsWith('| Severity |'));
  const rows: string[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

/** Cells of a row, split on pipes that are not backslash-escaped. */
function cellsOf(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1);
}

describe('renderMarkdown', () => {
  test('matches the golden files', () => {
    expectGolden('report.golden.md', markdown);
    expectGolden('report-clean.golden.md', renderMarkdown(cleanReport));
  });

  test('writes one row per finding, each with the seven columns', () => {
    const rows = findingRows(markdown);
    expect(rows).toHaveLength(sampleReport.findings.length);
    for (const row of rows) expect(cellsOf(row)).toHaveLength(7);
  });

  test.each([
    ['a raw HTML tag', '<img'],
    ['a live mention', '@octocat'],
    ['an unescaped code span', ' `rm'],
    ['a live link', '](https://evil'],
    ['a bare URL', 'https://evil'],
    ['an issue reference', ' #12'],
    ['an escape character', '\u001b'],
    ['a bidi override', '\u202E'],
  ])('leaves no %s from a hostile message', (_name, fragment) => {
    expect(markdown).not.toContain(fragment);
  });

  test('keeps a hostile message on its own row', () => {
    const hostileRow = findingRows(markdown).find((row) => row.includes('aws\\_s3\\_bucket.logs'));
    expect(hostileRow).toContain('second line');
  });

  test('links each rule id to its documentation page', () => {
    expect(markdown).toContain('[missing-tag](https://github.com/');
    expect(markdown).toContain('/docs/rules/missing-tag.md)');
  });

  test('cuts the findings table and says how many are left out', () => {
    const text = renderMarkdown(sampleReport, { maxFindings: 2 });
    expect(findingRows(text)).toHaveLength(2);
    expect(text).toContain('_…and 3 more findings not shown here._');
  });

  test('cuts a long user string in its cell', () => {
    const long: Finding = { ...(sampleReport.findings[2] as Finding), message: 'x'.repeat(500) };
    const report: CheckReport = { ...sampleReport, findings: [long] };
    const text = renderMarkdown(report, { maxCellLength: 20 });
    expect(text).toContain(`| ${'x'.repeat(20)}… |`);
  });

  test('lists input errors not shown as findings, and notices', () => {
    expect(markdown).toContain('**Input errors**\n\n- huge.json:1: huge.json is larger');
    expect(markdown).toContain('**Notices**\n\n- charts/app: Helm chart templates');
    expect(markdown.split('bad indentation')).toHaveLength(2);
  });

  test('escapes hostile notice and error text too', () => {
    const report: CheckReport = {
      ...cleanReport,
      errors: [{ file: HOSTILE, line: 1, message: HOSTILE }],
      notices: [{ file: HOSTILE, message: HOSTILE }],
    };
    const text = renderMarkdown(report);
    expect(text).not.toContain('<img');
    expect(text).not.toContain('@octocat');
  });

  test('takes a title', () => {
    expect(renderMarkdown(cleanReport, { title: 'Tag check' })).toMatch(
      /^### Tag check: No findings in 1 file, 1 resource checked\n/,
    );
  });
});

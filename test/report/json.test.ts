import { describe, expect, test } from 'vitest';
import { renderJson } from '../../src/report/index.js';
import { expectGolden } from '../golden.js';
import { cleanReport, HOSTILE, sampleReport } from './sample-report.js';

const parsed = JSON.parse(renderJson(sampleReport)) as Record<string, unknown>;

function entries(field: string): Record<string, unknown>[] {
  return parsed[field] as Record<string, unknown>[];
}

describe('renderJson', () => {
  test('matches the golden file', () => {
    expectGolden('report.golden.json', renderJson(sampleReport));
    expectGolden('report-clean.golden.json', renderJson(cleanReport));
  });

  test.each([
    [
      'top level',
      Object.keys(parsed),
      ['version', 'summary', 'resources', 'findings', 'errors', 'notices'],
    ],
    [
      'summary',
      Object.keys(parsed.summary as object),
      ['files', 'resources', 'checked', 'findings', 'blocking'],
    ],
    [
      'a resource',
      Object.keys(entries('resources')[0] ?? {}),
      ['address', 'type', 'provider', 'file', 'line', 'tags', 'costBearing', 'checked'],
    ],
    [
      'a finding',
      Object.keys(entries('findings')[3] ?? {}),
      ['rule', 'severity', 'resource', 'file', 'line', 'key', 'message', 'fix'],
    ],
    ['an error', Object.keys(entries('errors')[0] ?? {}), ['file', 'line', 'message']],
  ])('writes the contract fields of %s in order', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  test('counts the summary from the report', () => {
    expect(parsed.summary).toEqual({
      files: 5,
      resources: 4,
      checked: 3,
      findings: 5,
      blocking: 2,
    });
  });

  test('keeps unknown tag values as null and hostile strings verbatim', () => {
    const [web, , , hostile] = entries('resources');
    expect(web?.tags).toEqual({ Environment: 'prd', Owner: null });
    expect(hostile?.tags).toEqual({ [HOSTILE]: HOSTILE });
  });

  test('uses a 2-space indent and ends with a newline', () => {
    const text = renderJson(cleanReport);
    expect(text.split('\n')[1]).toBe('  "version": 1,');
    expect(text.endsWith('}\n')).toBe(true);
  });
});

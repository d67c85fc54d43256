import { describe, expect, test } from 'vitest';
import {
  REPORT_FORMATS,
  renderJson,
  renderMarkdown,
  renderReport,
  renderSarif,
  renderText,
} from '../../src/report/index.js';
import { VERSION } from '../../src/version.js';
import { sampleReport } from './sample-report.js';

describe('renderReport', () => {
  test.each([
    ['text', renderText(sampleReport, { color: true }), { color: true }],
    ['json', renderJson(sampleReport), {}],
    ['sarif', renderSarif(sampleReport, { toolVersion: '9.9.9' }), { toolVersion: '9.9.9' }],
    [
      'markdown',
      renderMarkdown(sampleReport, { maxFindings: 1 }),
      { markdown: { maxFindings: 1 } },
    ],
  ] as const)('dispatches %s to its renderer', (format, expected, options) => {
    expect(renderReport(sampleReport, format, options)).toBe(expected);
  });

  test('defaults to plain text and this build version', () => {
    expect(renderReport(sampleReport, 'text')).toBe(renderText(sampleReport, { color: false }));
    expect(renderReport(sampleReport, 'sarif')).toContain(`"version": "${VERSION}"`);
  });

  test('names every format it renders', () => {
    expect([...REPORT_FORMATS]).toEqual(['text', 'json', 'sarif', 'markdown']);
  });

  test.each(REPORT_FORMATS)('%s output ends with exactly one newline', (format) => {
    expect(renderReport(sampleReport, format)).toMatch(/[^\n]\n$/);
  });
});

import { describe, expect, test } from 'vitest';
import {
  annotateFindings,
  type AnnotationPlace,
  type AnnotationSink,
} from '../../src/action/annotations.js';
import type { Finding, Severity } from '../../src/model.js';

function findings(severity: Severity, count: number): Finding[] {
  return Array.from({ length: count }, (_, index) => ({
    rule: 'missing-tag',
    severity,
    resource: `r${index}`,
    file: 'infra/main.tf',
    line: index + 1,
    key: 'Owner',
    message: `r${index} has no tag Owner`,
    fix: index === 0 ? 'add tag Owner = "<value>"' : null,
  }));
}

function recordingSink() {
  const calls: { level: Severity; message: string; place: AnnotationPlace }[] = [];
  const sink: AnnotationSink = {
    error: (message, place) => calls.push({ level: 'error', message, place }),
    warning: (message, place) => calls.push({ level: 'warning', message, place }),
    notice: (message, place) => calls.push({ level: 'notice', message, place }),
  };
  return { sink, calls };
}

describe('annotateFindings', () => {
  test.each([
    {
      name: 'few findings are all annotated',
      errors: 2,
      warnings: 3,
      notices: 0,
      shown: [2, 3, 0],
      left: 0,
    },
    {
      name: 'at most ten errors',
      errors: 25,
      warnings: 0,
      notices: 0,
      shown: [10, 0, 0],
      left: 15,
    },
    {
      name: 'many warnings do not crowd out errors',
      errors: 3,
      warnings: 40,
      notices: 2,
      shown: [3, 10, 2],
      left: 30,
    },
    {
      name: 'each severity has its own ten',
      errors: 12,
      warnings: 12,
      notices: 12,
      shown: [10, 10, 10],
      left: 6,
    },
  ])('$name', ({ errors, warnings, notices, shown, left }) => {
    const { sink, calls } = recordingSink();
    const all = [
      ...findings('warning', warnings),
      ...findings('notice', notices),
      ...findings('error', errors),
    ];
    const count = annotateFindings(all, sink);
    const perLevel = (level: Severity) => calls.filter((call) => call.level === level).length;
    expect([perLevel('error'), perLevel('warning'), perLevel('notice')]).toEqual(shown);
    expect(count).toEqual({ annotated: all.length - left, notAnnotated: left });
    expect(calls[0]?.level).toBe(errors > 0 ? 'error' : 'warning');
  });

  test('an annotation names the file, line, rule and resource, and carries the fix', () => {
    const { sink, calls } = recordingSink();
    annotateFindings(findings('error', 1), sink);
    expect(calls).toEqual([
      {
        level: 'error',
        message: 'r0 has no tag Owner\nFix: add tag Owner = "<value>"',
        place: { title: 'openclaw-tags missing-tag: r0', file: 'infra/main.tf', startLine: 1 },
      },
    ]);
  });
});

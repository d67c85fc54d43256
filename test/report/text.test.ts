import { describe, expect, test } from 'vitest';
import { renderText } from '../../src/report/index.js';
import { inertForTerminal } from '../../src/report/terminal.js';
import { expectGolden } from '../golden.js';
import { cleanReport, sampleReport } from './sample-report.js';

const ESC = '\u001b';

describe('renderText', () => {
  test('matches the golden files, with and without colour', () => {
    expectGolden('report.golden.txt', renderText(sampleReport, { color: false }));
    expectGolden('report-color.golden.txt', renderText(sampleReport, { color: true }));
    expectGolden('report-clean.golden.txt', renderText(cleanReport, { color: false }));
  });

  test('writes no escape sequence at all without colour', () => {
    expect(renderText(sampleReport, { color: false })).not.toContain(ESC);
  });

  test('shows the escape sequences of a user string instead of sending them', () => {
    const colored = renderText(sampleReport, { color: true });
    expect(colored).toContain('\\x1b[31mred\\x1b[0m');
    expect(colored).not.toContain(`${ESC}[31mred`);
  });

  test.each([
    ['finding line', '  main.tf:3  error    missing-tag      aws_instance.web  aws_instance.web'],
    ['fix line', '      fix: add CostCenter = "<value>" to tags'],
    ['multi-line message continuation', '        7 |  - a'],
    ['error not shown as a finding', '  huge.json:1  huge.json is larger than 10 MiB'],
    ['notice', '  charts/app  Helm chart templates are not rendered'],
    ['summary', '5 findings (2 blocking) in 4 of 5 files, 3 of 4 resources checked'],
  ])('writes the %s', (_name, expected) => {
    expect(renderText(sampleReport, { color: false })).toContain(expected);
  });

  test('lists a parse error once, as a finding', () => {
    const text = renderText(sampleReport, { color: false });
    expect(text.split('bad indentation of a mapping entry')).toHaveLength(2);
  });

  test('says so when there are no findings', () => {
    expect(renderText(cleanReport, { color: false })).toBe(
      'No findings in 1 file, 1 resource checked\n',
    );
  });
});

describe('inertForTerminal', () => {
  test.each([
    ['plain text', 'aws_instance.web', 'aws_instance.web'],
    ['ANSI colour', '\u001b[31mred', '\\x1b[31mred'],
    ['carriage return', 'a\rb', 'a\\x0db'],
    ['bell and NUL', '\u0007\u0000', '\\x07\\x00'],
    ['C1 control', 'a\u009bb', 'a\\x9bb'],
    ['right-to-left override', 'a\u202Eb', 'a\\u202eb'],
    ['line break kept', 'a\nb', 'a\nb'],
  ])('%s', (_name, input, expected) => {
    expect(inertForTerminal(input)).toBe(expected);
  });
});

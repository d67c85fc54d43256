import * as core from '@actions/core';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { annotateFindings } from '../../src/action/annotations.js';
import { actionMarkdown, summaryMarkdown } from '../../src/action/render.js';
import type { CheckReport } from '../../src/model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { escapePlainText } from '../../src/report/escape.js';
import { fuzzParameters, scanFiles, unsafeCharacters } from '../fuzz/harness.js';

/** Strings an attacker would put in a file name, a resource name or a tag value. */
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '@octocat @org/team',
  '[click](https://evil.example)',
  '![x](https://evil.example/p.png)',
  '| injected | cell |',
  '`code` **bold** # heading',
  '\u001b[31mred\u001b[0m',
  'bidi\u202Eevil',
  'line\nbreak\r\nand\u2028more',
  '::error file=x::forged annotation',
];

/** A scan where the hostile strings sit in file names, resource names and tag values. */
async function hostileReport(): Promise<CheckReport> {
  const files: Record<string, string> = {};
  HOSTILE.forEach((text, index) => {
    const label = JSON.stringify(text);
    const fileName = `${index}-${text.replace(/[/\n\r]/g, '_').slice(0, 60)}.tf`;
    files[fileName] =
      `resource "aws_s3_bucket" ${label} {\n  tags = { Environment = ${label}, Team = ${label} }\n}\n` +
      `resource "aws_sqs_queue" "q" {\n  tags = ${label}\n}\n`;
  });
  files['broken <b>@x</b>.tf'] = 'resource "aws_s3_bucket" "b" {\n';
  return scanFiles(files);
}

/** What no Markdown rendered from user input may contain. */
function expectInertMarkdown(markdown: string): void {
  const withoutOwnTags = markdown.replace(/<\/?details>|<summary>|<\/summary>|<!--[^>]*-->/g, '');
  expect(withoutOwnTags).not.toMatch(/[<>]/);
  expect(markdown).not.toMatch(/@(?!\u200D)/);
  expect(markdown).not.toMatch(/\]\(https:\/\/evil/);
  expect(unsafeCharacters(markdown, ['\n'])).toEqual([]);
  for (const line of markdown.split('\n').filter((candidate) => candidate.startsWith('| '))) {
    // Every table row keeps its cell count: no bare pipe came from a user's string.
    const cells = line.replace(/\\\|/g, '').split('|').length;
    expect(cells === 9 || cells === 7 || cells === 6).toBe(true);
  }
}

describe('hostile paths, addresses and tag values', () => {
  test('are inert in the Markdown report', async () => {
    const report = await hostileReport();
    expect(report.findings.length).toBeGreaterThan(HOSTILE.length);
    expectInertMarkdown(renderMarkdown(report, { maxFindings: 1000 }));
  });

  test('are inert in the pull-request comment and the job summary', async () => {
    const report = await hostileReport();
    const result = {
      report,
      existing: report.findings.slice(0, 5),
      pullRequest: {
        owner: 'o',
        repo: 'r',
        number: 1,
        baseSha: 'a',
        headSha: 'b',
        changedFiles: 1,
      },
      prefix: '',
      scope: 'the files this pull request changes',
    };
    expectInertMarkdown(actionMarkdown(result, 'default'));
    expectInertMarkdown(summaryMarkdown(result, 'x', { annotated: 20, notAnnotated: 5 }));
  });

  test('become one workflow command per annotation, without control characters', async () => {
    const report = await hostileReport();
    let written = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written += String(chunk);
      return true;
    });
    try {
      annotateFindings(report.findings, core);
    } finally {
      write.mockRestore();
    }
    const lines = written.split(/\r?\n/).filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) title=[^:]*,file=[^:]*,line=\d+::/);
      expect(unsafeCharacters(line)).toEqual([]);
    }
  });
});

describe('escapePlainText on any string', () => {
  test('leaves no control character, bidi override or line break but the ones kept', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (text, keep) => {
        const escaped = escapePlainText(text, keep);
        expect(unsafeCharacters(escaped, keep ? ['\n'] : [])).toEqual([]);
        expect(Array.from(escaped)).toHaveLength(Array.from(text).length);
      }),
      fuzzParameters(200),
    );
  });
});

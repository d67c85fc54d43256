import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { fuzzParameters, scanFiles, unsafeCharacters } from './harness.js';

/** Text an attacker controls: any code points, with the characters that matter made likely. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(
      fc.constantFrom(
        '<',
        '>',
        '@',
        '|',
        '`',
        '[',
        ']',
        '(',
        ')',
        '#1',
        '\u001b',
        '\u202E',
        'www.',
        'https://',
        '&',
        '\\',
        'a',
      ),
      {
        maxLength: 20,
      },
    )
    .map((parts) => parts.join('')),
);

describe('rendered reports under random tag values and resource names', () => {
  test('Markdown keeps every user string inert', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (name, value) => {
        // JSON string syntax is valid HCL string syntax, escapes included.
        const label = JSON.stringify(name);
        const files = {
          'main.tf': `resource "aws_s3_bucket" ${label} {\n  tags = { Environment = ${JSON.stringify(value)} }\n}\n`,
        };
        const report = await scanFiles(files);
        const markdown = renderMarkdown(report);
        expect(markdown).not.toMatch(/[<>]|@(?!\u200D)/);
        expect(unsafeCharacters(markdown, ['\n'])).toEqual([]);
        const rows = markdown.split('\n').filter((line) => /^\| (🔴|🟡|🔵)/.test(line));
        expect(rows).toHaveLength(report.findings.length);
        for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(9);
      }),
      fuzzParameters(60),
    );
  });
});

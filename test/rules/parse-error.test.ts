import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { check } from '../../src/engine/check.js';
import type { Finding } from '../../src/model.js';
import { ruleDescriptors } from '../../src/report/sarif-rules.js';
import { policy } from './helpers.js';

const POLICY = 'version: 1\ntags:\n  CostCenter: { required: true }\n';

const GOOD = 'resource "aws_s3_bucket" "ok" {\n  tags = { CostCenter = "cc" }\n}\n';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openclaw-parse-error-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function checkFiles(files: Readonly<Record<string, string | Uint8Array>>) {
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return check({ paths: ['.'], cwd: dir, policy: policy(POLICY), failOn: 'error' });
}

const parseError = (file: string, line: number, message: string): Finding => ({
  rule: 'parse-error',
  severity: 'error',
  resource: file,
  file,
  line,
  key: null,
  message,
  fix: null,
});

interface Row {
  readonly name: string;
  readonly file: string;
  readonly content: string | Uint8Array;
  readonly expected: Finding;
}

const rows: Row[] = [
  {
    name: 'HCL without an equals sign: the HCL parser names the line and the problem',
    file: 'main.tf',
    content: 'resource "aws_s3_bucket" "b" {\n  tags = {\n    Team "a"\n  }\n}\n',
    expected: parseError(
      'main.tf',
      3,
      'Missing key/value separator: Expected an equals sign ("=") to mark the beginning of ' +
        'the attribute value.',
    ),
  },
  {
    name: 'an unclosed HCL block is reported at the block that is not closed',
    file: 'main.tf',
    content: '\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n',
    expected: parseError(
      'main.tf',
      2,
      'Unclosed configuration block: There is no closing brace for this block before the end ' +
        'of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
    ),
  },
  {
    // HCL repeats "Invalid multi-line string" for every line after the quote; it is given once.
    name: 'an unterminated string: each distinct diagnostic once, later ones with their line',
    file: 'main.tf',
    content: 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  tags = {\n    Name = "a\n  }\n}\n',
    expected: parseError(
      'main.tf',
      4,
      'Invalid multi-line string: Quoted strings may not be split over multiple lines. To ' +
        'produce a multi-line string, either use the \\n escape to represent a newline ' +
        'character or use the "heredoc" multi-line template syntax. Line 4: Unterminated ' +
        'template string: No closing marker was found for the string.',
    ),
  },
  {
    name: 'a trailing comma in .tf.json is not JSON, at its line',
    file: 'main.tf.json',
    content:
      '{\n  "resource": {\n    "aws_s3_bucket": { "b": { "tags": { "A": "b", } } }\n  }\n}\n',
    expected: parseError('main.tf.json', 3, 'not valid JSON: expected a quoted object key'),
  },
  {
    name: 'a plan that is not JSON is reported at the line of the first bad character',
    file: 'plan.json',
    content: '{"format_version": "1.2", "terraform_version": "1.9.0",\n "planned_values": {,}\n}\n',
    // The rest of the message is the JavaScript engine's own wording, which varies by version.
    expected: parseError('plan.json', 2, expect.stringMatching(/^not valid JSON: \S/) as string),
  },
  {
    name: 'binary content is refused at line 1',
    file: 'blob.tf',
    content: new Uint8Array([0x72, 0x00, 0x01]),
    expected: parseError('blob.tf', 1, 'file holds binary data (a NUL byte), not text'),
  },
];

describe('parse-error', () => {
  test.each(rows)(
    '$name; the other files are still checked',
    async ({ file, content, expected }) => {
      const report = await checkFiles({ [file]: content, 'good.tf': GOOD });
      expect(report.findings).toEqual([expected]);
      expect(report.errors).toEqual([
        { file: expected.file, line: expected.line, message: expected.message },
      ]);
      expect(report.resources.map((resource) => resource.address)).toEqual(['aws_s3_bucket.ok']);
      expect(report.blocking).toBe(1);
    },
  );

  test('the example in docs/rules/parse-error.md gives exactly the message it shows', async () => {
    const doc = await readFile(new URL('../../docs/rules/parse-error.md', import.meta.url), 'utf8');
    const section = doc.split(/^## /m).find((part) => part.startsWith('Example')) ?? '';
    const block = (language: string): string =>
      new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section)?.[1] ?? '';
    const report = await checkFiles({ 'main.tf': block('hcl') });
    const shown = report.findings.map((found) => `${found.file}:${found.line} ${found.message}`);
    expect(shown).toEqual(block('text').trim().split('\n'));
  });

  test('its doc states the description the SARIF descriptor gives', async () => {
    const descriptor = ruleDescriptors([], []).find((rule) => rule.id === 'parse-error');
    const doc = await readFile(new URL('../../docs/rules/parse-error.md', import.meta.url), 'utf8');
    expect(doc.startsWith('# parse-error\n')).toBe(true);
    expect(doc).toContain(descriptor?.shortDescription.text ?? 'no descriptor');
  });
});

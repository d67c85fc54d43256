import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/engine/check.js';
import { MAX_FILE_BYTES } from '../../src/sources/read.js';
import { fuzzPolicy, scanFiles } from '../fuzz/harness.js';

const DEEP = 5000;
const NESTED_TOO_DEEP = /nested too deeply to read/;

function nested(open: string, close: string, depth = DEEP, inner = ''): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** The `parse-error` findings of a scan, as `file:line: message`. */
async function parseErrors(files: Record<string, string | Uint8Array>): Promise<string[]> {
  const report = await scanFiles(files);
  return report.findings
    .filter((finding) => finding.rule === 'parse-error')
    .map((finding) => `${finding.file}:${finding.line}: ${finding.message}`);
}

describe('file limits', () => {
  test('a file over the size cap is a parse-error naming the limit; the scan goes on', async () => {
    const report = await scanFiles({
      'huge.tf': Buffer.alloc(MAX_FILE_BYTES + 1, 0x20),
      'small.tf': 'resource "aws_s3_bucket" "b" {}\n',
    });
    expect(report.errors).toEqual([
      {
        file: 'huge.tf',
        line: 1,
        message: expect.stringMatching(
          new RegExp(`^file is ${MAX_FILE_BYTES + 1} bytes, over the ${MAX_FILE_BYTES}-byte limit`),
        ),
      },
    ]);
    expect(report.resources.map((resource) => resource.address)).toEqual(['aws_s3_bucket.b']);
  });

  test('a 3 GiB sparse file is refused by its size, without being read', async () => {
    const root = await mkdtemp(join(tmpdir(), 'openclaw-huge-'));
    try {
      await writeFile(join(root, 'huge.tf'), '');
      await truncate(join(root, 'huge.tf'), 3 * 1024 ** 3);
      const report = await check({ paths: ['.'], cwd: root, policy: fuzzPolicy, failOn: 'error' });
      expect(report.errors).toEqual([
        {
          file: 'huge.tf',
          line: 1,
          message: expect.stringMatching(/^file is 3221225472 bytes, over the \d+-byte limit/),
        },
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test('a named pipe given as a path is a parse-error, never a read that blocks', async () => {
    const root = await mkdtemp(join(tmpdir(), 'openclaw-fifo-'));
    try {
      execFileSync('mkfifo', [join(root, 'pipe.tf')]);
      const report = await check({
        paths: ['pipe.tf'],
        cwd: root,
        policy: fuzzPolicy,
        failOn: 'error',
      });
      expect(report.errors).toEqual([
        { file: 'pipe.tf', line: 1, message: 'not a regular file (a device, socket or pipe)' },
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test('a file with a NUL byte is a parse-error: binary data, not text', async () => {
    expect(await parseErrors({ 'blob.tf': Buffer.from([0x72, 0x00, 0x01, 0xff]) })).toEqual([
      'blob.tf:1: file holds binary data (a NUL byte), not text',
    ]);
  });

  test('a Latin-1 file is a parse-error: not valid UTF-8', async () => {
    const latin1 = Buffer.from('apiVersion: v1\nkind: Pod\nmetadata:\n  name: caf\xe9\n', 'latin1');
    expect(await parseErrors({ 'pod.yaml': latin1 })).toEqual([
      'pod.yaml:1: file is not valid UTF-8 text',
    ]);
  });

  test.each([
    [
      'Terraform',
      'main.tf',
      'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n\nresource "aws_sqs_queue" "q" {\n  tags = { Team = "a" }\n}\n',
    ],
    [
      'Terraform JSON',
      'main.tf.json',
      '{\n  "resource": {\n    "aws_s3_bucket": {\n      "b": { "tags": { "Team": "a" } }\n    }\n  }\n}\n',
    ],
    [
      'CloudFormation',
      'stack.yaml',
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - { Key: Team, Value: a }\n',
    ],
    [
      'Kubernetes',
      'pvc.yaml',
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  labels:\n    team: a\n',
    ],
    ['Python', 'app.py', 'import boto3\n\nboto3.client("s3").create_bucket(Bucket="b")\n'],
  ])('%s with a byte-order mark and CRLF line ends reads as without', async (_name, file, text) => {
    const plain = await scanFiles({ [file]: text });
    const windows = await scanFiles({ [file]: `\uFEFF${text.replaceAll('\n', '\r\n')}` });
    const seen = (report: typeof plain) =>
      report.resources.map(({ address, line, tags }) => ({ address, line, tags }));
    expect(plain.resources.length).toBeGreaterThan(0);
    expect(windows.errors).toEqual([]);
    expect(seen(windows)).toEqual(seen(plain));
  });
});

describe('deeply nested documents', () => {
  test.each([
    ['HCL brackets', 'main.tf', `resource "aws_instance" "a" {\n  tags = ${nested('[', ']')}\n}\n`],
    ['HCL blocks', 'main.tf', `resource "aws_instance" "a" {\n${nested('b {\n', '}\n')}}\n`],
    [
      'YAML flow (Kubernetes)',
      'pod.yaml',
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: ${nested('[', ']')}\n`,
    ],
    [
      'YAML flow (CloudFormation)',
      'stack.yaml',
      `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: ${nested('[', ']')}\n`,
    ],
    [
      'JSON (CloudFormation)',
      'stack.json',
      `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"Tags":${nested('[', ']')}}}}}`,
    ],
  ])(
    '%s nested thousands of levels deep is a parse-error that says so',
    async (_name, file, text) => {
      const errors = await parseErrors({ [file]: text });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(NESTED_TOO_DEEP);
    },
  );

  test('Terraform JSON nested past 256 levels is a parse-error at its line', async () => {
    const text = `{"resource": {"aws_instance": {"a": {\n"tags": ${nested('{"a":', '}', 300, '1')}}}}}`;
    expect(await parseErrors({ 'main.tf.json': text })).toEqual([
      'main.tf.json:2: not valid JSON: nested deeper than 256 levels',
    ]);
  });

  test('Terraform JSON nested just under the limit is read', async () => {
    const text = `{"resource": {"aws_instance": {"a": {"x": ${nested('[', ']', 250)}, "tags": {"CostCenter": "c"}}}}}`;
    const report = await scanFiles({ 'main.tf.json': text });
    expect(report.errors).toEqual([]);
    expect(report.resources.map((resource) => resource.tags)).toEqual([{ CostCenter: 'c' }]);
  });

  test.each([
    [
      'a plan',
      'plan.json',
      `{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"aws_instance.a","type":"aws_instance","name":"a","values":{"tags":${nested('[', ']')}}}]}}}`,
    ],
    [
      'Python',
      'app.py',
      `import boto3\nx = ${nested('(', ')', DEEP, '1')}\nboto3.client("s3").create_bucket(Bucket="b")\n`,
    ],
    [
      'JavaScript',
      'app.js',
      `import { S3Client } from "@aws-sdk/client-s3";\nconst x = ${nested('[', ']')};\n`,
    ],
  ])('%s nested thousands of levels deep is read without a crash', async (_name, file, text) => {
    const report = await scanFiles({ [file]: text });
    expect(report.files).toBe(1);
  });
});

describe('YAML alias bombs', () => {
  /** Ten levels of nine aliases each: a billion strings if anything expanded them. */
  const bomb = [
    'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
    ...Array.from({ length: 9 }, (_, index) => {
      const name = String.fromCharCode(98 + index);
      const previous = String.fromCharCode(97 + index);
      return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`;
    }),
  ].join('\n');

  test.each([
    [
      'a Kubernetes manifest',
      'pod.yaml',
      `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: x\n  labels:\n    team: a\n${bomb}\nspec:\n  x: *j\n`,
    ],
    [
      'a CloudFormation template',
      'stack.yaml',
      `AWSTemplateFormatVersion: "2010-09-09"\n${bomb}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *j\n`,
    ],
    ['a kustomization', 'kustomization.yaml', `${bomb}\ncommonLabels: *j\nresources: []\n`],
  ])('in %s is read without expanding it', async (_name, file, text) => {
    const report = await scanFiles({ [file]: text });
    expect(report.files).toBe(1);
    // Nothing expanded: every message stays short.
    for (const finding of report.findings) expect(finding.message.length).toBeLessThan(2000);
  });
});

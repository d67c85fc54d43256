import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { check } from '../../src/engine/check.js';
import type { Extractor } from '../../src/extract/types.js';
import type { Resource } from '../../src/model.js';
import { fuzzPolicy } from '../fuzz/harness.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'openclaw-engine-'));
  await writeFile(join(root, 'good.tf'), 'good\n');
  await writeFile(join(root, 'bad.tf'), 'bad\n');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** An extractor that finds one bucket per file and throws `failure` on bad.tf. */
function throwingOn(failure: () => never): Extractor {
  return {
    name: 'terraform',
    claim: () => true,
    extract(files) {
      if (files.some((file) => file.file === 'bad.tf')) failure();
      const resources: Resource[] = files.map((file) => ({
        address: `aws_s3_bucket.${file.file.replace('.tf', '')}`,
        type: 'aws_s3_bucket',
        provider: 'aws',
        format: 'terraform',
        file: file.file,
        line: 1,
        tags: { CostCenter: 'c', Environment: 'prod' },
        tagTarget: 'tags',
      }));
      return Promise.resolve({ resources, errors: [], notices: [] });
    },
  };
}

async function run(extractor: Extractor) {
  return check({
    paths: ['.'],
    cwd: root,
    policy: fuzzPolicy,
    failOn: 'error',
    extractors: [extractor],
  });
}

describe('an extractor that throws', () => {
  test('costs only the file at fault: a parse-error for it, the others still checked', async () => {
    const report = await run(
      throwingOn(() => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      }),
    );
    expect(report.errors).toEqual([
      {
        file: 'bad.tf',
        line: 1,
        message: expect.stringMatching(
          /^the terraform reader failed on this file \(Cannot read properties .*\); the rest of the scan went on\. This is a bug/,
        ),
      },
    ]);
    expect(report.resources.map((resource) => resource.address)).toEqual(['aws_s3_bucket.good']);
    expect(
      report.findings.some(
        (finding) => finding.rule === 'parse-error' && finding.file === 'bad.tf',
      ),
    ).toBe(true);
  });

  test('running out of stack is reported as nesting too deep', async () => {
    const report = await run(
      throwingOn(() => {
        throw new RangeError('Maximum call stack size exceeded');
      }),
    );
    expect(report.errors).toEqual([
      {
        file: 'bad.tf',
        line: 1,
        message: expect.stringMatching(/^the document is nested too deeply to read/),
      },
    ]);
  });

  test("a parser's own stack-overflow error message is explained the same way", async () => {
    const extractor: Extractor = {
      name: 'yaml',
      claim: (file) => file.file === 'bad.tf',
      extract: (files) =>
        Promise.resolve({
          resources: [],
          errors: files.map((file) => ({
            file: file.file,
            line: 3,
            message: 'invalid YAML: Maximum call stack size exceeded',
          })),
          notices: [],
        }),
    };
    const report = await run(extractor);
    expect(report.errors).toEqual([
      {
        file: 'bad.tf',
        line: 3,
        message: expect.stringMatching(/^the document is nested too deeply to read/),
      },
    ]);
  });
});

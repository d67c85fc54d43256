import { describe, expect, test } from 'vitest';
import { extractFixture, summary } from './helpers.js';

describe('terraform extractor: local modules', () => {
  test('a called folder is read through its calls, with inputs and providers', async () => {
    const extraction = await extractFixture('modules');
    const rows = extraction.resources.map((resource) => ({
      ...summary(resource),
      file: resource.file,
      module: resource.module,
    }));
    expect(rows).toEqual([
      {
        address: 'aws_instance.x',
        line: 11,
        tagsLine: undefined,
        tags: {},
        file: 'child-aliases/main.tf',
        module: undefined,
      },
      {
        address: 'module.app.aws_s3_bucket.this',
        line: 1,
        tagsLine: 2,
        tags: { Owner: 'platform', CostCenter: 'cc', Name: 'svc' },
        file: 'modules/app/main.tf',
        module: 'app',
      },
      {
        address: 'module.app.module.inner.aws_sqs_queue.q',
        line: 5,
        tagsLine: 6,
        tags: { Owner: 'platform', CostCenter: 'cc' },
        file: 'modules/inner/main.tf',
        module: 'inner',
      },
      {
        address: 'module.east.aws_s3_bucket.this',
        line: 1,
        tagsLine: 2,
        tags: { Region: 'east', Team: 'x', Name: 'd' },
        file: 'modules/app/main.tf',
        module: 'east',
      },
      {
        address: 'module.east.module.inner.aws_sqs_queue.q',
        line: 5,
        tagsLine: 6,
        tags: { Region: 'east', Team: 'x' },
        file: 'modules/inner/main.tf',
        module: 'inner',
      },
    ]);
  });

  test('module inputs keep the origin of keys written by the caller', async () => {
    const extraction = await extractFixture('modules');
    const bucket = extraction.resources.find(
      (resource) => resource.address === 'module.east.aws_s3_bucket.this',
    );
    expect(bucket?.origins?.Team).toEqual({
      line: 27,
      file: 'live/main.tf',
      source: 'module "east" input',
    });
  });

  test('remote and missing modules are noticed once per call', async () => {
    const extraction = await extractFixture('modules');
    expect(extraction.notices).toEqual([
      {
        file: 'live/main.tf',
        message:
          'module "remote" (line 30) uses "terraform-aws-modules/vpc/aws", which is not a local ' +
          'folder: the resources inside it are not checked',
      },
      {
        file: 'live/main.tf',
        message:
          'module "missing" (line 35) points at live/nope, which holds no Terraform files: the ' +
          'resources inside it are not checked',
      },
    ]);
  });

  test('a module folder scanned alone is a root; the modules it calls are read from disk', async () => {
    const extraction = await extractFixture('modules', ['modules/app/main.tf']);
    expect(extraction.resources.map(summary)).toEqual([
      { address: 'aws_s3_bucket.this', line: 1, tagsLine: 2, tags: { Name: 'd' } },
      {
        address: 'module.inner.aws_sqs_queue.q',
        line: 5,
        tagsLine: 6,
        tags: {},
        unresolved: 'tags = var.tags: variable tags has no default',
      },
    ]);
  });
});

describe('terraform extractor: files that do not parse', () => {
  test('each bad file is an input error at its line; the other files go on', async () => {
    const extraction = await extractFixture('broken');
    expect(extraction.resources.map((resource) => resource.address)).toEqual(['aws_instance.ok']);
    expect(extraction.errors).toEqual([
      {
        file: 'bad.tf',
        line: 2,
        message:
          'Unclosed configuration block: There is no closing brace for this block before the end ' +
          'of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
      },
      { file: 'bad.tf.json', line: 5, message: 'not valid JSON: expected "," or "}"' },
    ]);
  });
});

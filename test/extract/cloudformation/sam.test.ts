import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cloudFormationExtractor } from '../../../src/extract/cloudformation/index.js';
import type { ClaimedFile } from '../../../src/extract/types.js';
import type { Extraction } from '../../../src/model.js';
import { contextFor, extractInline, FIXTURES, lines, resourceNamed } from './helpers.js';

/** Extracts `folder/template.yaml` of the fixtures, with the fixtures folder as cwd. */
async function extractFixture(
  folder: string,
  stackTags: Readonly<Record<string, string>> = {},
): Promise<Extraction> {
  const absPath = join(FIXTURES, folder, 'template.yaml');
  const text = await readFile(absPath, 'utf8');
  const claimed: ClaimedFile = { absPath, file: `${folder}/template.yaml`, kind: 'yaml', text };
  return cloudFormationExtractor.extract([claimed], contextFor(FIXTURES, stackTags));
}

describe('SAM Globals and samconfig.toml', () => {
  test.each([
    [
      'a function with no properties gets Globals tags and samconfig tags',
      'Minimal',
      {
        line: 15,
        tags: { CostCenter: 'cc-42', Owner: 'Jane Doe', Team: 'payments', Stage: 'prod' },
        origins: {
          CostCenter: { line: 8, file: 'sam-app/samconfig.toml', source: 'samconfig.toml' },
          Owner: { line: 8, file: 'sam-app/samconfig.toml', source: 'samconfig.toml' },
          Team: { line: 12, source: 'Globals' },
          Stage: { line: 13, source: 'Globals' },
        },
        attributes: { propagateTags: 'true' },
      },
    ],
    [
      'the resource wins over Globals, which win over samconfig',
      'Override',
      {
        line: 17,
        tagsLine: 21,
        tags: { CostCenter: 'cc-42', Owner: 'Jane Doe', Team: 'checkout', Stage: 'prod' },
        origins: {
          CostCenter: { line: 8, file: 'sam-app/samconfig.toml', source: 'samconfig.toml' },
          Owner: { line: 8, file: 'sam-app/samconfig.toml', source: 'samconfig.toml' },
          Team: { line: 22, source: 'resource' },
          Stage: { line: 13, source: 'Globals' },
        },
        attributes: { propagateTags: 'true' },
      },
    ],
    ['a type that cannot be tagged gets nothing', 'Layer', { line: 23, tags: {} }],
  ])('%s', async (_name, address, expected) => {
    const extraction = await extractFixture('sam-app');
    const resource = resourceNamed(extraction, address);

    expect(extraction.errors).toEqual([]);
    const { line, tagsLine, tags, origins, attributes } = resource;
    expect(JSON.parse(JSON.stringify({ line, tagsLine, tags, origins, attributes }))).toEqual(
      expected,
    );
  });

  test('stack tags given to the check win over samconfig tags', async () => {
    const extraction = await extractFixture('sam-app', { CostCenter: 'cc-cli' });

    expect(resourceNamed(extraction, 'Minimal').tags['CostCenter']).toBe('cc-cli');
    expect(resourceNamed(extraction, 'Minimal').origins?.['CostCenter']).toEqual({
      line: 15,
      source: 'stack tags',
    });
  });

  test('an invalid samconfig.toml is an error; the template is still read', async () => {
    const extraction = await extractFixture('sam-bad-config');

    expect(extraction.errors).toHaveLength(1);
    expect(extraction.errors[0]).toMatchObject({ file: 'sam-bad-config/samconfig.toml', line: 2 });
    expect(extraction.errors[0]?.message).toMatch(/^samconfig\.toml is not valid TOML: /);
    expect(resourceNamed(extraction, 'Bucket').tags).toEqual({});
  });

  test.each([
    ['Api', 'AWS::Serverless::Api'],
    ['HttpApi', 'AWS::Serverless::HttpApi'],
    ['SimpleTable', 'AWS::Serverless::SimpleTable'],
    ['StateMachine', 'AWS::Serverless::StateMachine'],
  ])('Globals.%s tags reach %s only', async (section, type) => {
    const template = lines(
      'Transform: AWS::Serverless-2016-10-31',
      'Globals:',
      `  ${section}:`,
      '    Tags: {CostCenter: cc-7}',
      'Resources:',
      '  Target:',
      `    Type: ${type}`,
      '  Other:',
      '    Type: AWS::Serverless::Application',
    );

    const extraction = await extractInline(template);

    expect(resourceNamed(extraction, 'Target').tags).toEqual({ CostCenter: 'cc-7' });
    expect(resourceNamed(extraction, 'Other').tags).toEqual({});
  });
});

describe('stack tags', () => {
  test('reach every taggable resource, under its own tags, and no other', async () => {
    const template = lines(
      'Resources:',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      Tags: [{Key: Team, Value: own}]',
      '  Policy:',
      '    Type: AWS::S3::BucketPolicy',
      '  Custom:',
      '    Type: Custom::Thing',
    );

    const extraction = await extractInline(template, 'template.yaml', {
      Team: 'stack',
      CostCenter: 'cc-9',
    });

    expect(resourceNamed(extraction, 'Bucket').tags).toEqual({ Team: 'own', CostCenter: 'cc-9' });
    expect(resourceNamed(extraction, 'Policy').tags).toEqual({});
    expect(resourceNamed(extraction, 'Custom').tags).toEqual({});
  });
});

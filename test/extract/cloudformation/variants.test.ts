import { describe, expect, test } from 'vitest';
import type { Resource } from '../../../src/model.js';
import { extractInline, lines, resourceNamed } from './helpers.js';

/** A bucket whose `Tags:` block is `tagLines`, with conditions IsProd and HasBackup declared. */
function bucketWithTags(...tagLines: string[]): string {
  return lines(
    'Parameters:',
    '  Env: {Type: String, Default: dev}',
    'Conditions:',
    '  IsProd: !Equals [!Ref Env, prod]',
    '  HasBackup: !Equals [!Ref Env, prod]',
    'Resources:',
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    ...tagLines.map((line) => `      ${line}`),
  );
}

describe('Fn::If in tags gives one variant per branch', () => {
  test.each<[string, string[], Pick<Resource, 'tags' | 'variants'>]>([
    [
      'around the whole list',
      [
        'Tags: !If',
        '  - IsProd',
        '  - [{Key: Env, Value: prod}, {Key: CostCenter, Value: cc-1}]',
        '  - [{Key: Env, Value: dev}]',
      ],
      {
        tags: { Env: null },
        variants: [
          { condition: 'IsProd is true', tags: { Env: 'prod', CostCenter: 'cc-1' } },
          { condition: 'IsProd is false', tags: { Env: 'dev' } },
        ],
      },
    ],
    [
      'around one item, with AWS::NoValue',
      [
        'Tags:',
        '  - {Key: Env, Value: any}',
        '  - !If [IsProd, {Key: Backup, Value: daily}, !Ref AWS::NoValue]',
      ],
      {
        tags: { Env: 'any' },
        variants: [
          { condition: 'IsProd is true', tags: { Env: 'any', Backup: 'daily' } },
          { condition: 'IsProd is false', tags: { Env: 'any' } },
        ],
      },
    ],
    [
      'in a value',
      ['Tags:', '  - {Key: Env, Value: !If [IsProd, prod, dev]}'],
      {
        tags: { Env: null },
        variants: [
          { condition: 'IsProd is true', tags: { Env: 'prod' } },
          { condition: 'IsProd is false', tags: { Env: 'dev' } },
        ],
      },
    ],
    [
      'removing the whole property',
      ['Tags: !If [IsProd, [{Key: Env, Value: prod}], !Ref AWS::NoValue]'],
      {
        tags: {},
        variants: [
          { condition: 'IsProd is true', tags: { Env: 'prod' } },
          { condition: 'IsProd is false', tags: {} },
        ],
      },
    ],
    [
      'in long form inside a JSON-style list',
      ['Tags: [{"Fn::If": [IsProd, {Key: A, Value: "1"}, {Key: A, Value: "2"}]}]'],
      {
        tags: { A: null },
        variants: [
          { condition: 'IsProd is true', tags: { A: '1' } },
          { condition: 'IsProd is false', tags: { A: '2' } },
        ],
      },
    ],
    [
      'with two conditions, every combination',
      [
        'Tags:',
        '  - {Key: Env, Value: !If [IsProd, prod, dev]}',
        '  - !If [HasBackup, {Key: Backup, Value: daily}, !Ref AWS::NoValue]',
      ],
      {
        tags: { Env: null },
        variants: [
          {
            condition: 'IsProd is true and HasBackup is true',
            tags: { Env: 'prod', Backup: 'daily' },
          },
          { condition: 'IsProd is true and HasBackup is false', tags: { Env: 'prod' } },
          {
            condition: 'IsProd is false and HasBackup is true',
            tags: { Env: 'dev', Backup: 'daily' },
          },
          { condition: 'IsProd is false and HasBackup is false', tags: { Env: 'dev' } },
        ],
      },
    ],
  ])('%s', async (_name, tagLines, expected) => {
    const extraction = await extractInline(bucketWithTags(...tagLines));
    const bucket = resourceNamed(extraction, 'Bucket');

    expect(extraction.errors).toEqual([]);
    expect({ tags: bucket.tags, variants: bucket.variants }).toEqual(expected);
  });

  test('branches that give the same tags give no variants', async () => {
    const template = bucketWithTags('Tags:', '  - {Key: Env, Value: !If [IsProd, same, same]}');

    const bucket = resourceNamed(await extractInline(template), 'Bucket');

    expect(bucket.tags).toEqual({ Env: 'same' });
    expect(bucket.variants).toBeUndefined();
  });

  test('origins name the line of each key, whichever branch holds it', async () => {
    const template = bucketWithTags(
      'Tags:',
      '  - !If',
      '    - IsProd',
      '    - {Key: Backup, Value: daily}',
      '    - {Key: Archive, Value: weekly}',
    );

    const bucket = resourceNamed(await extractInline(template), 'Bucket');

    expect(bucket.origins).toEqual({
      Backup: { line: 13, source: 'resource' },
      Archive: { line: 14, source: 'resource' },
    });
  });
});

import { describe, expect, test } from 'vitest';
import { extractInline, lines } from './helpers.js';

describe('templates that cannot be read', () => {
  test.each([
    [
      'an unclosed flow list',
      lines(
        'Resources:',
        '  B:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      Tags: [{Key: a, Value: b}',
        '  C:',
        '    Type: AWS::S3::Bucket',
      ),
      'template.yaml',
      6,
    ],
    [
      'a key indented under a scalar',
      lines('Resources:', '  B:', '    Type: AWS::S3::Bucket', '     Bad: 1'),
      'template.yaml',
      3,
    ],
    [
      'a duplicate key',
      lines('Resources:', '  B:', '    Type: AWS::S3::Bucket', '  B:', '    Type: AWS::S3::Bucket'),
      'template.yaml',
      4,
    ],
    [
      'broken JSON',
      '{\n  "Resources": {\n    "B": {\n      "Type": "AWS::S3::Bucket",,\n',
      'x.json',
      4,
    ],
  ])('%s: one error at the line of the problem', async (_name, template, file, line) => {
    const extraction = await extractInline(template, file);

    expect(extraction.resources).toEqual([]);
    expect(extraction.errors).toHaveLength(1);
    expect(extraction.errors[0]).toMatchObject({ file, line });
    expect(extraction.errors[0]?.message).toMatch(/^template is not valid YAML or JSON: /);
  });

  test('a top level that is not a mapping', async () => {
    const extraction = await extractInline('- AWSTemplateFormatVersion\n');

    expect(extraction.errors).toEqual([
      {
        file: 'template.yaml',
        line: 1,
        message: 'template is not a mapping of sections (Resources, ...)',
      },
    ]);
  });

  test('resources without a Type are errors at their line; the others are read', async () => {
    const template = lines(
      'Resources:',
      '  NoType:',
      '    Properties: {}',
      '  Good:',
      '    Type: AWS::S3::Bucket',
      '  Scalar: just-text',
    );

    const extraction = await extractInline(template);

    expect(extraction.resources.map((resource) => resource.address)).toEqual(['Good']);
    expect(extraction.errors).toEqual([
      {
        file: 'template.yaml',
        line: 2,
        message:
          'resource NoType has no Type; every resource needs one, such as Type: AWS::S3::Bucket',
      },
      {
        file: 'template.yaml',
        line: 6,
        message:
          'resource Scalar is not a mapping with a Type; every resource needs one, such as ' +
          'Type: AWS::S3::Bucket',
      },
    ]);
  });

  test('tab-indented JSON is read with exact lines', async () => {
    const template =
      '{\n\t"Resources": {\n\t\t"B": {\n\t\t\t"Type": "AWS::S3::Bucket"\n\t\t}\n\t}\n}\n';

    const extraction = await extractInline(template, 'tabs.json');

    expect(extraction.errors).toEqual([]);
    expect(extraction.resources[0]).toMatchObject({ address: 'B', line: 3 });
  });

  test('aliases are followed without being expanded', async () => {
    const bomb = lines(
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'Resources:',
      '  B:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      Tags: [{Key: K, Value: *c}]',
    );

    const extraction = await extractInline(bomb);

    expect(extraction.resources).toHaveLength(1);
    expect(extraction.resources[0]?.tags).toEqual({ K: null });
  });

  test.each([
    ['Fn::Join', (i: number) => `!Join ['', [*j${i - 1}, *j${i - 1}]]`],
    ['Fn::If lists', (i: number) => `!If [C${i % 3}, [*j${i - 1}, *j${i - 1}], [*j${i - 1}]]`],
  ])('nested aliases of %s resolve to unknown in bounded time', async (_name, level) => {
    const anchors = Array.from({ length: 40 }, (_unused, i) =>
      i === 0 ? '  j0: &j0 ab' : `  j${i}: &j${i} ${level(i)}`,
    );
    const template = lines(
      'Metadata:',
      ...anchors,
      'Resources:',
      '  B:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      Tags: [{Key: K, Value: *j39}]',
    );

    const started = Date.now();
    const extraction = await extractInline(template);

    expect(Date.now() - started).toBeLessThan(5_000);
    expect(extraction.resources[0]?.tags).toEqual({ K: null });
  });
});

describe('transforms', () => {
  test('Fn::ForEach over a literal list is expanded, with the loop variable bound', async () => {
    const template = lines(
      'Transform: AWS::LanguageExtensions',
      'Resources:',
      '  Fn::ForEach::Topics:',
      '    - Name',
      '    - [Orders, Pay-Outs]',
      '    - Topic&{Name}:',
      '        Type: AWS::SNS::Topic',
      '        Properties:',
      '          Tags:',
      '            - {Key: Stream, Value: !Ref Name}',
      '            - {Key: Label, Value: !Sub "${Name}-topic"}',
    );

    const extraction = await extractInline(template);

    expect(extraction.notices).toEqual([]);
    expect(
      extraction.resources.map(({ address, line, tags }) => ({ address, line, tags })),
    ).toEqual([
      { address: 'TopicOrders', line: 6, tags: { Stream: 'Orders', Label: 'Orders-topic' } },
      { address: 'TopicPayOuts', line: 6, tags: { Stream: 'Pay-Outs', Label: 'Pay-Outs-topic' } },
    ]);
  });

  test('Fn::ForEach over a collection only the deployment knows gives a notice', async () => {
    const template = lines(
      'Transform: AWS::LanguageExtensions',
      'Parameters:',
      '  Names: {Type: CommaDelimitedList}',
      'Resources:',
      '  Fn::ForEach::Buckets:',
      '    - Name',
      '    - !Ref Names',
      '    - Bucket${Name}:',
      '        Type: AWS::S3::Bucket',
      '  Plain:',
      '    Type: AWS::S3::Bucket',
    );

    const extraction = await extractInline(template);

    expect(extraction.resources.map((resource) => resource.address)).toEqual(['Plain']);
    expect(extraction.notices).toEqual([
      {
        file: 'template.yaml',
        message:
          'Fn::ForEach::Buckets at line 5 loops over Ref Names, which is only known when the ' +
          'stack is deployed; the resources it creates are not checked',
      },
    ]);
  });

  test('a macro transform gives a notice; resources are read as written', async () => {
    const template = lines(
      'Transform: [AWS::Serverless-2016-10-31, Count]',
      'Resources:',
      '  B:',
      '    Type: AWS::S3::Bucket',
    );

    const extraction = await extractInline(template);

    expect(extraction.resources).toHaveLength(1);
    expect(extraction.notices).toEqual([
      {
        file: 'template.yaml',
        message:
          'Transform Count at line 1 is a macro this check does not run; resources are judged ' +
          'as written, before the macro changes them',
      },
    ]);
  });
});

import { describe, expect, test } from 'vitest';
import { extractInline, lines, resourceNamed } from './helpers.js';

/** A template with the parameters and mappings every row resolves against. */
function templateWithTag(key: string, value: string): string {
  return lines(
    'Parameters:',
    '  Env: {Type: String, Default: prod}',
    '  Team: {Type: String}',
    '  Owners: {Type: CommaDelimitedList, Default: "ann,bob"}',
    '  Ami: {Type: "AWS::SSM::Parameter::Value<String>", Default: /ami/latest}',
    'Mappings:',
    '  Centers:',
    '    prod: {Code: cc-100, List: [a, b]}',
    'Resources:',
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      Tags:',
    `        - Key: ${key}`,
    `          Value: ${value}`,
  );
}

describe('intrinsic tag values', () => {
  test.each<[string, string, string | null]>([
    ['Ref to a parameter with a default', '!Ref Env', 'prod'],
    ['Ref to a parameter without a default', '!Ref Team', null],
    ['Ref to an SSM-backed parameter (its default is a name)', '!Ref Ami', null],
    ['Ref to a pseudo parameter', '!Ref AWS::StackName', null],
    ['Ref to a resource', '!Ref Bucket', null],
    ['long-form Ref', '{Ref: Env}', 'prod'],
    ['Sub with known parts', '!Sub "${Env}-app"', 'prod-app'],
    ['Sub with an unknown part', '!Sub "${AWS::Region}-${Env}"', null],
    ['Sub with a resource attribute', '!Sub "${Bucket.Arn}"', null],
    ['Sub with a literal ${!...}', '!Sub "${!Literal}-${Env}"', '${Literal}-prod'],
    ['Sub in list form with variables', '!Sub ["${a}-${Env}", {a: x}]', 'x-prod'],
    ['Sub in list form with an unknown variable', '!Sub ["${a}", {a: !Ref Team}]', null],
    ['Join of known parts', '!Join ["-", [!Ref Env, app]]', 'prod-app'],
    ['Join of a list parameter', '!Join ["+", !Ref Owners]', 'ann+bob'],
    ['Join with an unknown part', '!Join ["-", [!Ref Team, app]]', null],
    ['FindInMap with known keys', '!FindInMap [Centers, !Ref Env, Code]', 'cc-100'],
    ['FindInMap with an unknown key', '!FindInMap [Centers, !Ref Team, Code]', null],
    ['FindInMap with a missing key', '!FindInMap [Centers, dev, Code]', null],
    [
      'FindInMap falling back to DefaultValue',
      '!FindInMap [Centers, dev, Code, {DefaultValue: cc-0}]',
      'cc-0',
    ],
    ['Select from a mapping list', '!Select [1, !FindInMap [Centers, prod, List]]', 'b'],
    ['Select from a Split', '!Select [0, !Split [",", "x,y"]]', 'x'],
    ['Base64 of known text', '!Base64 ab', 'YWI='],
    ['GetAtt', '!GetAtt Bucket.Arn', null],
    ['ImportValue', '!ImportValue Shared', null],
  ])('%s', async (_name, value, expected) => {
    const extraction = await extractInline(templateWithTag('CostCenter', value));

    expect(extraction.errors).toEqual([]);
    expect(resourceNamed(extraction, 'Bucket').tags).toEqual({ CostCenter: expected });
  });

  test('a value of AWS::NoValue removes the tag', async () => {
    const extraction = await extractInline(templateWithTag('CostCenter', '!Ref AWS::NoValue'));

    expect(resourceNamed(extraction, 'Bucket').tags).toEqual({});
  });
});

describe('intrinsic tag keys', () => {
  test('a key with known parts resolves', async () => {
    const extraction = await extractInline(templateWithTag('!Sub "${Env}-owner"', 'x'));

    expect(resourceNamed(extraction, 'Bucket').tags).toEqual({ 'prod-owner': 'x' });
    expect(extraction.notices).toEqual([]);
  });

  test('a key with unknown parts is left out, and a notice says so', async () => {
    const template = templateWithTag('!Sub "kubernetes.io/cluster/${Team}"', 'owned');

    const extraction = await extractInline(template);

    expect(resourceNamed(extraction, 'Bucket').tags).toEqual({});
    expect(extraction.notices).toEqual([
      {
        file: 'template.yaml',
        message:
          'tag key Fn::Sub kubernetes.io/cluster/${Team} of Bucket at line 14 is only known ' +
          'when the stack is deployed; that tag is left out of the check',
      },
    ]);
  });
});

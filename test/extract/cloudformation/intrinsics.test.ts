import { describe, expect, test } from 'vitest';
import {
  intrinsicOf,
  SHORT_FORM_INTRINSICS,
} from '../../../src/extract/cloudformation/intrinsics.js';
import {
  isSyntaxError,
  parseTemplate,
  valueOf,
} from '../../../src/extract/cloudformation/parse.js';

/** Parses `Value: <expression>` and returns the node of the value. */
function parseValue(expression: string): { js: unknown; node: unknown; warnings: number } {
  const parsed = parseTemplate(`Value: ${expression}\n`);
  if (isSyntaxError(parsed)) throw new Error(parsed.message);
  return {
    js: (parsed.document.toJS() as { Value: unknown }).Value,
    node: valueOf(parsed.root, 'Value'),
    warnings: parsed.document.warnings.length,
  };
}

describe('short-form intrinsics', () => {
  test.each([
    ['!Ref Env', '{Ref: Env}'],
    ['!Condition IsProd', '{Condition: IsProd}'],
    ['!Sub "${AWS::StackName}-x"', '{"Fn::Sub": "${AWS::StackName}-x"}'],
    ['!Sub ["${a}-x", {a: b}]', '{"Fn::Sub": ["${a}-x", {a: b}]}'],
    ['!GetAtt Bucket.Arn', '{"Fn::GetAtt": [Bucket, Arn]}'],
    ['!GetAtt Db.Endpoint.Address', '{"Fn::GetAtt": [Db, Endpoint.Address]}'],
    ['!GetAtt [Bucket, Arn]', '{"Fn::GetAtt": [Bucket, Arn]}'],
    ['!If [IsProd, a, b]', '{"Fn::If": [IsProd, a, b]}'],
    ['!Join ["-", [a, b]]', '{"Fn::Join": ["-", [a, b]]}'],
    ['!Select [0, [a, b]]', '{"Fn::Select": [0, [a, b]]}'],
    ['!Split [",", "a,b"]', '{"Fn::Split": [",", "a,b"]}'],
    ['!FindInMap [M, k1, k2]', '{"Fn::FindInMap": [M, k1, k2]}'],
    ['!ImportValue SharedVpc', '{"Fn::ImportValue": SharedVpc}'],
    ['!GetAZs ""', '{"Fn::GetAZs": ""}'],
    ['!Base64 text', '{"Fn::Base64": text}'],
    ['!Cidr [10.0.0.0/16, 4, 8]', '{"Fn::Cidr": [10.0.0.0/16, 4, 8]}'],
    ['!Equals [a, b]', '{"Fn::Equals": [a, b]}'],
    ['!And [{Condition: A}, {Condition: B}]', '{"Fn::And": [{Condition: A}, {Condition: B}]}'],
    ['!Or [{Condition: A}, {Condition: B}]', '{"Fn::Or": [{Condition: A}, {Condition: B}]}'],
    ['!Not [{Condition: A}]', '{"Fn::Not": [{Condition: A}]}'],
    ['!Transform {Name: M, Parameters: {}}', '{"Fn::Transform": {Name: M, Parameters: {}}}'],
    ['!ToJsonString {a: b}', '{"Fn::ToJsonString": {a: b}}'],
    ['!Length [a, b]', '{"Fn::Length": [a, b]}'],
  ])('%s reads as %s', (short, long) => {
    const shortForm = parseValue(short);
    const longForm = parseValue(long);

    expect(shortForm.warnings).toBe(0);
    expect(shortForm.js).toEqual(longForm.js);
    expect(intrinsicOf(shortForm.node)?.name).toBe(intrinsicOf(longForm.node)?.name);
    expect(intrinsicOf(shortForm.node)).toBeDefined();
  });

  test.each(Object.keys(SHORT_FORM_INTRINSICS))('%s parses without a warning', (tag) => {
    for (const form of [`${tag} x`, `${tag} [x, y]`, `${tag} {x: y}`]) {
      const parsed = parseValue(form);
      expect(parsed.warnings).toBe(0);
      expect(intrinsicOf(parsed.node)?.name).toBe(SHORT_FORM_INTRINSICS[tag]);
    }
  });

  test.each([
    ['a plain string', 'text'],
    ['a map of two keys', '{Ref: a, Other: b}'],
    ['a map with an unknown key', '{"Fn::Nope": a}'],
    ['a list', '[Ref, a]'],
  ])('%s is not an intrinsic', (_name, expression) => {
    expect(intrinsicOf(parseValue(expression).node)).toBeUndefined();
  });
});

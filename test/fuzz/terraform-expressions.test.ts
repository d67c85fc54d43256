import fc from 'fast-check';
import { describe, test } from 'vitest';
import { expectWellFormedReport, fuzzParameters, scanFiles } from './harness.js';

const FUNCTIONS = [
  'merge',
  'lookup',
  'try',
  'can',
  'coalesce',
  'concat',
  'format',
  'tomap',
  'toset',
  'tolist',
  'tostring',
  'lower',
  'upper',
  'trimspace',
  'join',
  'keys',
  'values',
  'length',
  'contains',
  'zipmap',
  'element',
  'unknownfn',
];

/** HCL expressions of bounded depth: literals, references, calls, conditionals, for and splat. */
const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('"prod"', '""', '0', '-1', '1.5', '1e308', 'true', 'null', '"%s-%d"', '"%"'),
    fc.constantFrom(
      'var.env',
      'var.tags',
      'local.common',
      'local.names',
      'each.key',
      'each.value',
      'count.index',
      'module.m.out',
      'data.x.y.tags',
      'self.id',
      'path.module',
    ),
    fc.string({ maxLength: 8 }).map((text) => JSON.stringify(text)),
    fc
      .tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie('expr'), { maxLength: 4 }))
      .map(([name, args]) => `${name}(${args.join(', ')})`),
    fc.array(tie('expr'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc
      .array(
        fc.tuple(fc.constantFrom('CostCenter', 'Environment', '"a b"', '"${x}"'), tie('expr')),
        { maxLength: 3 },
      )
      .map((entries) => `{ ${entries.map(([key, value]) => `${key} = ${value}`).join(', ')} }`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `${a} ? ${b} : ${c}`),
    fc.tuple(tie('expr'), tie('expr')).map(([list, body]) => `[for k, v in ${list} : ${body}]`),
    fc
      .tuple(tie('expr'), tie('expr'))
      .map(([map, body]) => `{ for k, v in ${map} : k => ${body} }`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `"\${${a}}-%{ if ${b} }x%{ endif }"`),
    tie('expr').map((inner) => `${inner}[*].tags`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `${a}[${b}]`),
    fc
      .tuple(tie('expr'), fc.constantFrom('+', '==', '&&', '||', '%', '/'))
      .map(([a, op]) => `(${a} ${op} ${a})`),
  ),
})).expr;

describe('Terraform expressions', () => {
  test('any expression as tags, count, for_each, variables and locals never crashes', async () => {
    await fc.assert(
      fc.asyncProperty(
        expression,
        expression,
        expression,
        expression,
        async (tags, count, local, variable) => {
          const text =
            `variable "env" {\n  default = ${variable}\n}\n` +
            `variable "tags" {\n  default = ${tags}\n}\n` +
            `locals {\n  common = ${local}\n  names = ${count}\n}\n` +
            `provider "aws" {\n  default_tags {\n    tags = ${local}\n  }\n}\n` +
            `resource "aws_instance" "counted" {\n  count = ${count}\n  tags = ${tags}\n}\n` +
            `resource "aws_s3_bucket" "each" {\n  for_each = ${local}\n  tags = ${tags}\n}\n` +
            `module "m" {\n  source = "./m"\n  tags = ${tags}\n}\n`;
          const files = {
            'main.tf': text,
            'm/main.tf': `variable "tags" {}\nresource "aws_db_instance" "d" {\n  tags = merge(var.tags, ${local})\n}\n`,
          };
          expectWellFormedReport(await scanFiles(files), files);
        },
      ),
      fuzzParameters(40),
    );
  });
});

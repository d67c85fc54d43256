import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  expectWellFormedReport,
  fuzzParameters,
  hasParseError,
  mutatedText,
  scanFiles,
  tokenSoup,
} from './harness.js';
import {
  HCL_TOKENS,
  JSON_TOKENS,
  TERRAFORM,
  TERRAFORM_JSON,
  TERRAFORM_MODULE,
  TERRAFORM_PLAN,
} from './seeds.js';

describe('Terraform under random and mutated input', () => {
  test('a mutated root module and its local module never crash the check', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutatedText(TERRAFORM, HCL_TOKENS),
        mutatedText(TERRAFORM_MODULE, HCL_TOKENS),
        async (root, module) => {
          const files = { 'main.tf': root, 'modules/app/main.tf': module };
          expectWellFormedReport(await scanFiles(files), files);
        },
      ),
      fuzzParameters(30),
    );
  });

  test('random HCL tokens never crash the check', async () => {
    await fc.assert(
      fc.asyncProperty(tokenSoup(HCL_TOKENS), async (text) => {
        const files = { 'soup.tf': text };
        expectWellFormedReport(await scanFiles(files), files);
      }),
      fuzzParameters(30),
    );
  });

  test('a block left open is a parse-error finding', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutatedText(TERRAFORM, HCL_TOKENS),
        fc.constantFrom('resource "aws_instance" "open" {\n', 'locals {\n  x = [\n', 'x = "'),
        async (text, opener) => {
          const files = { 'main.tf': `${text}\n${opener}` };
          const report = await scanFiles(files);
          expectWellFormedReport(report, files);
          expect(hasParseError(report, 'main.tf')).toBe(true);
        },
      ),
      fuzzParameters(20),
    );
  });

  test('a mutated .tf.json file is a parse-error exactly when it is not JSON', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(TERRAFORM_JSON, JSON_TOKENS), async (text) => {
        const files = { 'main.tf.json': text };
        const report = await scanFiles(files);
        expectWellFormedReport(report, files);
        if (!isJson(text.replace(/^\uFEFF/, '')))
          expect(hasParseError(report, 'main.tf.json')).toBe(true);
      }),
      fuzzParameters(40),
    );
  });

  test('a mutated plan JSON never crashes the check', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(TERRAFORM_PLAN, JSON_TOKENS), async (text) => {
        const files = { 'plan.json': text };
        expectWellFormedReport(await scanFiles(files), files);
      }),
      fuzzParameters(40),
    );
  });

  test('any JSON value in a plan or .tf.json position never crashes the check', async () => {
    const value = fc.jsonValue({ maxDepth: 6 });
    await fc.assert(
      fc.asyncProperty(value, value, async (values, resource) => {
        const plan = {
          format_version: '1.2',
          planned_values: {
            root_module: {
              resources: [{ address: 'aws_instance.a', type: 'aws_instance', name: 'a', values }],
            },
          },
        };
        const files = {
          'plan.json': JSON.stringify(plan),
          'main.tf.json': JSON.stringify({ resource: { aws_instance: { a: resource } } }),
        };
        expectWellFormedReport(await scanFiles(files), files);
      }),
      fuzzParameters(40),
    );
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

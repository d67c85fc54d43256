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
import { CODE_TOKENS, PYTHON, TYPESCRIPT } from './seeds.js';

describe('SDK call sites under random and mutated code', () => {
  test.each([
    ['Python', 'app.py', PYTHON],
    ['TypeScript', 'app.ts', TYPESCRIPT],
    ['JavaScript', 'app.js', TYPESCRIPT.replace(/: (string|Promise<void>)/g, '')],
    ['TSX', 'app.tsx', `${TYPESCRIPT}\nexport const View = () => <div>{launch('x')}</div>;\n`],
  ])('mutated %s never crashes the check', async (_language, file, seed) => {
    await fc.assert(
      fc.asyncProperty(mutatedText(seed, CODE_TOKENS), async (text) => {
        const files = { [file]: text };
        expectWellFormedReport(await scanFiles(files), files);
      }),
      fuzzParameters(25),
    );
  });

  test('random code tokens after an SDK import never crash the check', async () => {
    await fc.assert(
      fc.asyncProperty(tokenSoup(CODE_TOKENS), tokenSoup(CODE_TOKENS), async (python, script) => {
        const files = {
          'soup.py': `import boto3\n${python}`,
          'soup.ts': `import { S3Client } from '@aws-sdk/client-s3';\n${script}`,
        };
        expectWellFormedReport(await scanFiles(files), files);
      }),
      fuzzParameters(25),
    );
  });

  test('code that is mostly not code is a parse-error finding', async () => {
    const garbage = fc
      .array(fc.constantFrom(')', ']', '}', '(((', '"""', ':::', '=>=>'), {
        minLength: 200,
        maxLength: 400,
      })
      .map((parts) => parts.join(' '));
    await fc.assert(
      fc.asyncProperty(garbage, async (text) => {
        const files = { 'broken.py': `import boto3\n${text}\n` };
        const report = await scanFiles(files);
        expectWellFormedReport(report, files);
        expect(hasParseError(report, 'broken.py')).toBe(true);
      }),
      fuzzParameters(10),
    );
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { applyReplacements } from '../../src/fix/index.js';
import type { Replacement } from '../../src/model.js';
import { runCliCaptured } from '../cli/run.js';

const at = (line: number, column: number, endColumn: number, text: string): Replacement => ({
  file: 'main.tf',
  line,
  column,
  endLine: line,
  endColumn,
  text,
});

describe('applyReplacements', () => {
  test.each([
    {
      name: 'two edits on one line, given in any order',
      text: 'a = "Prod" b = "Dev"\n',
      edits: [at(1, 17, 20, 'dev'), at(1, 6, 10, 'prod')],
      expected: 'a = "prod" b = "dev"\n',
      skipped: 0,
    },
    {
      name: 'whole lines inserted at one place stack in the order given',
      text: 'tags = {\n}\n',
      edits: [at(2, 1, 1, '  A = "a"\n'), at(2, 1, 1, '  B = "b"\n')],
      expected: 'tags = {\n  A = "a"\n  B = "b"\n}\n',
      skipped: 0,
    },
    {
      name: 'two insertions inside one line clash; the second waits for the next pass',
      text: 'tags = {}\n',
      edits: [at(1, 9, 9, ' A = "a" '), at(1, 9, 9, ' B = "b" ')],
      expected: 'tags = { A = "a" }\n',
      skipped: 1,
    },
    {
      name: 'overlapping edits: the first wins',
      text: 'abcdef\n',
      edits: [at(1, 2, 5, 'X'), at(1, 4, 6, 'Y')],
      expected: 'aXef\n',
      skipped: 1,
    },
    {
      name: 'an edit past the end of the text is skipped',
      text: 'abc\n',
      edits: [at(9, 1, 2, 'X')],
      expected: 'abc\n',
      skipped: 1,
    },
  ])('$name', ({ text, edits, expected, skipped }) => {
    const result = applyReplacements(text, edits);
    expect(result.text).toBe(expected);
    expect(result.skipped).toHaveLength(skipped);
  });
});

describe('openclaw-tags check --fix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'openclaw-fix-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('applies every certain fix over as many passes as it takes, then reports the rest', async () => {
    writeFileSync(
      join(dir, 'policy.yaml'),
      'version: 1\nresources: taggable\ntags:\n  CostCenter: { required: true, values: [CC-1] }\n' +
        '  Owner: { required: true, default: platform }\n  Env: { required: true }\n',
    );
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_s3_bucket" "a" {\n  tags = {}\n}\n');
    const run = await runCliCaptured(['check', '--policy', 'policy.yaml', '--fix'], dir);
    expect(readFileSync(join(dir, 'main.tf'), 'utf8')).toBe(
      'resource "aws_s3_bucket" "a" {\n  tags = { CostCenter = "CC-1", Owner = "platform" }\n}\n',
    );
    expect(run.stderr).toBe('openclaw-tags: fixed 2 findings in 1 file (main.tf: 2)\n');
    expect(run.stdout).toContain('aws_s3_bucket.a has no tag Env');
    expect(run.stdout).not.toContain('no tag CostCenter');
    expect(run.code).toBe(1);
  });
});

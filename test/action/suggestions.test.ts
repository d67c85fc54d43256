import { describe, expect, test } from 'vitest';
import {
  buildSuggestions,
  changedLines,
  suggestionMarker,
  type SuggestionInput,
} from '../../src/action/suggestions.js';
import { commentableLines } from '../../src/github/review.js';
import type { Finding, Replacement } from '../../src/model.js';

const MAIN = [
  'resource "aws_s3_bucket" "logs" {', // 1
  '  bucket = "logs"', // 2
  '  tags = {', // 3
  '    Environment = "Prod"', // 4
  '  }', // 5
  '}', // 6
  '',
].join('\n');

/** A patch that adds lines 1-6 of `MAIN` (a new file). */
const ADDED_PATCH = [
  '@@ -0,0 +1,6 @@',
  ...MAIN.trimEnd()
    .split('\n')
    .map((l) => `+${l}`),
].join('\n');

function finding(rule: string, key: string, replacement: Replacement): Finding {
  return {
    rule,
    severity: 'error',
    resource: 'aws_s3_bucket.logs',
    file: replacement.file,
    line: 1,
    key,
    message: `${rule} on ${key}`,
    fix: `set ${key}`,
    replacement,
  };
}

const INVALID_VALUE = finding('invalid-value', 'Environment', {
  file: 'main.tf',
  line: 4,
  column: 20,
  endLine: 4,
  endColumn: 24,
  text: 'prod',
});

/** Two new tag lines under `tags = {`. */
const MISSING = finding('missing-tag', 'CostCenter', {
  file: 'main.tf',
  line: 4,
  column: 1,
  endLine: 4,
  endColumn: 1,
  text: '    CostCenter = "cc-1"\n    Owner = "team-a"\n',
});

function input(overrides: Partial<SuggestionInput>): SuggestionInput {
  return {
    findings: [INVALID_VALUE],
    prefix: 'infra',
    diff: new Map([['infra/main.tf', commentableLines(ADDED_PATCH)]]),
    existing: [],
    readText: (file) => (file === 'main.tf' ? MAIN : undefined),
    ...overrides,
  };
}

describe('commentableLines', () => {
  test('keeps added and context lines of the new side, across hunks', () => {
    const patch = [
      '@@ -1,3 +1,3 @@',
      ' a',
      '-b',
      '+B',
      ' c',
      '@@ -10,2 +10,3 @@ resource "x" "y" {',
      ' j',
      '+k',
      ' l',
      '\\ No newline at end of file',
    ].join('\n');
    expect([...commentableLines(patch)]).toEqual([1, 2, 3, 10, 11, 12]);
  });
});

describe('changedLines', () => {
  test('a change inside one line gives that line as it reads once fixed', () => {
    expect(changedLines(MAIN, INVALID_VALUE.replacement!)).toEqual({
      first: 4,
      last: 4,
      text: '    Environment = "prod"',
    });
  });

  test('a whole-line insertion is shown on the line above, with the new lines', () => {
    expect(changedLines(MAIN, MISSING.replacement!)).toEqual({
      first: 3,
      last: 3,
      text: '  tags = {\n    CostCenter = "cc-1"\n    Owner = "team-a"',
    });
  });

  test('an edit over several lines covers each of them', () => {
    const edit: Replacement = {
      file: 'main.tf',
      line: 3,
      column: 3,
      endLine: 5,
      endColumn: 4,
      text: 'tags = { Environment = "prod" }',
    };
    expect(changedLines(MAIN, edit)).toEqual({
      first: 3,
      last: 5,
      text: '  tags = { Environment = "prod" }',
    });
  });
});

describe('buildSuggestions', () => {
  test('a one-line fix becomes a suggestion on its repository path and line', () => {
    const plan = buildSuggestions(input({}));
    expect(plan.comments).toHaveLength(1);
    const [comment] = plan.comments;
    expect(comment).toMatchObject({ path: 'infra/main.tf', line: 4 });
    expect(comment?.startLine).toBeUndefined();
    expect(comment?.body).toBe(
      [
        suggestionMarker(INVALID_VALUE),
        '**openclaw-tags invalid-value**: set Environment',
        '',
        '```suggestion',
        '    Environment = "prod"',
        '```',
      ].join('\n'),
    );
  });

  test('a multi-line replacement spans start_line to line', () => {
    const edit: Replacement = {
      file: 'main.tf',
      line: 3,
      column: 3,
      endLine: 5,
      endColumn: 4,
      text: 'tags = { Environment = "prod" }',
    };
    const plan = buildSuggestions(input({ findings: [finding('invalid-value', 'E', edit)] }));
    expect(plan.comments[0]).toMatchObject({ path: 'infra/main.tf', startLine: 3, line: 5 });
    expect(plan.comments[0]?.body).toContain(
      '```suggestion\n  tags = { Environment = "prod" }\n```',
    );
  });

  test('an insertion suggests the line above followed by the inserted lines', () => {
    const plan = buildSuggestions(input({ findings: [MISSING] }));
    expect(plan.comments[0]?.line).toBe(3);
    expect(plan.comments[0]?.body).toContain(
      '```suggestion\n  tags = {\n    CostCenter = "cc-1"\n    Owner = "team-a"\n```',
    );
  });

  test('a line outside the diff, or a file not in it, is skipped', () => {
    const onlyLine2 = [
      '@@ -1,2 +1,2 @@',
      ' resource "aws_s3_bucket" "logs" {',
      '+  bucket = "logs"',
    ];
    const plan = buildSuggestions(
      input({ diff: new Map([['infra/main.tf', commentableLines(onlyLine2.join('\n'))]]) }),
    );
    expect(plan.comments).toEqual([]);
    expect(plan.outsideDiff).toBe(1);

    const otherFile = buildSuggestions(input({ diff: new Map([['main.tf', new Set([4])]]) }));
    expect(otherFile.comments).toEqual([]);
    expect(otherFile.outsideDiff).toBe(1);
  });

  test('a multi-line suggestion needs every line in the diff', () => {
    const plan = buildSuggestions(
      input({ findings: [MISSING], diff: new Map([['infra/main.tf', new Set([4, 5])]]) }),
    );
    expect(plan.comments).toEqual([]);
    const edit = { ...INVALID_VALUE.replacement!, line: 3, column: 3, endLine: 5, endColumn: 4 };
    const spanning = buildSuggestions(
      input({
        findings: [finding('invalid-value', 'E', edit)],
        diff: new Map([['infra/main.tf', new Set([3, 5])]]),
      }),
    );
    expect(spanning.outsideDiff).toBe(1);
  });

  test('a suggestion an earlier run posted is not posted again; duplicates count once', () => {
    const earlier = `${suggestionMarker(INVALID_VALUE)}\nold text`;
    const plan = buildSuggestions(
      input({ findings: [INVALID_VALUE, MISSING, MISSING], existing: [earlier] }),
    );
    expect(plan.alreadyPosted).toBe(1);
    expect(plan.comments.map((comment) => comment.line)).toEqual([3]);
  });

  test('findings without a replacement get nothing, and the cap holds the rest back', () => {
    const plain: Finding = { ...INVALID_VALUE, replacement: undefined };
    const plan = buildSuggestions(input({ findings: [plain, INVALID_VALUE, MISSING], cap: 1 }));
    expect(plan.comments).toHaveLength(1);
    expect(plan.overCap).toBe(1);
  });

  test('the reason is escaped and a fence outlasts backticks in the fixed lines', () => {
    const hostile: Finding = {
      ...INVALID_VALUE,
      resource: 'x --> <b>',
      fix: 'set @octocat [x](https://evil.example)',
      replacement: { ...INVALID_VALUE.replacement!, text: 'p```d' },
    };
    const body = buildSuggestions(input({ findings: [hostile] })).comments[0]?.body ?? '';
    expect(body).toContain('set @\u200Doctocat \\[x\\]\\(https:\u200D//evil.example\\)');
    expect(body).toContain('````suggestion\n    Environment = "p```d"\n````');
    expect(body.split('\n')[0]).toBe(
      '<!-- openclaw-tags-suggestion: rule=invalid-value resource=x%20--%3E%20%3Cb%3E key=Environment -->',
    );
  });
});

import fc from 'fast-check';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { check } from '../../src/engine/check.js';
import type { CheckReport } from '../../src/model.js';
import { loadPolicyText } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/types.js';

/**
 * The budget of every property: a fixed seed so that CI runs the same inputs each time, and a
 * small number of runs so that the suite stays fast. `FUZZ_RUNS` raises the runs (and
 * `FUZZ_SEED` picks other inputs) for a longer local session.
 */
export function fuzzParameters(defaultRuns: number): { seed: number; numRuns: number } {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = Number(process.env.FUZZ_SEED);
  return {
    seed: Number.isInteger(seed) ? seed : 20261204,
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
  };
}

/** The policy every fuzz scan runs under: required keys, a value list and a pattern. */
export const fuzzPolicy: Policy = loadPolicyText(
  [
    'version: 1',
    'resources: taggable',
    'tags:',
    '  CostCenter: { required: true }',
    '  Environment: { required: true, values: [prod, staging] }',
    "  Team: { pattern: '^[a-z]+$' }",
    '',
  ].join('\n'),
  'fuzz-policy.yaml',
);

/** Files to write, by path relative to the scanned folder: text or raw bytes. */
export type FileSet = Readonly<Record<string, string | Uint8Array>>;

/** Writes `files` into a fresh folder, runs `check` on it and removes the folder again. */
export async function scanFiles(files: FileSet, policy: Policy = fuzzPolicy): Promise<CheckReport> {
  const root = await mkdtemp(join(tmpdir(), 'openclaw-fuzz-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    }
    return await check({ paths: ['.'], cwd: root, policy, failOn: 'error' });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * What every report must hold whatever the input: each error and finding names one of the
 * scanned files at a line inside it, with a message, and each error is also a `parse-error`
 * finding, so nothing broken passes silently.
 */
export function expectWellFormedReport(report: CheckReport, files: FileSet): void {
  const lineCounts = new Map(
    Object.entries(files).map(([path, content]) => [path, lineCount(content)]),
  );
  for (const error of report.errors) {
    expect(lineCounts.has(error.file), `error names a scanned file: ${error.file}`).toBe(true);
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual((lineCounts.get(error.file) ?? 0) + 1);
    expect(error.message.trim()).not.toBe('');
    const finding = report.findings.find(
      (candidate) =>
        candidate.rule === 'parse-error' &&
        candidate.file === error.file &&
        candidate.line === error.line,
    );
    expect(finding, `a parse-error finding for ${error.file}:${error.line}`).toBeDefined();
  }
  for (const finding of report.findings) {
    expect(lineCounts.has(finding.file), `finding names a scanned file: ${finding.file}`).toBe(
      true,
    );
    expect(finding.line).toBeGreaterThanOrEqual(1);
  }
}

/** Whether the report holds a `parse-error` finding for `file`. */
export function hasParseError(report: CheckReport, file: string): boolean {
  return report.findings.some((finding) => finding.rule === 'parse-error' && finding.file === file);
}

function lineCount(content: string | Uint8Array): number {
  const text = typeof content === 'string' ? content : Buffer.from(content).toString('latin1');
  return text.split('\n').length;
}

/** One edit of a text: the ways hand edits and bad merges break files. */
type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'dropLine'; readonly at: number };

/**
 * A seed text with up to five random edits: tokens of the format inserted, ranges deleted or
 * repeated, lines dropped, the end cut off. Positions are fractions of the length, so the
 * same mutation list applies to any seed. Inputs stay within a few times the seed's size.
 */
export function mutatedText(seed: string, tokens: readonly string[]): fc.Arbitrary<string> {
  const position = fc.double({ min: 0, max: 1, noNaN: true });
  const inserted = fc.oneof(
    fc.constantFrom(...tokens),
    fc.string({ unit: 'binary', maxLength: 8 }),
  );
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: position, text: inserted }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: position,
      length: fc.integer({ min: 1, max: 40 }),
    }),
    fc.record({ kind: fc.constant('truncate' as const), at: position }),
    fc.record({
      kind: fc.constant('duplicate' as const),
      at: position,
      length: fc.integer({ min: 1, max: 200 }),
    }),
    fc.record({ kind: fc.constant('dropLine' as const), at: position }),
  );
  return fc
    .array(mutation, { minLength: 1, maxLength: 5 })
    .map((mutations) => mutations.reduce(applyMutation, seed));
}

function applyMutation(text: string, mutation: Mutation): string {
  const at = Math.floor(mutation.at * text.length);
  switch (mutation.kind) {
    case 'insert':
      return text.slice(0, at) + mutation.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + mutation.length);
    case 'truncate':
      return text.slice(0, at);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + mutation.length) + text.slice(at);
    case 'dropLine': {
      const lines = text.split('\n');
      lines.splice(Math.floor(mutation.at * lines.length), 1);
      return lines.join('\n');
    }
  }
}

/** Random text drawn from the tokens of a format, joined without any grammar. */
export function tokenSoup(tokens: readonly string[], maxTokens = 120): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 6 })), {
      maxLength: maxTokens,
    })
    .map((parts) => parts.join(''));
}

/**
 * The control characters (C0 and C1), bidirectional overrides and line separators in `text`,
 * leaving out the ones in `allowed`: what must never reach rendered output from a user's file.
 */
export function unsafeCharacters(text: string, allowed: readonly string[] = []): string[] {
  return Array.from(text).filter((character) => {
    if (allowed.includes(character)) return false;
    const code = character.codePointAt(0) ?? 0;
    return (
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069) ||
      [0x061c, 0x200e, 0x200f, 0x2028, 0x2029].includes(code)
    );
  });
}

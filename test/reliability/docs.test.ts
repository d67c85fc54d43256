import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const MATRIX = readFileSync(join(ROOT, 'docs', 'reliability.md'), 'utf8');

interface Citation {
  readonly file: string;
  readonly names: readonly string[];
  readonly rows: readonly string[];
}

/** The rows of the failure matrix: number, case and the tests that pin it. */
function matrixRows(): { number: number; pinnedBy: string }[] {
  return MATRIX.split('\n')
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) => {
      const cells = line.split(' | ');
      return { number: Number(cells[0]?.replace('| ', '')), pinnedBy: cells.at(-1) ?? '' };
    });
}

/** `` `file` › "name", "name" [row, row] `` citations, separated by `; ` before a file. */
function citations(pinnedBy: string): Citation[] {
  return pinnedBy.split(/; (?=`)/).map((part) => {
    const file = /`([^`]+\.test\.ts)`/.exec(part)?.[1] ?? '';
    const names = [...part.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? '');
    const rows = /\[([^\]]+)\]/.exec(part)?.[1]?.split(', ') ?? [];
    return { file, names, rows };
  });
}

describe('docs/reliability.md', () => {
  const rows = matrixRows();

  test('lists at least 30 cases, numbered in order', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(rows.map((row) => row.number)).toEqual(rows.map((_, index) => index + 1));
  });

  test.each(rows.map((row) => [row.number, row.pinnedBy]))(
    'case %i is pinned by tests that exist',
    (_number, pinnedBy) => {
      const cited = citations(pinnedBy);
      expect(cited.length).toBeGreaterThan(0);
      for (const citation of cited) {
        const path = join(ROOT, 'test', citation.file);
        expect(existsSync(path), `${citation.file} exists`).toBe(true);
        const source = readFileSync(path, 'utf8');
        expect(citation.names.length).toBeGreaterThan(0);
        for (const name of [...citation.names, ...citation.rows]) {
          const quoted = ["'", '"', '`'].some((quote) =>
            source.includes(`${quote}${name}${quote}`),
          );
          expect(quoted, `"${name}" is a test name or row in ${citation.file}`).toBe(true);
        }
      }
    },
  );
});

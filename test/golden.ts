import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

/**
 * Golden-file check: compares `actual` with `test/golden/<name>`. Name golden files
 * `<what>.golden.<ext>` (`report.golden.json`) so that Prettier leaves them byte for byte.
 *
 * To create or refresh golden files after an intended output change, run the tests with
 * `UPDATE_GOLDEN=1`, e.g. `UPDATE_GOLDEN=1 npx vitest run test/report`, then review the diff
 * of `test/golden/` before committing it. Without that variable a missing golden file fails
 * the test, so a forgotten file is never silently accepted.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(import.meta.dirname, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`golden file test/golden/${name} is missing; run with UPDATE_GOLDEN=1`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

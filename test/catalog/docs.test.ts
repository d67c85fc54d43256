import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { costOverrides } from '../../src/catalog/overrides.js';

/** The hand-made decisions as docs/catalog.md lists them: type -> cost-bearing. */
function documentedOverrides(): Map<string, boolean> {
  const text = readFileSync(join(import.meta.dirname, '../../docs/catalog.md'), 'utf8');
  const documented = new Map<string, boolean>();
  let current: boolean | undefined;
  for (const line of text.split('\n')) {
    const bullet = /^- \*\*(cost-bearing|free)\*\*:/.exec(line);
    if (bullet) {
      current = bullet[1] === 'cost-bearing';
    } else if (current !== undefined && line.startsWith('  `')) {
      for (const match of line.matchAll(/`([^`]+)`/g)) documented.set(match[1] ?? '', current);
    } else {
      current = undefined;
    }
  }
  return documented;
}

describe('docs/catalog.md', () => {
  test('lists every hand-made cost decision, and no other', () => {
    const expected = new Map([...costOverrides].map(([type, o]) => [type, o.costBearing]));
    expect(Object.fromEntries(documentedOverrides())).toEqual(Object.fromEntries(expected));
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { rules } from '../../src/rules/index.js';

/** Rules the engine reports itself, outside the registry; parse-error.test.ts and test/exemptions cover them. */
const ENGINE_RULE_IDS = ['parse-error', 'invalid-exemption'];

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

describe('rule registry', () => {
  test('rule ids are unique and include every id of the contract', () => {
    const ids = rules.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'missing-tag',
        'wrong-case-key',
        'invalid-value',
        'hierarchy',
        'unresolved-tags',
      ]),
    );
  });

  test.each(rules.map((rule) => [rule.meta.id, rule] as const))(
    '%s has its source, doc and test file named by its id',
    (id, rule) => {
      expect(existsSync(root(`src/rules/${id}.ts`)), `src/rules/${id}.ts`).toBe(true);
      expect(existsSync(root(`test/rules/${id}.test.ts`)), `test/rules/${id}.test.ts`).toBe(true);
      const doc = root(`docs/rules/${id}.md`);
      expect(existsSync(doc), `docs/rules/${id}.md`).toBe(true);
      const text = readFileSync(doc, 'utf8');
      expect(text.startsWith(`# ${id}\n`)).toBe(true);
      expect(text).toContain(rule.meta.description);
    },
  );

  test('every rule doc belongs to a registered rule or to the engine', () => {
    const ids = new Set([...rules.map((rule) => rule.meta.id), ...ENGINE_RULE_IDS]);
    const docs = readdirSync(root('docs/rules')).filter((name) => name.endsWith('.md'));
    expect(docs.filter((name) => !ids.has(name.replace(/\.md$/, '')))).toEqual([]);
  });

  test.each(rules.map((rule) => [rule.meta.id, rule] as const))(
    '%s declares a one-line description and messages that can name a variant condition',
    (_id, rule) => {
      expect(rule.meta.description).toMatch(/^[A-Z][^\n]*\.$/);
      for (const template of Object.values(rule.meta.messages)) {
        expect(template).toContain('{{resource}}');
        expect(template).toContain('{{when}}');
      }
    },
  );
});

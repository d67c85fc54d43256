import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const read = (path: string): string =>
  readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

/** Every `properties` entry of the schema, as `path.to.property` and its schema. */
function propertiesOf(node: unknown, path: string): [string, Record<string, unknown>][] {
  if (node === null || typeof node !== 'object') return [];
  const found: [string, Record<string, unknown>][] = [];
  for (const [key, child] of Object.entries(node)) {
    if (key === 'properties' && child !== null && typeof child === 'object') {
      for (const [name, schema] of Object.entries(child)) {
        const fields = schema !== null && typeof schema === 'object' ? { ...schema } : {};
        found.push([`${path}.${name}`, fields]);
      }
    }
    found.push(...propertiesOf(child, `${path}.${key}`));
  }
  return found;
}

describe('policies/schema.json', () => {
  const schema: unknown = JSON.parse(read('policies/schema.json'));
  const properties = propertiesOf(schema, '#');

  test('describes the policy and the tag keys', () => {
    const names = properties.map(([path]) => path.split('.').pop());
    expect(names).toEqual(expect.arrayContaining(['version', 'tags', 'values_by', 'forms']));
  });

  test.each(properties.map(([path, property]) => [path, property] as const))(
    '%s carries a description',
    (_path, property) => {
      expect(typeof property['description']).toBe('string');
    },
  );

  test('refuses unknown properties at the top level, in each key and in billing', () => {
    expect(schema).toMatchObject({
      additionalProperties: false,
      properties: { billing: { additionalProperties: false } },
      definitions: { tagRule: { additionalProperties: false } },
    });
  });
});

describe('policies/default.yaml', () => {
  test('points editors at the schema on its first line', () => {
    const firstLine = read('policies/default.yaml').split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=./schema.json');
  });
});

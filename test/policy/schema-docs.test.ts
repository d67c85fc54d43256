import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const read = (path: string): string =>
  readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

const schema = JSON.parse(read('policies/schema.json')) as SchemaNode;
const reference = read('docs/policy.md');
const readme = read('README.md');

interface SchemaNode {
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly $ref?: string;
}

/** Every property the schema names, with the path users write it at (`tags.*.values`). */
function propertyPaths(node: SchemaNode, path: string, seen: Set<string>): string[] {
  const target = resolve(node);
  if (target.$ref === undefined && seen.has(JSON.stringify(target))) return [];
  seen.add(JSON.stringify(target));
  const found: string[] = [];
  for (const [name, child] of Object.entries(target.properties ?? {})) {
    const childPath = path === '' ? name : `${path}.${name}`;
    found.push(childPath, ...propertyPaths(child, childPath, seen));
  }
  const items = target.items;
  if (items) found.push(...propertyPaths(items, `${path}[]`, seen));
  const additional = (target as { additionalProperties?: unknown }).additionalProperties;
  if (additional !== null && typeof additional === 'object') {
    found.push(...propertyPaths(additional as SchemaNode, `${path}.*`, seen));
  }
  return found;
}

function resolve(node: SchemaNode): SchemaNode {
  const ref = node.$ref?.replace('#/definitions/', '');
  return ref === undefined ? node : (schema.definitions?.[ref] ?? node);
}

/** The `## Policy` section of the README. */
function readmePolicySection(): string {
  const start = readme.indexOf('\n## Policy\n');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

const paths = propertyPaths(schema, '', new Set());

describe('the policy reference cannot drift from the schema', () => {
  test('the schema walk finds the properties of keys and exemptions', () => {
    expect(paths).toEqual(
      expect.arrayContaining(['tags.*.values_by', 'tags.*.default', 'exemptions[].expires']),
    );
  });

  test.each(paths.map((path) => [path, path.split('.').pop()?.replace('[]', '') ?? ''] as const))(
    '%s is documented in docs/policy.md',
    (_path, name) => {
      // `name`, or the last part of a dotted path such as `billing.projects`.
      expect(reference).toMatch(new RegExp(`[\`.]${name.replace('$', '\\$')}\``));
    },
  );

  test.each(Object.keys(schema.properties ?? {}))(
    'top-level %s is named in the README policy section',
    (name) => {
      expect(readmePolicySection()).toContain(`\`${name}\``);
    },
  );

  test('every property in the reference tables exists in the schema', () => {
    const names = new Set(paths.map((path) => path.split('.').pop()?.replace('[]', '')));
    const tables = reference
      .split('\n')
      .filter((line) => /^\| `[a-z$_]+` \|/.test(line))
      .map((line) => /^\| `([a-z$_]+)`/.exec(line)?.[1] ?? '');
    const stale = tables.filter((name) => !names.has(name));
    // The rule table of the Fixes section names rules, not properties.
    expect(stale.filter((name) => !['wrong', 'invalid', 'missing'].includes(name))).toEqual([]);
  });
});

import { describe, expect, test } from 'vitest';
import { extractInline, rows } from './helpers.js';

const MULTI_DOC = `# leading comment
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  labels:
    team: storage
---
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    metadata:
      labels: { team: payments }
`;

const LIST = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: PersistentVolumeClaim
    metadata:
      name: first
  - apiVersion: v1
    kind: PodList
    items:
      - apiVersion: v1
        kind: Pod
        metadata:
          name: nested
          labels:
            team: x
`;

const BROKEN_MIDDLE = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: before
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: [unclosed
  labels: {}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: after
`;

const JSON_MANIFEST = `{
  "apiVersion": "v1",
  "kind": "PersistentVolumeClaim",
  "metadata": {
    "name": "data",
    "labels": { "team": "storage" }
  }
}
`;

describe('documents, lists and errors', () => {
  test('every document of a multi-document file is read; empty ones are skipped', async () => {
    const extraction = await extractInline({ 'all.yaml': MULTI_DOC });
    expect(rows(extraction.resources)).toEqual([
      {
        address: 'PersistentVolumeClaim/default/data',
        line: 8,
        tagsLine: 11,
        tags: { team: 'storage' },
      },
      { address: 'Deployment/shop/api', line: 16, tagsLine: 23, tags: { team: 'payments' } },
    ]);
  });

  test('a List is expanded, nested typed lists too', async () => {
    const extraction = await extractInline({ 'list.yaml': LIST });
    expect(rows(extraction.resources)).toEqual([
      { address: 'PersistentVolumeClaim/default/first', line: 5, tagsLine: undefined, tags: {} },
      { address: 'Pod/default/nested', line: 12, tagsLine: 15, tags: { team: 'x' } },
    ]);
  });

  test('a document that does not parse is an error at its line; the others are read', async () => {
    const extraction = await extractInline({ 'pvc.yaml': BROKEN_MIDDLE });
    expect(extraction.resources.map((resource) => resource.address)).toEqual([
      'PersistentVolumeClaim/default/before',
      'PersistentVolumeClaim/default/after',
    ]);
    expect(extraction.errors).toHaveLength(1);
    expect(extraction.errors[0]).toMatchObject({ file: 'pvc.yaml', line: 10 });
    expect(extraction.errors[0]?.message).toMatch(/^invalid YAML: /);
  });

  test('a duplicate key is an error, not a silent pick', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n';
    const extraction = await extractInline({ 'pod.yaml': text });
    expect(extraction.resources).toEqual([]);
    expect(extraction.errors).toMatchObject([{ file: 'pod.yaml', line: 5 }]);
  });

  test('a JSON manifest is read with exact lines', async () => {
    const extraction = await extractInline({ 'pvc.json': JSON_MANIFEST });
    expect(rows(extraction.resources)).toEqual([
      {
        address: 'PersistentVolumeClaim/default/data',
        line: 3,
        tagsLine: 6,
        tags: { team: 'storage' },
      },
    ]);
  });

  test('CRLF line ends keep lines right', async () => {
    const text = MULTI_DOC.replaceAll('\n', '\r\n');
    const extraction = await extractInline({ 'all.yaml': text });
    expect(extraction.resources.map((resource) => [resource.line, resource.tagsLine])).toEqual([
      [8, 11],
      [16, 23],
    ]);
  });

  test('an alias bomb is not expanded and does not stop the scan', async () => {
    const bomb = [
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata:',
      '  name: bomb',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 12 }, (_, i) => {
        const prev = i === 0 ? 'a' : `l${i - 1}`;
        return `l${i}: &l${i} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`;
      }),
    ].join('\n');
    const extraction = await extractInline({ 'bomb.yaml': bomb });
    expect(extraction.resources.map((resource) => resource.address)).toEqual([
      'PersistentVolumeClaim/default/bomb',
    ]);
  });

  test('objects without a name are still reported, by generateName or as unnamed', async () => {
    const text = `apiVersion: batch/v1
kind: Job
metadata:
  generateName: migrate-
---
apiVersion: v1
kind: PersistentVolumeClaim
`;
    const extraction = await extractInline({ 'jobs.yaml': text });
    expect(extraction.resources.map((resource) => resource.address)).toEqual([
      'Job/default/migrate-*',
      'PersistentVolumeClaim/default/(unnamed)',
    ]);
  });
});

describe('aliases', () => {
  const pvc = (name: string, labels: readonly string[]) =>
    [
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata:',
      `  name: ${name}`,
      '  labels:',
      ...labels.map((line) => `    ${line}`),
    ].join('\n');

  test.each([
    { name: 'a value', labels: ['team: *nope'], line: 6 },
    { name: 'a merge key', labels: ['<<: *nope', 'env: prod'], line: 6 },
    { name: 'an anchor defined only later', labels: ['team: *late', 'env: &late prod'], line: 6 },
  ])(
    'an alias that names no anchor ($name) is an error; the next document is read',
    async (row) => {
      const text = `${pvc('broken', row.labels)}\n---\n${pvc('fine', ['team: &t ml', 'owner: *t'])}\n`;
      const extraction = await extractInline({ 'pvc.yaml': text });
      expect(extraction.errors).toEqual([
        {
          file: 'pvc.yaml',
          line: row.line,
          message: expect.stringMatching(
            /^invalid YAML: alias \*\w+ names no anchor defined before it$/,
          ),
        },
      ]);
      expect(extraction.resources.map((resource) => resource.tags)).toEqual([
        { team: 'ml', owner: 'ml' },
      ]);
    },
  );

  test('stars that are no aliases (a cron schedule, a glob) are plain text', async () => {
    const text = pvc('data', ["schedule: '0 2 * * *'", 'glob: a*b', 'team: ml']);
    const extraction = await extractInline({ 'pvc.yaml': text });
    expect(extraction.errors).toEqual([]);
    expect(extraction.resources[0]?.tags).toEqual({
      schedule: '0 2 * * *',
      glob: 'a*b',
      team: 'ml',
    });
  });
});

describe('label values the Kubernetes API rejects', () => {
  /** A Pod whose metadata labels are `value` under the key `v`, at line 6. */
  const pod = (value: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    v: ${value}\n`;

  test.each([
    ['a decimal', '1.10', 'number'],
    ['an integer', '42', 'number'],
    ['a signed integer', '-7', 'number'],
    ['digits with underscores', '1_000', 'number'],
    ['a hexadecimal integer', '0x1F', 'number'],
    ['a binary integer', '0b101', 'number'],
    ['an octal integer', '0o17', 'number'],
    ['a leading-zero number', '08', 'number'],
    ['a fraction without a whole part', '.5', 'number'],
    ['an exponent', '1e3', 'number'],
    ['infinity', '-.inf', 'number'],
    ['true', 'true', 'boolean'],
    ['a YAML 1.1 yes', 'yes', 'boolean'],
    ['a YAML 1.1 Off', 'Off', 'boolean'],
    ['a single y', 'y', 'boolean'],
  ])('%s (%s) is an error at its line; the object is still read', async (_name, value, kind) => {
    const extraction = await extractInline({ 'pod.yaml': pod(value) });
    expect(extraction.resources.map((resource) => resource.tags)).toEqual([{ v: value }]);
    expect(extraction.errors).toEqual([
      {
        file: 'pod.yaml',
        line: 6,
        message:
          `label v in metadata is written as a YAML ${kind} (${value}); the Kubernetes API ` +
          `takes only text there and rejects the object: quote it, "${value}"`,
      },
    ]);
  });

  test.each([
    ['a quoted number', '"1.10"'],
    ['a number tagged as text', '!!str 5'],
    ['a version string', 'v1.10'],
    ['dotted numbers', '1.2.3'],
    ['a date', '2024-01-31'],
    ['an empty value', "''"],
    ['a null', '~'],
    ['a word', 'yesterday'],
  ])('%s (%s) is text, or no value', async (_name, value) => {
    const extraction = await extractInline({ 'pod.yaml': pod(value) });
    expect(extraction.resources).toHaveLength(1);
    expect(extraction.errors).toEqual([]);
  });

  test('annotations and pod templates are read the same way', async () => {
    const deployment = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: api',
      '  annotations:',
      '    replicas-hint: 3',
      'spec:',
      '  template:',
      '    metadata:',
      '      labels: { team: ml, canary: no }',
      '    spec:',
      '      containers: [{ name: app, image: app:1 }]',
      '',
    ].join('\n');
    const extraction = await extractInline({ 'api.yaml': deployment });
    expect(extraction.resources.map((resource) => resource.address)).toEqual([
      'Deployment/default/api',
    ]);
    const errors = extraction.errors.map(({ line, message }) => [line, message.split(';')[0]]);
    expect(errors).toEqual([
      [6, 'annotation replicas-hint in metadata is written as a YAML number (3)'],
      [10, 'label canary in spec.template.metadata is written as a YAML boolean (no)'],
    ]);
  });
});

import { describe, expect, test } from 'vitest';
import { extractInline, testPolicy } from './helpers.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    team: payments
    env: prod
  annotations:
    corp.org/owner: alice
spec:
  template:
    metadata:
      labels:
        team: payments
        app: web
      annotations:
        corp.org/department: ""
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: { team: payments }
  annotations: { corp.org/department: eng }
`;

describe('requireOnMetadata', () => {
  test.each([
    ['off: the pod template alone', false, DEPLOYMENT, { team: 'payments', app: 'web' }],
    [
      'on: only keys on both the pod template and the metadata',
      true,
      DEPLOYMENT,
      { team: 'payments' },
    ],
    ['on, for a Pod: its metadata is its template', true, POD, { team: 'payments' }],
  ])('%s', async (_name, requireOnMetadata, text, tags) => {
    const policy = testPolicy({ requireOnMetadata });
    const [resource] = (await extractInline({ 'app.yaml': text }, policy)).resources;
    expect(resource?.tags).toEqual(tags);
    expect(resource?.variants).toBeUndefined();
  });

  test('on: a value differing between metadata and template gives both as variants', async () => {
    const text = DEPLOYMENT.replace('    team: payments\n    env', '    team: billing\n    env');
    const policy = testPolicy({ requireOnMetadata: true });
    const [resource] = (await extractInline({ 'app.yaml': text }, policy)).resources;
    expect(resource?.tags).toEqual({ team: null });
    expect(resource?.variants).toEqual([
      { condition: 'labels at spec.template.metadata', tags: { team: 'payments', app: 'web' } },
      { condition: 'labels at metadata', tags: { team: 'billing', env: 'prod' } },
    ]);
  });

  test('on: a PersistentVolumeClaim is judged by its metadata as before', async () => {
    const text =
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: d\n  labels: { a: b }\n';
    const policy = testPolicy({ requireOnMetadata: true });
    const [resource] = (await extractInline({ 'pvc.yaml': text }, policy)).resources;
    expect(resource?.tags).toEqual({ a: 'b' });
  });
});

describe('annotations', () => {
  test.each([
    ['a workload: from the pod template', DEPLOYMENT, { 'corp.org/department': '' }],
    ['a Pod: from its metadata', POD, { 'corp.org/department': 'eng' }],
    [
      'a PVC: from its metadata',
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: d, annotations: { x: y } }\n',
      { x: 'y' },
    ],
  ])('%s', async (_name, text, annotations) => {
    const policy = testPolicy({ target: 'annotations' });
    const [resource] = (await extractInline({ 'app.yaml': text }, policy)).resources;
    expect(resource?.annotations).toEqual(annotations);
    expect(resource?.tagTarget).toBe('labels');
  });

  test('with requireOnMetadata, annotations must be on both places too', async () => {
    const policy = testPolicy({ target: 'annotations', requireOnMetadata: true });
    const [resource] = (await extractInline({ 'app.yaml': DEPLOYMENT }, policy)).resources;
    expect(resource?.annotations).toEqual({});
  });
});

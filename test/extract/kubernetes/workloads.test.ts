import { describe, expect, test } from 'vitest';
import { extractInline, rows } from './helpers.js';

/** A controller with `own: meta` on its metadata and `team: payments` on its pod template. */
function controller(kind: string, apiVersion: string): string {
  return [
    `apiVersion: ${apiVersion}`,
    `kind: ${kind}`,
    'metadata:',
    '  name: web',
    '  labels:',
    '    own: meta',
    'spec:',
    '  template:',
    '    metadata:',
    '      labels:',
    '        team: payments',
    '    spec:',
    '      containers: []',
    '',
  ].join('\n');
}

const CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: web
  labels:
    own: meta
spec:
  schedule: '0 * * * *'
  jobTemplate:
    spec:
      template:
        metadata:
          labels:
            team: payments
        spec:
          containers: []
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  labels:
    team: payments
spec:
  containers: []
`;

describe('workloads are judged by their pod template labels', () => {
  test.each([
    ['Deployment', controller('Deployment', 'apps/v1'), 'Deployment/default/web', 10],
    ['StatefulSet', controller('StatefulSet', 'apps/v1'), 'StatefulSet/default/web', 10],
    ['DaemonSet', controller('DaemonSet', 'apps/v1'), 'DaemonSet/default/web', 10],
    ['ReplicaSet', controller('ReplicaSet', 'apps/v1'), 'ReplicaSet/default/web', 10],
    [
      'ReplicationController',
      controller('ReplicationController', 'v1'),
      'ReplicationController/default/web',
      10,
    ],
    ['Job', controller('Job', 'batch/v1'), 'Job/default/web', 10],
    [
      'legacy extensions/v1beta1 Deployment',
      controller('Deployment', 'extensions/v1beta1'),
      'Deployment/default/web',
      10,
    ],
    ['CronJob, through spec.jobTemplate.spec.template', CRONJOB, 'CronJob/default/web', 13],
    ['Pod, by its own metadata, in its namespace', POD, 'Pod/shop/web', 6],
  ])('%s', async (_name, text, address, tagsLine) => {
    const extraction = await extractInline({ 'app.yaml': text });
    expect(rows(extraction.resources)).toEqual([
      { address, line: 2, tagsLine, tags: { team: 'payments' } },
    ]);
    expect(extraction.errors).toEqual([]);
  });

  test('a Deployment whose labels are only on its own metadata has none', async () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    team: payments
spec:
  template:
    spec:
      containers: []
`;
    const [resource] = (await extractInline({ 'app.yaml': text })).resources;
    expect(resource?.tags).toEqual({});
    expect(resource?.tagsLine).toBeUndefined();
  });

  test('a CronJob whose pod template has `metadata:` with a null value has no labels', async () => {
    const text = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  jobTemplate:
    spec:
      template:
        metadata:
        spec:
          containers: []
`;
    const [resource] = (await extractInline({ 'job.yaml': text })).resources;
    expect(resource).toMatchObject({ address: 'CronJob/default/nightly', line: 2, tags: {} });
  });

  test('label values keep their spelling; YAML null is an empty value; keys are strings', async () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    version: 1.10
    enabled: true
    quoted: "007"
    empty: ""
    unknown:
    404: code
    hex: 0x1F
    exponent: 1e3
    tagged: !!int 7
    tilde: ~
    spelled: Null
    no: false
`;
    const [resource] = (await extractInline({ 'pod.yaml': text })).resources;
    expect(resource?.tags).toEqual({
      version: '1.10',
      enabled: 'true',
      quoted: '007',
      empty: '',
      unknown: '',
      '404': 'code',
      hex: '0x1F',
      exponent: '1e3',
      tagged: '7',
      tilde: '',
      spelled: '',
      no: 'false',
    });
    expect(resource?.origins?.['quoted']).toEqual({ line: 8, source: 'metadata' });
  });

  test('labels shared through an anchor and a merge key are read', async () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: &common
    team: payments
    env: prod
spec:
  template:
    metadata:
      labels:
        <<: *common
        env: staging
`;
    const [resource] = (await extractInline({ 'app.yaml': text })).resources;
    expect(resource?.tags).toEqual({ team: 'payments', env: 'staging' });
  });
});

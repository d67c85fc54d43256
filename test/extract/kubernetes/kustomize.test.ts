import { describe, expect, test } from 'vitest';
import { extractFixture, resourceAt, rows, testPolicy } from './helpers.js';

describe('kustomize commonLabels, namespace and names', () => {
  test.each([
    [
      'a Deployment: pod template labels, commonLabels overriding the same key',
      'Deployment/shop/prod-web',
      { tier: 'front', team: 'payments', app: 'hello' },
    ],
    [
      'a LoadBalancer Service: metadata',
      'Service/shop/prod-web',
      { app: 'hello', team: 'payments' },
    ],
    [
      'a StatefulSet template',
      'StatefulSet/shop/prod-db',
      { tier: 'data', app: 'hello', team: 'payments' },
    ],
    [
      'a volumeClaimTemplate, named after the prefixed StatefulSet',
      'PersistentVolumeClaim/shop/data-prod-db',
      { app: 'hello', team: 'payments' },
    ],
    [
      'a custom resource: metadata only, not its pod labels',
      'InferenceService/shop/prod-bert',
      { model: 'bert' },
    ],
    [
      'a cluster-scoped PersistentVolume keeps no namespace',
      'PersistentVolume/default/prod-disk',
      { app: 'hello', team: 'payments' },
    ],
  ])('%s', async (_name, address, tags) => {
    const extraction = await extractFixture('kustomize/common-labels');
    expect(resourceAt(extraction, address).tags).toEqual(tags);
  });

  test('each object is emitted once, where it is written, with no ConfigMap', async () => {
    const extraction = await extractFixture('kustomize/common-labels');
    expect(rows(extraction.resources).map((row) => [row.address, row.line])).toEqual([
      ['Deployment/shop/prod-web', 2],
      ['InferenceService/shop/prod-bert', 2],
      ['PersistentVolume/default/prod-disk', 2],
      ['Service/shop/prod-web', 2],
      ['StatefulSet/shop/prod-db', 2],
      ['PersistentVolumeClaim/shop/data-prod-db', 11],
    ]);
    expect(resourceAt(extraction, 'Deployment/shop/prod-web').file).toBe('deployment.yaml');
  });

  test('a kustomize label points at the kustomization file and line', async () => {
    const extraction = await extractFixture('kustomize/common-labels');
    const deployment = resourceAt(extraction, 'Deployment/shop/prod-web');
    expect(deployment.origins?.['app']).toEqual({
      file: 'kustomization.yaml',
      line: 6,
      source: 'kustomize commonLabels',
    });
    expect(deployment.origins?.['tier']).toEqual({ line: 9, source: 'pod template' });
    expect(deployment.annotations).toEqual({ owner: 'alice' });
    expect(deployment.attributes?.['kustomization']).toBe('kustomization.yaml');
  });
});

describe('kustomize labels', () => {
  test.each([
    [
      'includeTemplates reaches the pod template; plain pairs do not',
      false,
      { app: 'web', team: 'payments' },
    ],
    ['with requireOnMetadata, only keys on both places count', true, { team: 'payments' }],
  ])('%s', async (_name, requireOnMetadata, tags) => {
    const extraction = await extractFixture(
      'kustomize/labels-templates',
      testPolicy({ requireOnMetadata }),
    );
    expect(rows(extraction.resources)).toEqual([
      { address: 'Deployment/default/web', line: 2, tagsLine: 8, tags },
    ]);
  });
});

describe('kustomize overlays, components and patches', () => {
  test('each root overlay builds the base its own way; the base alone is not emitted', async () => {
    const extraction = await extractFixture('kustomize/overlay');
    expect(rows(extraction.resources)).toEqual([
      {
        address: 'Deployment/prod/api',
        line: 2,
        tagsLine: 8,
        tags: { app: 'shop', team: 'payments', 'cost-center': '42', env: 'prod' },
      },
      {
        address: 'Deployment/staging/api',
        line: 2,
        tagsLine: 8,
        tags: { tier: 'backend', app: 'shop' },
      },
      {
        address: 'Service/staging/frontend-external',
        line: 2,
        tagsLine: undefined,
        tags: { app: 'shop' },
      },
    ]);
    expect(extraction.errors).toEqual([]);
    expect(extraction.notices).toEqual([]);
  });

  test('patched labels point at the patch that set them', async () => {
    const extraction = await extractFixture('kustomize/overlay');
    const origins = resourceAt(extraction, 'Deployment/prod/api').origins;
    expect(origins?.['team']).toEqual({
      file: 'overlays/prod/team-patch.yaml',
      line: 9,
      source: 'kustomize patch',
    });
    expect(origins?.['cost-center']).toEqual({
      file: 'overlays/prod/kustomization.yaml',
      line: 18,
      source: 'kustomize patch',
    });
  });

  test('a base outside the scanned folder is read from disk', async () => {
    const extraction = await extractFixture('kustomize/overlay/overlays/staging');
    expect(extraction.resources.map((resource) => [resource.address, resource.file])).toEqual([
      ['Deployment/staging/api', '../../base/deployment.yaml'],
      ['Service/staging/frontend-external', '../../base/service.yaml'],
    ]);
  });
});

describe('kustomizations that cannot be followed', () => {
  test('remote, missing and unapplied entries are notices; a cycle is an error', async () => {
    const extraction = await extractFixture('kustomize/problems');
    expect(extraction.resources.map((resource) => resource.address)).toEqual([
      'PersistentVolumeClaim/default/data',
    ]);
    expect(extraction.errors).toEqual([
      {
        file: 'loop-b/kustomization.yaml',
        line: 2,
        message: 'kustomization entry ../loop-a leads back to this kustomization (a cycle)',
      },
    ]);
    expect(extraction.notices.map((notice) => notice.message)).toEqual([
      'kustomization fields not applied: replacements; labels they set are not seen',
      'kustomization entry https://github.com/example/repo//deploy?ref=v1 (line 2) is remote ' +
        'and not fetched; objects it adds are not checked',
      'kustomization entry missing.yaml (line 3) does not exist; ' +
        'objects it would add are not checked',
    ]);
  });
});

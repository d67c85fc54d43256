import { describe, expect, test } from 'vitest';
import { kubernetesKind, type KubernetesKindFacts } from '../../src/catalog/index.js';

describe('kubernetesKind', () => {
  test.each<[string, string, string | undefined, KubernetesKindFacts | undefined]>([
    [
      'a Deployment has a pod template',
      'Deployment',
      'apps',
      { costBearing: 'yes', podTemplatePath: 'spec.template.metadata.labels' },
    ],
    [
      'a CronJob template sits inside the job template',
      'CronJob',
      'batch',
      { costBearing: 'yes', podTemplatePath: 'spec.jobTemplate.spec.template.metadata.labels' },
    ],
    ['a core Service is conditional', 'Service', 'core', { costBearing: 'conditional' }],
    [
      'a Service without a group is the core one',
      'Service',
      undefined,
      { costBearing: 'conditional' },
    ],
    [
      'a Knative Service is a workload',
      'Service',
      'serving.knative.dev',
      { costBearing: 'yes', podTemplatePath: 'spec.template.metadata.labels' },
    ],
    [
      'alternative template paths are joined with ;',
      'RayCluster',
      'ray.io',
      {
        costBearing: 'yes',
        podTemplatePath:
          'spec.headGroupSpec.template.metadata.labels;' +
          'spec.workerGroupSpecs[*].template.metadata.labels',
      },
    ],
    ['a volume claim has no template', 'PersistentVolumeClaim', 'core', { costBearing: 'yes' }],
    [
      'an extensions/v1beta1 Deployment is the apps one',
      'Deployment',
      'extensions',
      { costBearing: 'yes', podTemplatePath: 'spec.template.metadata.labels' },
    ],
    [
      'an extensions Ingress is conditional',
      'Ingress',
      'extensions',
      { costBearing: 'conditional' },
    ],
    ['a CRD reusing a known name is not mistaken for it', 'Workflow', 'example.com', undefined],
    ['a ConfigMap creates no cost', 'ConfigMap', 'core', undefined],
  ])('%s', (_name, kind, apiGroup, expected) => {
    expect(kubernetesKind(kind, apiGroup)).toEqual(expected);
  });
});

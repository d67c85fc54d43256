import { describe, expect, test } from 'vitest';
import { extractInline, resourceAt, rows } from './helpers.js';

const SERVICE = (type: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    team: edge
spec:
  type: ${type}
  ports: [{ port: 80 }]
`;

const NOT_COST_BEARING = `apiVersion: v1
kind: ConfigMap
metadata: { name: a }
---
apiVersion: v1
kind: Secret
metadata: { name: b }
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: c }
---
apiVersion: v1
kind: Namespace
metadata: { name: d }
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: e }
`;

describe('which objects are reported', () => {
  test.each([
    ['a LoadBalancer Service', SERVICE('LoadBalancer'), ['Service/default/web']],
    ['not a ClusterIP Service', SERVICE('ClusterIP'), []],
    ['not a NodePort Service', SERVICE('NodePort'), []],
    ['no ConfigMap, Secret, ServiceAccount, Namespace or HPA', NOT_COST_BEARING, []],
    [
      'an Ingress of a cloud class, not one of nginx',
      `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: cloud }
spec: { ingressClassName: alb }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: inside, annotations: { kubernetes.io/ingress.class: nginx } }
`,
      ['Ingress/default/cloud'],
    ],
    [
      'a Knative Service, by its revision template (not as a core Service)',
      `apiVersion: serving.knative.dev/v1
kind: Service
metadata: { name: fn }
spec:
  template:
    metadata:
      labels: { team: ml }
`,
      ['Service/default/fn'],
    ],
  ])('%s', async (_name, text, addresses) => {
    const extraction = await extractInline({ 'objects.yaml': text });
    expect(extraction.resources.map((resource) => resource.address)).toEqual(addresses);
  });

  test('a PVC and a PV are judged by their metadata labels', async () => {
    const text = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  namespace: db
  labels:
    team: storage
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: disk
`;
    expect(rows((await extractInline({ 'storage.yaml': text })).resources)).toEqual([
      { address: 'PersistentVolumeClaim/db/data', line: 2, tagsLine: 6, tags: { team: 'storage' } },
      { address: 'PersistentVolume/default/disk', line: 10, tagsLine: undefined, tags: {} },
    ]);
  });

  test('each volumeClaimTemplate is a PVC with only its own template labels', async () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: cassandra
  namespace: db
spec:
  template:
    metadata:
      labels: { team: data }
  volumeClaimTemplates:
    - metadata:
        name: data
        labels:
          tier: disk
    - metadata:
        name: logs
`;
    expect(rows((await extractInline({ 'sts.yaml': text })).resources)).toEqual([
      { address: 'StatefulSet/db/cassandra', line: 2, tagsLine: 9, tags: { team: 'data' } },
      {
        address: 'PersistentVolumeClaim/db/data-cassandra',
        line: 11,
        tagsLine: 13,
        tags: { tier: 'disk' },
      },
      {
        address: 'PersistentVolumeClaim/db/logs-cassandra',
        line: 15,
        tagsLine: undefined,
        tags: {},
      },
    ]);
  });
});

describe('cost-bearing custom resources', () => {
  test('Karpenter: NodePool by node template labels, EC2NodeClass by spec.tags', async () => {
    const text = `apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata:
  name: default
spec:
  subnetSelectorTerms:
    - tags:
        karpenter.sh/discovery: cluster
  tags:
    CostCenter: "1234"
---
apiVersion: karpenter.sh/v1
kind: NodePool
metadata:
  name: gpu
spec:
  template:
    metadata:
      labels:
        team: ml
`;
    const extraction = await extractInline({ 'karpenter.yaml': text });
    expect(rows(extraction.resources)).toEqual([
      {
        address: 'EC2NodeClass/default/default',
        line: 2,
        tagsLine: 9,
        tags: { CostCenter: '1234' },
      },
      { address: 'NodePool/default/gpu', line: 13, tagsLine: 19, tags: { team: 'ml' } },
    ]);
    const nodeClass = resourceAt(extraction, 'EC2NodeClass/default/default');
    expect(nodeClass).toMatchObject({ tagTarget: 'tags', provider: 'kubernetes' });
    expect(nodeClass.attributes?.['cloudProvider']).toBe('aws');
  });

  test('KServe InferenceService: by the labels of each component written', async () => {
    const text = `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: bert
spec:
  predictor:
    labels:
      team: ml
      model: bert
  transformer:
    labels:
      team: ml
`;
    const [resource] = (await extractInline({ 'isvc.yaml': text })).resources;
    expect(resource).toMatchObject({ address: 'InferenceService/default/bert', tagsLine: 7 });
    expect(resource?.tags).toEqual({ team: 'ml' });
    expect(resource?.variants).toBeUndefined();
  });

  test('RayCluster: a key counts only when head and every worker group have it', async () => {
    const text = `apiVersion: ray.io/v1
kind: RayCluster
metadata:
  name: ray
spec:
  headGroupSpec:
    template:
      metadata:
        labels: { team: ml, env: prod }
  workerGroupSpecs:
    - template:
        metadata:
          labels: { team: ml, env: dev }
    - template:
        spec: {}
`;
    const [resource] = (await extractInline({ 'ray.yaml': text })).resources;
    // The second worker group has no labels, so nothing is on every pod.
    expect(resource?.tags).toEqual({});
    expect(resource?.tagsLine).toBe(9);
  });

  test('values that disagree between templates are null, with each map as a variant', async () => {
    const text = `apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata:
  name: llm
spec:
  leaderWorkerTemplate:
    leaderTemplate:
      metadata:
        labels: { team: ml, role: leader }
    workerTemplate:
      metadata:
        labels: { team: ml, role: worker }
`;
    const [resource] = (await extractInline({ 'lws.yaml': text })).resources;
    expect(resource?.tags).toEqual({ team: 'ml', role: null });
    expect(resource?.variants?.map((variant) => variant.tags['role'])).toEqual([
      'worker',
      'leader',
    ]);
  });

  test('a Kubeflow PyTorchJob: every replica type', async () => {
    const text = `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: train
spec:
  pytorchReplicaSpecs:
    Master:
      template:
        metadata:
          labels: { team: ml, role: master }
    Worker:
      template:
        metadata:
          labels: { team: ml }
`;
    const [resource] = (await extractInline({ 'job.yaml': text })).resources;
    expect(resource?.tags).toEqual({ team: 'ml' });
  });
});

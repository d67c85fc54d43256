/**
 * Kubernetes extraction against its floor: `parseAllDocuments` of the `yaml` package alone,
 * with the one option the product needs to report lines (a `LineCounter`), over the same files. The product side is the whole extractor as the engine
 * runs it (claim, then extract with kustomizations). Both run in this process over texts
 * already in memory, alternating; each round gives one product/floor ratio of CPU times, and
 * the median of those ratios is kept (a paired measure, steadier when the load of the machine
 * drifts between rounds).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { kubernetesExtractor } from '../../src/extract/kubernetes/index.js';
import type { ClaimedFile } from '../../src/extract/types.js';
import {
  claimAndExtract,
  corpusContext,
  pairedResult,
  pairedRounds,
  readCorpus,
} from '../measure.js';
import type { BenchResult } from '../run.js';

const MANIFESTS = 2_000;
const MANIFESTS_PER_FOLDER = 20;
const ROUNDS = 5;
/** Bump when the generated tree changes, so a stale tree is rebuilt. */
const CORPUS_VERSION = '2';
const ROOT = join(import.meta.dirname, '..', '.work', 'kubernetes');

/** `lines` indented by `depth` spaces, one string. */
function block(depth: number, lines: readonly string[]): string {
  return lines.map((line) => ' '.repeat(depth) + line).join('\n');
}

function labels(depth: number, app: string, n: number): string {
  const env = n % 2 === 0 ? 'prod' : 'staging';
  return block(depth, [
    'labels:',
    `  app.kubernetes.io/name: ${app}`,
    `  team: team-${n % 7}`,
    `  cost-center: "cc-${100 + (n % 5)}"`,
    `  env: ${env}`,
  ]);
}

function podSpec(depth: number, app: string): string {
  return block(depth, [
    'spec:',
    '  containers:',
    `    - name: ${app}`,
    `      image: registry.example.com/${app}:1.2.3`,
    '      ports: [{ containerPort: 8080 }]',
    '      resources:',
    '        requests: { cpu: 250m, memory: 256Mi }',
    '        limits: { cpu: "1", memory: 512Mi, nvidia.com/gpu: "1" }',
    '      env:',
    '        - { name: LOG_LEVEL, value: info }',
    '        - { name: PORT, value: "8080" }',
  ]);
}

function head(apiVersion: string, kind: string, name: string, n: number): string {
  return [
    `apiVersion: ${apiVersion}`,
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    `  namespace: ns-${n % 3}`,
    labels(2, name, n),
    '  annotations: { owner: platform }',
  ].join('\n');
}

/** The ten objects of manifest file `n`: workloads, services, storage, config. */
function manifest(n: number): string {
  const app = `app${n}`;
  const template = (depth: number) => [
    block(depth, ['template:', '  metadata:']),
    labels(depth + 4, app, n),
    podSpec(depth + 2, app),
  ];
  const documents = [
    [head('apps/v1', 'Deployment', app, n), 'spec:', '  replicas: 2', ...template(2)],
    [
      head('v1', 'Service', `${app}-lb`, n),
      'spec:',
      '  type: LoadBalancer',
      '  ports: [{ port: 80 }]',
    ],
    [head('v1', 'Service', app, n), 'spec:', '  ports: [{ port: 80 }]'],
    [head('v1', 'ConfigMap', `${app}-config`, n), 'data:', '  other: |', '    multi', '    line'],
    [head('v1', 'PersistentVolumeClaim', `${app}-data`, n), 'spec:', '  accessModes: [RWO]'],
    [
      head('apps/v1', 'StatefulSet', `${app}-db`, n),
      'spec:',
      ...template(2),
      '  volumeClaimTemplates:',
      '    - metadata:',
      '        name: data',
      labels(8, app, n),
    ],
    [
      head('batch/v1', 'CronJob', `${app}-nightly`, n),
      'spec:',
      "  schedule: '0 2 * * *'",
      '  jobTemplate:',
      '    spec:',
      ...template(6),
    ],
    [
      head('serving.kserve.io/v1beta1', 'InferenceService', `${app}-model`, n),
      'spec:',
      '  predictor:',
      labels(4, app, n),
      `    model: { modelFormat: { name: onnx }, storageUri: "s3://models/${app}" }`,
    ],
    [head('v1', 'ServiceAccount', app, n)],
    [head('apps/v1', 'DaemonSet', `${app}-agent`, n), 'spec:', ...template(2)],
  ];
  return documents.map((lines) => lines.join('\n')).join('\n---\n') + '\n';
}

function kustomization(folder: number, files: readonly string[]): string {
  return (
    [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      `namespace: folder-${folder}`,
      'commonLabels:',
      `  owner: team-${folder % 7}`,
      'resources:',
      ...files.map((file) => `  - ${file}`),
    ].join('\n') + '\n'
  );
}

/** Writes the manifest tree once (every other folder with a kustomization); reuses it later. */
async function ensureCorpus(): Promise<string[]> {
  const marker = join(ROOT, `.version-${CORPUS_VERSION}`);
  const present = await readFile(marker, 'utf8').catch(() => undefined);
  const paths: string[] = [];
  for (let first = 0; first < MANIFESTS; first += MANIFESTS_PER_FOLDER) {
    const folderIndex = first / MANIFESTS_PER_FOLDER;
    const folder = join(ROOT, `team${folderIndex}`);
    const names: string[] = [];
    if (present === undefined) await mkdir(folder, { recursive: true });
    for (let index = first; index < first + MANIFESTS_PER_FOLDER; index++) {
      const name = `app${index}.yaml`;
      names.push(name);
      paths.push(join(folder, name));
      if (present === undefined) await writeFile(join(folder, name), manifest(index));
    }
    if (folderIndex % 2 === 1) {
      paths.push(join(folder, 'kustomization.yaml'));
      if (present === undefined) {
        await writeFile(join(folder, 'kustomization.yaml'), kustomization(folderIndex, names));
      }
    }
  }
  if (present === undefined) await writeFile(marker, new Date().toISOString());
  return paths;
}

function parseFloor(files: readonly ClaimedFile[]): number {
  let documents = 0;
  for (const file of files) {
    for (const document of parseAllDocuments(file.text, { lineCounter: new LineCounter() })) {
      documents += document.errors.length === 0 ? 1 : 0;
    }
  }
  return documents;
}

/** Runs the suite: floor and product over the same manifests, alternating. */
export default async function run(): Promise<BenchResult[]> {
  const paths = await ensureCorpus();
  const files = await readCorpus(ROOT, paths, () => 'yaml');
  const context = corpusContext(ROOT);

  const measure = await pairedRounds(
    ROUNDS,
    async () => parseFloor(files),
    () => claimAndExtract(kubernetesExtractor, files, context),
    (_documents, extraction) => {
      if (extraction.errors.length > 0 || extraction.notices.length > 0) {
        throw new Error(`bench corpus did not extract cleanly: ${extraction.errors[0]?.message}`);
      }
    },
  );
  const documents = measure.floor;
  const resources = measure.product.resources.length;
  return [
    pairedResult(
      'kubernetes: extract vs yaml parseAllDocuments',
      measure,
      1.2,
      `${MANIFESTS} manifest files (${documents} documents, ` +
        `${MANIFESTS / MANIFESTS_PER_FOLDER / 2} kustomizations), ${resources} resources; ` +
        `CPU time, median ratio of ${ROUNDS} paired rounds after a warm-up`,
    ),
  ];
}

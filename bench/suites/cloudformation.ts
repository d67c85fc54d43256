/**
 * CloudFormation extraction against its floor: parsing the same templates with the `yaml`
 * package alone (same options: line counter and intrinsic tags). Both run in this process over
 * texts already in memory, alternating, and the median CPU time of the timed rounds is kept.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { cloudFormationExtractor } from '../../src/extract/cloudformation/index.js';
import { templateParseOptions } from '../../src/extract/cloudformation/parse.js';
import type { ClaimedFile, ExtractContext } from '../../src/extract/types.js';
import type { Policy } from '../../src/policy/types.js';
import { readSourceText } from '../../src/sources/read.js';

/** One measured comparison; the same shape as the other suites report. */
export interface BenchResult {
  readonly name: string;
  readonly ratio: number;
  readonly floorMs: number;
  readonly productMs: number;
  readonly peakMB: number;
  readonly target: number;
  readonly note: string;
}

const TEMPLATES = 2_000;
const RESOURCES_PER_TEMPLATE = 20;
const TEMPLATES_PER_FOLDER = 20;
const ROUNDS = 3;
/** Bump when the generated tree changes, so a stale tree is rebuilt. */
const CORPUS_VERSION = '1';
const ROOT = join(import.meta.dirname, '..', '.work', 'cloudformation');

const TYPES = [
  'AWS::S3::Bucket',
  'AWS::EC2::Instance',
  'AWS::DynamoDB::Table',
  'AWS::Lambda::Function',
  'AWS::Serverless::Function',
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::SSM::Parameter',
  'AWS::SNS::Topic',
  'AWS::IAM::Role',
  'AWS::RDS::DBInstance',
];

/** Types whose tags are a `{Key, Value}` list, for the CDK-style JSON templates. */
const JSON_TYPES = ['AWS::S3::Bucket', 'AWS::SNS::Topic', 'AWS::DynamoDB::Table'];

/** The tag block of resource `n` of a YAML template, in the form its type takes. */
function yamlTags(type: string, n: number): string[] {
  const values = [
    '!Ref Env',
    `!Sub "\${Env}-service-${n}"`,
    '!FindInMap [Centers, !Ref Env, Code]',
    '!If [IsProd, gold, bronze]',
    `team-${n % 7}`,
  ];
  const keys = ['Environment', 'Service', 'CostCenter', 'Tier', 'Team'];
  if (type === 'AWS::Serverless::Function' || type === 'AWS::SSM::Parameter') {
    return ['      Tags:', ...keys.map((key, i) => `        ${key}: ${values[i]}`)];
  }
  const propagate =
    type === 'AWS::AutoScaling::AutoScalingGroup' ? ', PropagateAtLaunch: true' : '';
  return [
    '      Tags:',
    ...keys.map((key, i) => `        - {Key: ${key}, Value: ${values[i]}${propagate}}`),
  ];
}

function yamlTemplate(index: number): string {
  const out = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Parameters:',
    '  Env: {Type: String, Default: prod, AllowedValues: [prod, staging]}',
    'Mappings:',
    '  Centers:',
    '    prod: {Code: cc-100}',
    '    staging: {Code: cc-200}',
    'Conditions:',
    '  IsProd: !Equals [!Ref Env, prod]',
    'Globals:',
    '  Function:',
    '    Tags: {Owner: platform}',
    'Resources:',
  ];
  for (let n = 0; n < RESOURCES_PER_TEMPLATE; n++) {
    const type = TYPES[(index + n) % TYPES.length] ?? 'AWS::S3::Bucket';
    out.push(`  Resource${index}x${n}:`, `    Type: ${type}`, '    Properties:');
    out.push(`      Description: !Sub "resource ${n} of \${AWS::StackName}"`);
    out.push(...yamlTags(type, n));
  }
  return out.join('\n') + '\n';
}

function jsonTemplate(index: number): string {
  const resources: Record<string, unknown> = {};
  for (let n = 0; n < RESOURCES_PER_TEMPLATE; n++) {
    resources[`Resource${index}x${n}`] = {
      Type: JSON_TYPES[n % JSON_TYPES.length],
      Properties: {
        Tags: [
          { Key: 'Environment', Value: { Ref: 'Env' } },
          { Key: 'Service', Value: { 'Fn::Join': ['-', [{ Ref: 'Env' }, `svc${n}`]] } },
          { Key: 'CostCenter', Value: { 'Fn::FindInMap': ['Centers', { Ref: 'Env' }, 'Code'] } },
          { Key: 'Team', Value: `team-${n % 7}` },
        ],
      },
      Metadata: { 'aws:cdk:path': `Stack${index}/Resource${n}/Resource` },
    };
  }
  const template = {
    Parameters: { Env: { Type: 'String', Default: 'prod' } },
    Mappings: { Centers: { prod: { Code: 'cc-100' } } },
    Resources: resources,
  };
  return JSON.stringify(template, null, 1) + '\n';
}

/** Writes the template tree once; later runs reuse it. */
async function ensureCorpus(): Promise<string[]> {
  const marker = join(ROOT, `.version-${CORPUS_VERSION}`);
  const present = await readFile(marker, 'utf8').catch(() => undefined);
  const paths: string[] = [];
  for (let index = 0; index < TEMPLATES; index++) {
    const folder = join(ROOT, `app${Math.floor(index / TEMPLATES_PER_FOLDER)}`);
    const json = index % 5 === 4;
    const path = join(folder, json ? `Stack${index}.template.json` : `stack${index}.yaml`);
    paths.push(path);
    if (present !== undefined) continue;
    await mkdir(folder, { recursive: true });
    await writeFile(path, json ? jsonTemplate(index) : yamlTemplate(index));
  }
  if (present === undefined) await writeFile(marker, new Date().toISOString());
  return paths;
}

const POLICY: Policy = {
  version: 1,
  file: '<default>',
  scope: {
    resources: 'cost-bearing',
    excludeTypes: [],
    providers: [],
    paths: [],
    excludePaths: [],
  },
  requireAny: false,
  target: 'labels',
  requireOnMetadata: false,
  tags: [],
};

function parseFloor(files: readonly ClaimedFile[]): number {
  let nodes = 0;
  for (const file of files) {
    const document = parseDocument(file.text, templateParseOptions(new LineCounter()));
    nodes += document.errors.length === 0 ? 1 : 0;
  }
  return nodes;
}

async function extractProduct(files: readonly ClaimedFile[], context: ExtractContext) {
  const claimed = files.filter((file) => cloudFormationExtractor.claim(file, file.text));
  return cloudFormationExtractor.extract(claimed, context);
}

/**
 * CPU time (user + system) of `work`, after a full collection. The machine running the suite
 * is shared, so wall time would mostly measure the neighbours.
 */
async function cpuTimed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  globalThis.gc?.();
  const before = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Runs the suite: floor and product over the same 2,000 templates, alternating. */
export default async function run(): Promise<BenchResult[]> {
  const paths = await ensureCorpus();
  const files: ClaimedFile[] = await Promise.all(
    paths.map(async (absPath) => ({
      absPath,
      file: absPath.slice(ROOT.length + 1),
      kind: absPath.endsWith('.json') ? ('json' as const) : ('yaml' as const),
      text: await readFile(absPath, 'utf8'),
    })),
  );
  const context: ExtractContext = {
    cwd: ROOT,
    policy: POLICY,
    stackTags: {},
    readText: readSourceText,
  };

  const floorTimes: number[] = [];
  const productTimes: number[] = [];
  let resources = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    const floor = await cpuTimed(async () => parseFloor(files));
    const product = await cpuTimed(() => extractProduct(files, context));

    if (floor.result !== files.length || product.result.errors.length > 0) {
      const reason = product.result.errors[0]?.message ?? 'a template did not parse';
      throw new Error(`bench corpus did not parse cleanly: ${reason}`);
    }
    resources = product.result.resources.length;
    // Round 0 warms up the JIT and the catalog; it is not counted.
    if (round > 0) {
      floorTimes.push(floor.ms);
      productTimes.push(product.ms);
    }
  }

  const floorMs = median(floorTimes);
  const productMs = median(productTimes);
  const folders = (await readdir(ROOT)).filter((name) => name.startsWith('app')).length;
  return [
    {
      name: 'cloudformation: extract vs yaml parse',
      ratio: Number((productMs / floorMs).toFixed(3)),
      floorMs: Math.round(floorMs),
      productMs: Math.round(productMs),
      peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
      target: 1.2,
      note:
        `${files.length} templates in ${folders} folders, ${resources} resources; ` +
        `CPU time, median of ${ROUNDS} rounds after a warm-up`,
    },
  ];
}

/**
 * CloudFormation extraction against its floor: parsing the same templates with the `yaml`
 * package alone (same options: line counter and intrinsic tags). Both run in this process over
 * texts already in memory, alternating; each round gives one product/floor ratio of CPU times,
 * and the median of those ratios is kept (a paired measure, steadier when the load of the
 * machine drifts between rounds).
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { cloudFormationExtractor } from '../../src/extract/cloudformation/index.js';
import { templateParseOptions } from '../../src/extract/cloudformation/parse.js';
import type { ClaimedFile } from '../../src/extract/types.js';
import {
  claimAndExtract,
  corpusContext,
  pairedResult,
  pairedRounds,
  readCorpus,
} from '../measure.js';
import type { BenchResult } from '../run.js';

const TEMPLATES = 2_000;
const RESOURCES_PER_TEMPLATE = 20;
const TEMPLATES_PER_FOLDER = 20;
const ROUNDS = 5;
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

function parseFloor(files: readonly ClaimedFile[]): number {
  let nodes = 0;
  for (const file of files) {
    const document = parseDocument(file.text, templateParseOptions(new LineCounter()));
    nodes += document.errors.length === 0 ? 1 : 0;
  }
  return nodes;
}

/** Runs the suite: floor and product over the same 2,000 templates, alternating. */
export default async function run(): Promise<BenchResult[]> {
  const paths = await ensureCorpus();
  const files = await readCorpus(ROOT, paths, (absPath) =>
    absPath.endsWith('.json') ? 'json' : 'yaml',
  );
  const context = corpusContext(ROOT);

  const measure = await pairedRounds(
    ROUNDS,
    async () => parseFloor(files),
    () => claimAndExtract(cloudFormationExtractor, files, context),
    (parsed, extraction) => {
      if (parsed !== files.length || extraction.errors.length > 0) {
        const reason = extraction.errors[0]?.message ?? 'a template did not parse';
        throw new Error(`bench corpus did not parse cleanly: ${reason}`);
      }
    },
  );
  const resources = measure.product.resources.length;
  const folders = (await readdir(ROOT)).filter((name) => name.startsWith('app')).length;
  return [
    pairedResult(
      'cloudformation: extract vs yaml parse',
      measure,
      1.2,
      `${files.length} templates in ${folders} folders, ${resources} resources; ` +
        `CPU time, median ratio of ${ROUNDS} paired rounds after a warm-up`,
    ),
  ];
}

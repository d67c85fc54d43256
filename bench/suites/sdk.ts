// SDK extractor benchmark: generates Python and TypeScript files with SDK calls under
// bench/.work/sdk, then times bare tree-sitter parsing of them (the floor) against the whole
// extractor (parse, facts, evaluation, resources) in the same run.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClaimedFile, ExtractContext } from '../../src/extract/types.js';
import { sdkExtractor } from '../../src/extract/sdk/index.js';
import { grammarFor, parseSource } from '../../src/extract/sdk/parser.js';
import { benchPolicy, cpuTimed, median } from '../measure.js';
import type { BenchResult } from '../run.js';

const FILES_PER_LANGUAGE = 500;
const ROUNDS = Number(process.env.SDK_BENCH_ROUNDS ?? 7);
const work = fileURLToPath(new URL('../.work/sdk/', import.meta.url));

function pythonFile(index: number): string {
  const helpers = Array.from(
    { length: 12 },
    (_, n) => `
def helper_${n}(items, limit=${n + 1}):
    """Filters and scores items."""
    result = []
    for item in items:
        if item.get("score", 0) > limit and item["name"].startswith("job-${n}"):
            result.append({"name": item["name"], "score": item["score"] * ${n + 2}})
    return sorted(result, key=lambda entry: entry["score"])
`,
  ).join('');
  return `import os
import boto3
from openai import OpenAI
from sagemaker.estimator import Estimator

TEAM = "team-${index % 7}"
COMMON_TAGS = [{"Key": "CostCenter", "Value": "cc-${index % 13}"}, {"Key": "Team", "Value": TEAM}]
client = OpenAI(project="proj_${index}")
${helpers}

class Launcher:
    def __init__(self, region):
        self.sm = boto3.client("sagemaker", region_name=region)
        self.ec2 = boto3.client("ec2")

    def train(self, name, params):
        self.sm.create_training_job(TrainingJobName=name, Tags=COMMON_TAGS, **params)

    def launch(self, ami):
        response = self.ec2.run_instances(
            ImageId=ami, MinCount=1, MaxCount=1, InstanceType="g5.xlarge",
            TagSpecifications=[{"ResourceType": "instance", "Tags": COMMON_TAGS}],
        )
        instance_id = response["Instances"][0]["InstanceId"]
        self.ec2.create_tags(Resources=[instance_id], Tags=[{"Key": "Owner", "Value": os.environ["USER"]}])
        return instance_id


def fit(role):
    estimator = Estimator(image_uri="img", role=role, instance_type="ml.m5.xlarge", tags=COMMON_TAGS)
    estimator.fit({"train": "s3://bucket/train"})


def ask(question):
    return client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": question}], user="svc-${index}"
    )
`;
}

function typescriptFile(index: number): string {
  const helpers = Array.from(
    { length: 12 },
    (_, n) => `
export function helper${n}(items: readonly { name: string; score: number }[], limit = ${n + 1}) {
  const result: { name: string; score: number }[] = [];
  for (const item of items) {
    if (item.score > limit && item.name.startsWith('job-${n}')) {
      result.push({ name: item.name, score: item.score * ${n + 2} });
    }
  }
  return result.sort((a, b) => a.score - b.score);
}
`,
  ).join('');
  return `import { EC2Client, RunInstancesCommand, CreateTagsCommand } from '@aws-sdk/client-ec2';
import Anthropic from '@anthropic-ai/sdk';

const ec2 = new EC2Client({});
const anthropic = new Anthropic();
const tags = [{ Key: 'CostCenter', Value: 'cc-${index % 13}' }];
${helpers}

export async function launch(ami: string): Promise<string | undefined> {
  const data = await ec2.send(
    new RunInstancesCommand({
      ImageId: ami,
      MinCount: 1,
      MaxCount: 1,
      TagSpecifications: [{ ResourceType: 'instance', Tags: tags }],
    }),
  );
  const id = data.Instances?.[0]?.InstanceId;
  await ec2.send(new CreateTagsCommand({ Resources: [id ?? ''], Tags: [{ Key: 'Team', Value: 't' }] }));
  return id;
}

export async function ask(question: string) {
  return anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 512,
    metadata: { user_id: 'svc-${index}' },
    messages: [{ role: 'user', content: question }],
  });
}
`;
}

function generate(): ClaimedFile[] {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const files: ClaimedFile[] = [];
  for (let index = 0; index < FILES_PER_LANGUAGE; index += 1) {
    for (const [name, text] of [
      [`job_${index}.py`, pythonFile(index)],
      [`job${index}.ts`, typescriptFile(index)],
    ] as const) {
      const absPath = join(work, name);
      writeFileSync(absPath, text);
      files.push({ absPath, file: `bench/.work/sdk/${name}`, kind: 'code', text });
    }
  }
  return files;
}

const context: ExtractContext = {
  cwd: process.cwd(),
  policy: benchPolicy('<bench>'),
  stackTags: {},
  readText: () => Promise.reject(new Error('the benchmark passes texts in')),
};

async function parseOnly(files: readonly ClaimedFile[]): Promise<void> {
  for (const file of files) {
    const grammar = grammarFor(file.file);
    if (!grammar) continue;
    (await parseSource(file.text, grammar)).delete();
  }
}

/** CPU time of `run` in milliseconds, with no collection first (the rounds run back to back). */
async function timeMs(run: () => Promise<unknown>): Promise<number> {
  return (await cpuTimed(run, { collectFirst: false })).ms;
}

/**
 * Runs the suite: parse-only floor against the extractor, alternating, for 7 rounds unless
 * SDK_BENCH_ROUNDS says otherwise. The ratio is the median of each round's product/floor
 * ratio, as the other suites report it: a round's two sides run back to back, so a change of
 * load on the machine between rounds moves both.
 */
export default async function run(): Promise<BenchResult[]> {
  const files = generate();
  // Both sides are warmed up on every file once, so neither round one pays for compilation.
  await parseOnly(files);
  await sdkExtractor.extract(files, context);
  let resources = 0;
  const floor: number[] = [];
  const product: number[] = [];
  const ratios: number[] = [];
  let peak = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const floorMs = await timeMs(() => parseOnly(files));
    const productMs = await timeMs(async () => {
      resources = (await sdkExtractor.extract(files, context)).resources.length;
    });
    floor.push(floorMs);
    product.push(productMs);
    ratios.push(productMs / floorMs);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const floorMs = median(floor);
  const productMs = median(product);
  return [
    {
      name: 'sdk: extract 1,000 Python/TypeScript files',
      ratio: Number(median(ratios).toFixed(3)),
      floorMs: Math.round(floorMs),
      productMs: Math.round(productMs),
      peakMB: Math.round(peak / 1024 / 1024),
      target: 1.3,
      note: `${files.length} files, ${resources} resources; floor = tree-sitter parse only; CPU ms`,
    },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await run(), null, 2));
}

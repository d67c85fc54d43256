/**
 * Terraform extraction against bare parsing. Generates 2,000 `.tf` files (100 folders of 20;
 * about 40,000 resources with tag maps, locals, merge() and provider default_tags) under
 * bench/.work/terraform, then times in one process: (a) `@cdktn/hcl2json` `parse` of every
 * file, the floor, since the extractor must parse each file at least that way; (b) the
 * Terraform extractor on the same files. Each is run five times, alternating, and the
 * fastest run of each counts. Times are the process's CPU time (user + system): the machine
 * is shared, and wall time there measures the neighbours as much as the code; the wall-time
 * ratio is printed in the note.
 */
import { parse } from '@cdktn/hcl2json';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terraformExtractor } from '../../src/extract/terraform/index.js';
import type { ClaimedFile, ExtractContext } from '../../src/extract/types.js';
import { loadPolicyText } from '../../src/policy/load.js';
import { readSourceText } from '../../src/sources/read.js';
import type { BenchResult } from '../run.js';

const FOLDERS = 100;
const FILES_PER_FOLDER = 20;
const RESOURCES_PER_FILE = 21;
/** Rounds of each side; on a shared machine the fastest of a few is the steadiest figure. */
const ROUNDS = 5;
const TYPES = ['aws_instance', 'aws_s3_bucket', 'aws_ebs_volume', 'aws_sqs_queue', 'aws_lb'];

const work = fileURLToPath(new URL('../.work/terraform/', import.meta.url));

function providersFile(folder: number): string {
  return `variable "env" {
  default = "prod"
}

variable "base" {
  default = {
    Owner   = "platform"
    Project = "bench-${folder}"
  }
}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Environment = var.env
      ManagedBy   = "terraform"
    }
  }
}

locals {
  common = merge(var.base, { Folder = "f${folder}" })
}
`;
}

function resourceBlock(folder: number, file: number, index: number): string {
  const type = TYPES[index % TYPES.length] ?? 'aws_instance';
  const name = `r_${file}_${index}`;
  const tags =
    index % 3 === 0
      ? `merge(local.common, {
    Name       = "${name}"
    CostCenter = "cc-${folder}-${index % 7}"
    "app:role" = "web"
  })`
      : index % 3 === 1
        ? 'local.common'
        : `{
    Name       = "${name}-\${var.env}"
    CostCenter = "cc-${index}" # owner team
    Tier       = ${index % 2 === 0 ? 'true' : '2'}
  }`;
  return `
# ${type} number ${index}
resource "${type}" "${name}" {
  description = "resource ${index} of file ${file}"
  size        = ${index}
  tags = ${tags}
}
`;
}

async function generate(): Promise<ClaimedFile[]> {
  await rm(work, { recursive: true, force: true });
  const files: ClaimedFile[] = [];
  for (let folder = 0; folder < FOLDERS; folder++) {
    const dir = join(work, `stack-${folder}`);
    await mkdir(dir, { recursive: true });
    for (let file = 0; file < FILES_PER_FOLDER; file++) {
      const name = file === 0 ? 'providers.tf' : `main-${file}.tf`;
      let text = providersFile(folder);
      if (file > 0) {
        text = '';
        for (let index = 0; index < RESOURCES_PER_FILE; index++) {
          text += resourceBlock(folder, file, index);
        }
      }
      const absPath = join(dir, name);
      await writeFile(absPath, text);
      const shown = relative(process.cwd(), absPath).split(sep).join('/');
      files.push({ absPath, file: shown, kind: 'hcl', text });
    }
  }
  return files;
}

/** CPU and wall milliseconds spent in `work`. */
interface Timing {
  readonly cpu: number;
  readonly wall: number;
}

async function timed(work: () => Promise<void>): Promise<Timing> {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  await work();
  const cpu = process.cpuUsage(cpuStart);
  return { cpu: (cpu.user + cpu.system) / 1000, wall: performance.now() - wallStart };
}

async function bareParse(files: readonly ClaimedFile[]): Promise<void> {
  for (const file of files) await parse(file.file, file.text);
}

async function extract(files: readonly ClaimedFile[], context: ExtractContext): Promise<void> {
  const extraction = await terraformExtractor.extract(files, context);
  if (extraction.errors.length > 0 || extraction.resources.length === 0) {
    throw new Error(
      `the extractor failed on generated files: ${JSON.stringify(extraction.errors[0])}`,
    );
  }
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/** Runs the Terraform suite. */
export default async function run(): Promise<BenchResult[]> {
  const files = await generate();
  const context: ExtractContext = {
    cwd: process.cwd(),
    policy: loadPolicyText('version: 1\ntags: {}\n', 'bench-policy.yaml'),
    stackTags: {},
    readText: readSourceText,
  };
  await parse('warm-up.tf', files[0]?.text ?? '');
  const floors: Timing[] = [];
  const products: Timing[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    collectGarbage();
    floors.push(await timed(() => bareParse(files)));
    collectGarbage();
    products.push(await timed(() => extract(files, context)));
  }
  const fastest = (timings: readonly Timing[], key: keyof Timing): number =>
    Math.min(...timings.map((timing) => timing[key]));
  const floorMs = fastest(floors, 'cpu');
  const productMs = fastest(products, 'cpu');
  const wallRatio = fastest(products, 'wall') / fastest(floors, 'wall');
  const resources = (await terraformExtractor.extract(files, context)).resources.length;
  return [
    {
      name: 'extract vs hcl2json parse (CPU)',
      ratio: productMs / floorMs,
      floorMs,
      productMs,
      peakMB: process.resourceUsage().maxRSS / 1024,
      target: 1.2,
      note: `${files.length} files, ${resources} resources; wall-time ratio ${wallRatio.toFixed(3)}`,
    },
  ];
}

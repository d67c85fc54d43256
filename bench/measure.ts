/**
 * Measuring helpers shared by the extractor suites: CPU time of one side, medians, the paired
 * floor/product rounds, and the corpus, context and policy the extractors run under.
 */
import { readFile } from 'node:fs/promises';
import type { ClaimedFile, ExtractContext, Extractor } from '../src/extract/types.js';
import type { Extraction } from '../src/model.js';
import type { Policy } from '../src/policy/types.js';
import { readSourceText } from '../src/sources/read.js';
import type { BenchResult } from './run.js';

/** What `work` returned and the CPU time it took, in milliseconds. */
export interface Timed<T> {
  readonly result: T;
  readonly ms: number;
}

/**
 * CPU time (user + system) of `work`, after a full collection when the process exposes `gc`
 * and `collectFirst` is not false. The machine running the suites is shared, so wall time
 * would mostly measure the neighbours.
 */
export async function cpuTimed<T>(
  work: () => Promise<T>,
  options: { readonly collectFirst?: boolean } = {},
): Promise<Timed<T>> {
  if (options.collectFirst !== false) globalThis.gc?.();
  const before = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}

/** The middle value (the upper one of an even count); 0 for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Medians of the counted rounds, and the results of the last round. */
export interface PairedMeasure<F, P> {
  readonly floorMs: number;
  readonly productMs: number;
  /** Median of the per-round product/floor ratios. */
  readonly ratio: number;
  readonly floor: F;
  readonly product: P;
}

/**
 * Runs `floor` then `product` for a warm-up round and `rounds` counted ones, each timed after a
 * full collection; `check` sees every round's results and throws when they are wrong.
 */
export async function pairedRounds<F, P>(
  rounds: number,
  floor: () => Promise<F>,
  product: () => Promise<P>,
  check: (floor: F, product: P) => void,
): Promise<PairedMeasure<F, P>> {
  const floorTimes: number[] = [];
  const productTimes: number[] = [];
  const ratios: number[] = [];
  let last: { floor: F; product: P } | undefined;
  for (let round = 0; round <= rounds; round++) {
    const floorRun = await cpuTimed(floor);
    const productRun = await cpuTimed(product);
    check(floorRun.result, productRun.result);
    last = { floor: floorRun.result, product: productRun.result };
    // Round 0 warms up the JIT and the catalog; it is not counted.
    if (round > 0) {
      floorTimes.push(floorRun.ms);
      productTimes.push(productRun.ms);
      ratios.push(productRun.ms / floorRun.ms);
    }
  }
  if (last === undefined) throw new Error('pairedRounds ran no round');
  return {
    floorMs: median(floorTimes),
    productMs: median(productTimes),
    ratio: median(ratios),
    floor: last.floor,
    product: last.product,
  };
}

/** A policy that asks for no tag: the extractor suites measure extraction, not rules. */
export function benchPolicy(file: string): Policy {
  return {
    version: 1,
    file,
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
}

/** The generated files at `paths` below `root`, read into memory once, named relative to it. */
export async function readCorpus(
  root: string,
  paths: readonly string[],
  kindOf: (absPath: string) => ClaimedFile['kind'],
): Promise<ClaimedFile[]> {
  return Promise.all(
    paths.map(async (absPath) => ({
      absPath,
      file: absPath.slice(root.length + 1),
      kind: kindOf(absPath),
      text: await readFile(absPath, 'utf8'),
    })),
  );
}

/** The extract context of a corpus below `root`, reading files as the check does. */
export function corpusContext(root: string): ExtractContext {
  return {
    cwd: root,
    policy: benchPolicy('<default>'),
    stackTags: {},
    readText: readSourceText,
  };
}

/** The product side of an extractor suite: the files `extractor` claims, then its extraction. */
export async function claimAndExtract(
  extractor: Extractor,
  files: readonly ClaimedFile[],
  context: ExtractContext,
): Promise<Extraction> {
  const claimed = files.filter((file) => extractor.claim(file, file.text));
  return extractor.extract(claimed, context);
}

/** A suite's result row from its paired measure, with the process's peak resident memory. */
export function pairedResult(
  name: string,
  measure: PairedMeasure<unknown, unknown>,
  target: number,
  note: string,
): BenchResult {
  return {
    name,
    ratio: Number(measure.ratio.toFixed(3)),
    floorMs: Math.round(measure.floorMs),
    productMs: Math.round(measure.productMs),
    peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
    target,
    note,
  };
}

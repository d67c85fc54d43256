import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Policy } from '../policy/types.js';
import { CostAccumulator } from './aggregate/accumulator.js';
import { buildSnapshot } from './aggregate/finalize.js';
import { projectTagsOf } from './attribution.js';
import { BillingInputError, describeIoError } from './errors.js';
import { RowContext, type ProjectTags } from './formats/cells.js';
import type { LayoutOptions } from './formats/layout.js';
import { readCsv } from './readers/csv.js';
import { readJson } from './readers/json.js';
import { firstCharacter, openText, sniffContainer } from './readers/open.js';
import { readParquet } from './readers/parquet.js';
import type { CostMeasure, FormatOption } from './record.js';
import type { Snapshot } from './snapshot/types.js';
import { TagNormalizer } from './tags/normalize.js';

export interface IngestOptions {
  readonly format: FormatOption;
  /** Its tag keys are the canonical keys; its `billing.projects` attributes AI spend. */
  readonly policy: Policy;
  /** The snapshot's `generatedAt`; defaults to the current time. */
  readonly now?: Date;
  /** Project or workspace id -> tags; entries override the policy's `billing.projects`. */
  readonly mapping?: ProjectTags;
  /** `billed` (default) or `effective` (FOCUS `EffectiveCost`; other formats have one cost). */
  readonly measure?: CostMeasure;
  /** Working directory that relative `files` are resolved against; defaults to the process's. */
  readonly cwd?: string;
}

/**
 * Reads billing exports (CSV, gzip CSV, Parquet, JSON or JSON lines; several files, each
 * format detected on its own unless `format` names one), streams every row into bounded
 * aggregates and returns the snapshot. Unreadable files throw `BillingInputError`; bad rows
 * are counted in the snapshot with file and line. A path given twice is read once.
 */
export async function ingestFiles(
  files: readonly string[],
  options: IngestOptions,
): Promise<Snapshot> {
  if (files.length === 0) throw new BillingInputError('(none)', 0, 'no billing files given');
  const normalizer = TagNormalizer.forPolicy(options.policy);
  const projects = { ...projectTagsOf(options.policy), ...(options.mapping ?? {}) };
  const context = new RowContext(normalizer, projects);
  const accumulator = new CostAccumulator();
  const layoutOptions: LayoutOptions = { measure: options.measure ?? 'billed' };

  const seen = new Set<string>();
  for (const file of files) {
    const path = resolve(options.cwd ?? '.', file);
    const identity = await realpath(path).catch(() => path);
    if (seen.has(identity)) continue;
    seen.add(identity);
    await ingestOne(path, file, options.format, context, accumulator, layoutOptions).catch(
      (cause: unknown) => {
        throw asInputError(cause, file);
      },
    );
  }

  return buildSnapshot(accumulator, normalizer, {
    generatedAt: options.now ?? new Date(),
    measure: layoutOptions.measure,
    policyKeys: options.policy.tags.map((rule) => rule.key),
    requiredKeys: options.policy.tags.filter((rule) => rule.required).map((rule) => rule.key),
  });
}

async function ingestOne(
  path: string,
  file: string,
  format: FormatOption,
  context: RowContext,
  accumulator: CostAccumulator,
  layoutOptions: LayoutOptions,
): Promise<void> {
  const container = await sniffContainer(path, file);
  if (container === 'parquet') {
    await readParquet(path, file, format, context, accumulator, layoutOptions);
    return;
  }
  const first = await firstCharacter(path, container);
  const reader = first === '{' || first === '[' ? readJson : readCsv;
  await reader(openText(path, container), file, format, context, accumulator, layoutOptions);
}

/**
 * A stream error of the file itself, met by any reader (the first bytes sniffed, a gzip member
 * cut short, a read that failed), as the input error it is; other errors pass unchanged.
 */
function asInputError(cause: unknown, file: string): unknown {
  if (cause instanceof BillingInputError || !(cause instanceof Error) || !('code' in cause)) {
    return cause;
  }
  const reason = String(cause.code).startsWith('Z_')
    ? `gzip data is corrupt: ${cause.message}`
    : `cannot read file: ${describeIoError(cause)}`;
  return new BillingInputError(file, 0, reason, { cause });
}

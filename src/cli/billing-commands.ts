import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import {
  BillingInputError,
  FORMAT_OPTIONS,
  ingestFiles,
  readSnapshot,
  SnapshotError,
  writeSnapshotAtomically,
  type CostMeasure,
  type FormatOption,
  type Snapshot,
} from '../billing/index.js';
import { check } from '../engine/check.js';
import { loadPolicy } from '../policy/load.js';
import { normalizeKey } from '../policy/forms.js';
import type { Policy } from '../policy/types.js';
import {
  buildCostReport,
  CostReportError,
  formatMoney,
  renderCostJson,
  renderCostMarkdown,
} from '../report/cost/index.js';
import { EXIT, UsageError, writeOutputFile, type CliIo } from './io.js';

/** Bad-row samples printed by `ingest`; the snapshot keeps more. */
const PRINTED_SAMPLES = 10;

interface IngestFlags {
  readonly out: string;
  readonly format: FormatOption;
  readonly policy?: string;
  readonly measure: CostMeasure;
}

interface ReportFlags {
  readonly snapshot?: string;
  readonly policy?: string;
  readonly format: 'markdown' | 'json';
  readonly groupBy?: string;
  readonly output?: string;
  readonly now?: string;
}

/** `openclaw-tags ingest` and `report`: billing exports to snapshots, snapshots to reports. */
export function registerBillingCommands(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
): void {
  program
    .command('ingest')
    .description('read billing exports into a cost snapshot (JSON) by tag')
    .argument('<files...>', 'billing exports: CSV, CSV.gz, Parquet, JSON or JSON lines')
    .requiredOption('--out <file>', 'where to write the snapshot')
    .addOption(
      new Option('--format <format>', 'export format; auto detects it per file from its header')
        .choices([...FORMAT_OPTIONS])
        .default('auto'),
    )
    .option(
      '--policy <file>',
      'tag policy: canonical keys and billing.projects (default: embedded)',
    )
    .addOption(
      new Option('--measure <measure>', 'cost to count: invoiced, or FOCUS EffectiveCost')
        .choices(['billed', 'effective'])
        .default('billed'),
    )
    .action(async (files: string[], options: Record<string, unknown>) => {
      setExitCode(await runIngest(files, options as unknown as IngestFlags, io));
    });

  program
    .command('report')
    .description('report spend from a snapshot, grouped by tag keys with subtotals')
    .argument(
      '[snapshot-and-paths...]',
      'the snapshot (unless --snapshot is given), then files or folders whose tag values to show',
    )
    .option('--snapshot <file>', 'snapshot written by ingest; then every argument is a path')
    .option(
      '--policy <file>',
      'tag policy used to read the paths and for the default group-by key (default: embedded)',
    )
    .option(
      '--group-by <keys>',
      'comma-separated tag keys, outermost first ' +
        "(default: the first key of --policy, else of the snapshot's policy)",
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['markdown', 'json'])
        .default('markdown'),
    )
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--now <time>', 'ISO time the report is for, which dates the snapshot (default: now)')
    .action(async (args: string[], options: Record<string, unknown>) => {
      setExitCode(await runReport(args, options as unknown as ReportFlags, io));
    });
}

/** `ingest`: reads every file, writes the snapshot atomically, prints what was read. */
async function runIngest(files: readonly string[], flags: IngestFlags, io: CliIo): Promise<number> {
  const policy = await loadPolicy(flags.policy, io.cwd);
  const snapshot = await asUsageError(() =>
    ingestFiles(files, {
      format: flags.format,
      policy,
      measure: flags.measure,
      cwd: io.cwd,
      now: generatedAt(io),
    }),
  );
  await asUsageError(() => writeSnapshotAtomically(resolve(io.cwd, flags.out), snapshot));
  io.stdout.write(ingestSummary(snapshot, flags.out));
  for (const line of rowProblemLines(snapshot)) io.stderr.write(`openclaw-tags: ${line}\n`);
  return EXIT.ok;
}

/**
 * The snapshot's `generatedAt`: now, or `SOURCE_DATE_EPOCH` (seconds) when set, so that a
 * snapshot built again from the same exports has the same bytes.
 */
function generatedAt(io: CliIo): Date {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d+$/.test(epoch)) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
  }
  return new Date(Number(epoch) * 1000);
}

function ingestSummary(snapshot: Snapshot, out: string): string {
  const lines = [`wrote ${out}: ${snapshot.rows} rows from ${snapshot.sources.length} file(s)`];
  for (const source of snapshot.sources) {
    const days =
      source.firstDay === null ? 'no charges' : `${source.firstDay} to ${source.lastDay}`;
    const bad = source.badRows > 0 ? `, ${source.badRows} bad` : '';
    lines.push(`  ${source.file}: ${source.format}, ${source.rows} rows${bad}, ${days}`);
  }
  if (snapshot.period !== null) {
    const totals = snapshot.totals.map((total) => formatMoney(total.amount, total.currency));
    lines.push(`  period ${snapshot.period.start} to ${snapshot.period.end}: ${totals.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Bad rows and unreadable tags, counted by reason, with their first lines; then warnings. */
function rowProblemLines(snapshot: Snapshot): string[] {
  const lines: string[] = [];
  for (const [label, log] of [
    ['bad rows, not counted', snapshot.badRows],
    ['rows with unreadable tags, counted as untagged', snapshot.tagProblems],
  ] as const) {
    if (log.count === 0) continue;
    const reasons = Object.entries(log.byReason).map(([reason, count]) => `${count} ${reason}`);
    lines.push(`${log.count} ${label} (${reasons.join('; ')})`);
    for (const sample of log.samples.slice(0, PRINTED_SAMPLES)) {
      lines.push(`  ${sample.file}:${sample.line}: ${sample.reason}`);
    }
    if (log.count > PRINTED_SAMPLES) {
      lines.push(`  ... ${log.count - Math.min(PRINTED_SAMPLES, log.samples.length)} more`);
    }
  }
  for (const source of snapshot.sources) {
    for (const note of source.notes) lines.push(`${source.file}: ${note}`);
  }
  for (const warning of snapshot.warnings) lines.push(`warning: ${warning}`);
  return lines;
}

/** `report`: the snapshot's spend, with the tag values of resources under the given paths. */
async function runReport(args: readonly string[], flags: ReportFlags, io: CliIo): Promise<number> {
  const [snapshotPath, paths] =
    flags.snapshot !== undefined ? [flags.snapshot, args] : [args[0], args.slice(1)];
  if (snapshotPath === undefined) {
    throw new UsageError('report needs a snapshot: `openclaw-tags report SNAPSHOT.json`');
  }
  const now = reportTime(flags.now);
  // A named policy is loaded (and refused when missing or invalid) even without paths, since
  // it also gives the default group-by key.
  const policy = flags.policy === undefined ? undefined : await loadPolicy(flags.policy, io.cwd);
  const snapshot = await asUsageError(() => readSnapshot(resolve(io.cwd, snapshotPath)));
  const touched =
    paths.length > 0
      ? await touchedValues(paths, policy ?? (await loadPolicy(undefined, io.cwd)), snapshot, io)
      : {};
  const groupBy = parseGroupBy(flags.groupBy, policy?.tags[0]?.key ?? snapshot.policyKeys[0]);

  const report = await asUsageError(async () =>
    buildCostReport(snapshot, { groupBy, touched, now }),
  );
  const rendered = flags.format === 'json' ? renderCostJson(report) : renderCostMarkdown(report);
  if (flags.output) {
    await writeOutputFile(resolve(io.cwd, flags.output), rendered);
  } else {
    io.stdout.write(rendered);
  }
  return EXIT.ok;
}

function reportTime(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const time = new Date(text);
  if (Number.isNaN(time.getTime())) {
    throw new UsageError(`--now must be an ISO 8601 time (2026-12-01T06:00:00Z), not "${text}"`);
  }
  return time;
}

/**
 * `Environment,Model` -> keys; without the flag, `firstKey`: the first key of `--policy` when
 * one is given, else the first policy key of the snapshot.
 */
function parseGroupBy(text: string | undefined, firstKey: string | undefined): string[] {
  if (text === undefined) return firstKey === undefined ? [] : [firstKey];
  const keys = text
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
  if (keys.length === 0) throw new UsageError('--group-by needs at least one tag key');
  return keys;
}

/**
 * The values of the snapshot's policy keys that resources under `paths` carry, read with the
 * check engine (`cost_center` in code finds the snapshot's `CostCenter`). Values not known
 * statically are left out.
 */
async function touchedValues(
  paths: readonly string[],
  policy: Policy,
  snapshot: Snapshot,
  io: CliIo,
): Promise<Record<string, string[]>> {
  const scan = await check({ paths, cwd: io.cwd, policy, failOn: 'never' });
  const byFold = new Map(snapshot.policyKeys.map((key) => [normalizeKey(key), key]));
  const touched = new Map<string, Set<string>>();
  for (const resource of scan.resources) {
    for (const [key, value] of Object.entries(resource.tags)) {
      const canonical = byFold.get(normalizeKey(key));
      if (canonical === undefined || value === null || value.trim() === '') continue;
      const values = touched.get(canonical) ?? new Set<string>();
      values.add(value);
      touched.set(canonical, values);
    }
  }
  return Object.fromEntries(
    snapshot.policyKeys
      .filter((key) => touched.has(key))
      .map((key) => [key, [...(touched.get(key) ?? [])]]),
  );
}

/** Runs `work`, turning billing, snapshot and report errors into usage errors (exit 2). */
async function asUsageError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (
      error instanceof BillingInputError ||
      error instanceof SnapshotError ||
      error instanceof CostReportError
    ) {
      throw new UsageError(error.message, { cause: error });
    }
    throw error;
  }
}

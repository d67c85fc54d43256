import { toDecimalString } from '../money.js';
import type { ResourceCost, RowProblems, SourceSummary } from '../snapshot/types.js';
import type { TagNormalizer } from '../tags/normalize.js';
import { compareMagnitude, type CostAccumulator, type ProblemLog } from './accumulator.js';
import { compareText } from './drift.js';

/** Resources kept in the snapshot per currency, largest spend first. */
export const TOP_RESOURCES = 25;

/** One summary per input file, in input order. */
export function sources(accumulator: CostAccumulator): SourceSummary[] {
  return accumulator.files.map((tally) => {
    const days = [...tally.days].sort(compareText);
    return {
      file: tally.file,
      format: tally.format,
      rows: tally.rows,
      badRows: tally.badRows,
      firstDay: days[0] ?? null,
      lastDay: days[days.length - 1] ?? null,
      notes: tally.notes,
    };
  });
}

/** A problem log as the snapshot stores it. */
export function problems(log: ProblemLog): RowProblems {
  const byReason: Record<string, number> = {};
  for (const [reason, count] of [...log.byReason].sort(([a], [b]) => compareText(a, b))) {
    byReason[reason] = count;
  }
  return { count: log.count, byReason, samples: log.samples };
}

/** The largest resources per currency by absolute spend, ties by id. */
export function topResources(accumulator: CostAccumulator): ResourceCost[] {
  const byCurrency = new Map<string, ResourceCost[]>();
  const ranked = [...accumulator.resources()].sort((a, b) => {
    const order = compareMagnitude(b.cost.total(), a.cost.total());
    return order !== 0 ? order : compareText(a.resourceId, b.resourceId);
  });
  for (const cell of ranked) {
    const list = byCurrency.get(cell.currency) ?? [];
    if (list.length >= TOP_RESOURCES) continue;
    list.push({
      resourceId: cell.resourceId,
      service: cell.service,
      currency: cell.currency,
      amount: toDecimalString(cell.cost.total()),
      tags: Object.fromEntries(cell.tags.tags),
    });
    byCurrency.set(cell.currency, list);
  }
  return [...byCurrency].sort(([a], [b]) => compareText(a, b)).flatMap(([, list]) => list);
}

/**
 * Warnings about the inputs as a whole. Two files of one format with charges on the same days
 * are likely overlapping exports: their spend is counted twice, and the warning says so
 * (rows are never dropped by guesswork, as one bill may hold identical line items).
 */
export function fileWarnings(accumulator: CostAccumulator, normalizer: TagNormalizer): string[] {
  const warnings: string[] = [];
  const files = accumulator.files;
  for (let first = 0; first < files.length; first++) {
    for (let second = first + 1; second < files.length; second++) {
      const a = files[first];
      const b = files[second];
      if (!a || !b || a.format !== b.format) continue;
      const shared = [...a.days].filter((day) => b.days.has(day)).sort(compareText);
      if (shared.length === 0) continue;
      warnings.push(
        `${a.file} and ${b.file} both have ${a.format} charges on ${shared.length} day(s) ` +
          `(${shared[0]} to ${shared[shared.length - 1]}); if they are overlapping exports of ` +
          'the same account, that spend is counted twice: ingest only the newest export',
      );
    }
  }
  if (!accumulator.resourcesExact) {
    warnings.push(
      'more distinct resources than could be kept exactly: top resource amounts are lower bounds',
    );
  }
  if (normalizer.truncated) {
    warnings.push(
      'too many distinct tag combinations: tags outside the policy were dropped from some rows',
    );
  }
  return warnings;
}

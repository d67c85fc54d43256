import { compareText } from '../../billing/aggregate/drift.js';
import { share } from '../../billing/aggregate/spend.js';
import { addDays } from '../../billing/dates.js';
import { fromDecimalString, toDecimalString } from '../../billing/money.js';
import type { DailyAmounts, Snapshot } from '../../billing/snapshot/types.js';
import { normalizeKey } from '../../policy/forms.js';
import { groupTables, resolveGroupKeys } from './groups.js';
import {
  STALE_AFTER_HOURS,
  WINDOW_DAYS,
  type ComparisonWindows,
  type CostReport,
  type DailySeries,
  type TouchedValue,
} from './types.js';

export interface CostReportOptions {
  /** Keys to group spend by, outermost first (`['Environment', 'Model']`). */
  readonly groupBy: readonly string[];
  /** Tag key -> values that the pull request's resources carry. */
  readonly touched?: Readonly<Record<string, readonly string[]>>;
  /** The time the report is for: decides the snapshot's age. */
  readonly now: Date;
}

/**
 * Builds the cost report from a snapshot: spend grouped by `groupBy` with subtotals, and for
 * each touched tag value its spend in the last 30 days of data against the 30 before, with its
 * share. Throws `CostReportError` for a group-by key the snapshot cannot answer.
 */
export function buildCostReport(snapshot: Snapshot, options: CostReportOptions): CostReport {
  const keys = resolveGroupKeys(snapshot, options.groupBy);
  const ageHours = Math.max(
    0,
    Math.floor((options.now.getTime() - Date.parse(snapshot.generatedAt)) / 3_600_000),
  );
  const windows = snapshot.period ? comparisonWindows(snapshot.period) : null;
  const touched = windows ? touchedValues(snapshot, options.touched ?? {}, windows) : [];
  const touchedPairs = new Set(touched.map((entry) => `${entry.key}\u0001${entry.value}`));

  return {
    version: 1,
    snapshotGeneratedAt: snapshot.generatedAt,
    now: options.now.toISOString(),
    ageHours,
    stale: ageHours > STALE_AFTER_HOURS,
    period: snapshot.period,
    windows,
    currencies: snapshot.currencies,
    totals: snapshot.totals,
    groupBy: keys,
    groups: groupTables(snapshot, keys),
    touched,
    untagged: snapshot.untagged,
    coverage: snapshot.coverage,
    daily: windows ? dailySeries(snapshot, windows) : [],
    unitCosts: snapshot.unitCosts.filter(
      (unit) => unit.key !== undefined && touchedPairs.has(`${unit.key}\u0001${unit.value}`),
    ),
    drift: [...snapshot.drift.keys, ...snapshot.drift.values],
    badRows: { count: snapshot.badRows.count, samples: snapshot.badRows.samples.slice(0, 5) },
    warnings: [
      ...snapshot.warnings,
      ...snapshot.sources.flatMap((source) =>
        source.notes.map((note) => `${source.file}: ${note}`),
      ),
    ],
  };
}

/** The last `WINDOW_DAYS` days of data, and the same number of days before them. */
function comparisonWindows(period: { start: string; end: string }): ComparisonWindows {
  const lastStart = addDays(period.end, -(WINDOW_DAYS - 1));
  const previousEnd = addDays(lastStart, -1);
  return {
    last: { start: lastStart, end: period.end },
    previous: { start: addDays(previousEnd, -(WINDOW_DAYS - 1)), end: previousEnd },
    previousHasData: period.start <= previousEnd,
  };
}

function sumWindow(daily: DailyAmounts, window: { start: string; end: string }): bigint {
  let sum = 0n;
  for (const [day, amount] of Object.entries(daily)) {
    if (day >= window.start && day <= window.end) sum += fromDecimalString(amount) ?? 0n;
  }
  return sum;
}

function touchedValues(
  snapshot: Snapshot,
  touched: Readonly<Record<string, readonly string[]>>,
  windows: ComparisonWindows,
): TouchedValue[] {
  const lastTotals = new Map(
    snapshot.currencies.map((currency) => {
      const daily: Record<string, string> = {};
      for (const entry of snapshot.daily)
        if (entry.currency === currency) daily[entry.day] = entry.amount;
      return [currency, sumWindow(daily, windows.last)];
    }),
  );
  const result: TouchedValue[] = [];
  for (const [wantedKey, values] of Object.entries(touched)) {
    const key = canonicalKey(snapshot, wantedKey);
    for (const value of [...new Set(values)].sort(compareText)) {
      const entries = snapshot.byTag.filter((entry) => entry.key === key && entry.value === value);
      if (entries.length === 0) {
        result.push(notFound(key, value, snapshot.currencies[0] ?? 'USD'));
        continue;
      }
      for (const entry of entries) {
        const last = sumWindow(entry.daily, windows.last);
        const previous = sumWindow(entry.daily, windows.previous);
        result.push({
          key,
          value,
          currency: entry.currency,
          last30: toDecimalString(last),
          previous30: toDecimalString(previous),
          change: toDecimalString(last - previous),
          changeRatio: previous === 0n ? null : share(last - previous, previous),
          share: share(last, lastTotals.get(entry.currency) ?? 0n),
          found: true,
        });
      }
    }
  }
  return result;
}

function notFound(key: string, value: string, currency: string): TouchedValue {
  return {
    key,
    value,
    currency,
    last30: '0',
    previous30: '0',
    change: '0',
    changeRatio: null,
    share: 0,
    found: false,
  };
}

/** The snapshot's spelling of a key the pull request names (`cost_center` -> `CostCenter`). */
function canonicalKey(snapshot: Snapshot, key: string): string {
  const keys = [...snapshot.policyKeys, ...snapshot.tagKeys.map((entry) => entry.key)];
  return (
    keys.find((known) => known === key) ??
    keys.find((known) => normalizeKey(known) === normalizeKey(key)) ??
    key
  );
}

function dailySeries(snapshot: Snapshot, windows: ComparisonWindows): DailySeries[] {
  return snapshot.currencies.map((currency) => {
    const byDay = new Map(
      snapshot.daily
        .filter((entry) => entry.currency === currency)
        .map((entry) => [entry.day, entry.amount]),
    );
    const days = [];
    const first =
      snapshot.period && snapshot.period.start > windows.last.start
        ? snapshot.period.start
        : windows.last.start;
    for (let day = first; day <= windows.last.end; day = addDays(day, 1)) {
      days.push({ day, amount: byDay.get(day) ?? '0' });
    }
    return { currency, days };
  });
}

import { MoneySum, SCALE, toDecimalString } from '../money.js';
import type {
  GroupCost,
  KeyCoverage,
  TagKeySummary,
  TagValueCost,
  UnitCost,
} from '../snapshot/types.js';
import type { TagSet } from '../tags/normalize.js';
import { compareMagnitude, type UsageCell } from './accumulator.js';
import { compareText } from './drift.js';
import { dailyRecord, money, share, totalOf, type Spend } from './spend.js';

/** The snapshot's lists built from the sums: groups, tag values, coverage, unit costs. */

/** Values per tag key and currency kept in `byTag`; the rest are counted in `tagKeys`. */
export const VALUES_PER_KEY = 50;

export function groupList(
  groups: Map<string, { tags: Record<string, string | null>; spend: Spend }>,
): GroupCost[] {
  return [...groups]
    .map(([key, group]) => {
      const currency = key.slice(0, key.indexOf('\u0001'));
      return {
        tags: group.tags,
        ...money(currency, group.spend.total),
        daily: dailyRecord(group.spend),
      };
    })
    .sort((a, b) =>
      compareText(
        `${a.currency}${JSON.stringify(a.tags)}`,
        `${b.currency}${JSON.stringify(b.tags)}`,
      ),
    );
}

export function tagLists(
  byTag: Map<string, { key: string; value: string; currency: string; spend: Spend }>,
  policyKeys: readonly string[],
): { byTagList: TagValueCost[]; tagKeys: TagKeySummary[] } {
  const perKey = new Map<string, { values: Set<string>; entries: TagValueCost[] }>();
  const ranked = [...byTag.values()].sort((a, b) =>
    compareMagnitude(b.spend.total.total(), a.spend.total.total()),
  );
  const keptPerKeyCurrency = new Map<string, number>();
  for (const entry of ranked) {
    let summary = perKey.get(entry.key);
    if (!summary) {
      summary = { values: new Set(), entries: [] };
      perKey.set(entry.key, summary);
    }
    summary.values.add(entry.value);
    const slot = `${entry.key}\u0001${entry.currency}`;
    const kept = keptPerKeyCurrency.get(slot) ?? 0;
    if (kept >= VALUES_PER_KEY) continue;
    keptPerKeyCurrency.set(slot, kept + 1);
    summary.entries.push({
      key: entry.key,
      value: entry.value,
      ...money(entry.currency, entry.spend.total),
      daily: dailyRecord(entry.spend),
    });
  }
  const byTagList = [...perKey.values()]
    .flatMap((summary) => summary.entries)
    .sort((a, b) =>
      compareText(
        `${a.key}\u0001${a.value}\u0001${a.currency}`,
        `${b.key}\u0001${b.value}\u0001${b.currency}`,
      ),
    );
  const tagKeys = [...perKey]
    .map(([key, summary]) => ({
      key,
      policy: policyKeys.includes(key),
      values: summary.values.size,
      kept: new Set(summary.entries.map((entry) => entry.value)).size,
    }))
    .sort((a, b) => compareText(a.key, b.key));
  return { byTagList, tagKeys };
}

export function coverageList(
  requiredKeys: readonly string[],
  currencies: readonly string[],
  tagged: Map<string, MoneySum>,
  totals: ReadonlyMap<string, Spend>,
): KeyCoverage[] {
  return requiredKeys.flatMap((key) =>
    currencies.map((currency) => {
      const total = totalOf(totals, currency);
      const covered = tagged.get(`${key}\u0001${currency}`)?.total() ?? 0n;
      return {
        key,
        currency,
        tagged: toDecimalString(covered),
        untagged: toDecimalString(total - covered),
        share: share(covered, total),
      };
    }),
  );
}

export interface UnitTally {
  readonly key?: string;
  readonly value?: string;
  readonly service: string;
  readonly unit: string;
  readonly currency: string;
  readonly cost: MoneySum;
  quantity: number;
}

export function tallyUnits(
  units: Map<string, UnitTally>,
  set: TagSet,
  cell: UsageCell,
  policyKeys: readonly string[],
): void {
  const targets: { key?: string; value?: string }[] = [{}];
  for (const key of policyKeys) {
    const value = set.tags.get(key);
    if (value !== undefined) targets.push({ key, value });
  }
  for (const target of targets) {
    const id = [target.key, target.value, cell.service, cell.unit, cell.currency].join('\u0001');
    let tally = units.get(id);
    if (!tally) {
      tally = {
        ...target,
        service: cell.service,
        unit: cell.unit,
        currency: cell.currency,
        cost: new MoneySum(),
        quantity: 0,
      };
      units.set(id, tally);
    }
    tally.cost.add(cell.cost.total());
    tally.quantity += cell.quantity;
  }
}

export function unitCostList(units: Map<string, UnitTally>): UnitCost[] {
  return [...units.values()]
    .filter((tally) => tally.quantity !== 0 && tally.unit.length > 0)
    .map((tally) => {
      const amount = tally.cost.total();
      const perUnit = Number(amount) / 10 ** SCALE / tally.quantity;
      return {
        ...(tally.key === undefined ? {} : { key: tally.key, value: tally.value ?? '' }),
        service: tally.service,
        unit: tally.unit,
        ...money(tally.currency, amount),
        quantity: String(Number(tally.quantity.toFixed(6))),
        perUnit: String(Number(perUnit.toFixed(10))),
      };
    })
    .sort((a, b) =>
      compareText(
        [a.key ?? '', a.value ?? '', a.service, a.unit, a.currency].join('\u0001'),
        [b.key ?? '', b.value ?? '', b.service, b.unit, b.currency].join('\u0001'),
      ),
    );
}

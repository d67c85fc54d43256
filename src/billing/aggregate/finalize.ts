import type { MoneySum } from '../money.js';
import type { CostMeasure } from '../record.js';
import { SNAPSHOT_VERSION, type Snapshot } from '../snapshot/types.js';
import type { TagNormalizer, TagSet } from '../tags/normalize.js';
import type { CostAccumulator } from './accumulator.js';
import { compareText, DriftFinder } from './drift.js';
import {
  coverageList,
  groupList,
  tagLists,
  tallyUnits,
  unitCostList,
  type UnitTally,
} from './lists.js';
import { byAmountThen, money, share, Spend, spendAt, sumAt, totalOf } from './spend.js';
import { fileWarnings, problems, sources, topResources } from './summaries.js';

export interface FinalizeOptions {
  readonly generatedAt: Date;
  readonly measure: CostMeasure;
  readonly policyKeys: readonly string[];
  readonly requiredKeys: readonly string[];
}

export function buildSnapshot(
  accumulator: CostAccumulator,
  normalizer: TagNormalizer,
  options: FinalizeOptions,
): Snapshot {
  const totals = new Map<string, Spend>();
  const groups = new Map<string, { tags: Record<string, string | null>; spend: Spend }>();
  const byTag = new Map<string, { key: string; value: string; currency: string; spend: Spend }>();
  const untagged = new Map<string, MoneySum>();
  const tagged = new Map<string, MoneySum>();
  const services = new Map<string, MoneySum>();
  const units = new Map<string, UnitTally>();
  const drift = new DriftFinder();

  for (const set of normalizer.allSets()) {
    const setSpend = new Map<string, bigint>();
    const groupTags = policyTuple(set, options.policyKeys);
    for (const cell of accumulator.cellsOf(set.id)) {
      const amount = cell.cost.total();
      setSpend.set(cell.currency, (setSpend.get(cell.currency) ?? 0n) + amount);
      spendAt(totals, cell.currency).add(cell);
      const groupKey = `${cell.currency}\u0001${JSON.stringify(groupTags)}`;
      let group = groups.get(groupKey);
      if (!group) {
        group = { tags: groupTags, spend: new Spend() };
        groups.set(groupKey, group);
      }
      group.spend.add(cell);
      for (const [key, value] of set.tags) {
        const tagKey = `${key}\u0001${value}\u0001${cell.currency}`;
        let entry = byTag.get(tagKey);
        if (!entry) {
          entry = { key, value, currency: cell.currency, spend: new Spend() };
          byTag.set(tagKey, entry);
        }
        entry.spend.add(cell);
      }
      sumAt(services, `${cell.service}\u0001${cell.currency}`).add(amount);
      if (cell.hasQuantity) tallyUnits(units, set, cell, options.policyKeys);
    }
    drift.add(set, setSpend);
    for (const [currency, amount] of setSpend) {
      if (set.tags.size === 0) sumAt(untagged, currency).add(amount);
      for (const key of options.requiredKeys) {
        if (set.tags.has(key)) sumAt(tagged, `${key}\u0001${currency}`).add(amount);
      }
    }
  }

  const totalByCurrency = new Map([...totals].map(([currency, spend]) => [currency, spend]));
  const currencies = [...totals.keys()].sort(compareText);
  const days = [...new Set([...totals.values()].flatMap((spend) => [...spend.daily.keys()]))].sort(
    compareText,
  );
  const { byTagList, tagKeys } = tagLists(byTag, options.policyKeys);
  const fileNotes = fileWarnings(accumulator, normalizer);

  return {
    version: SNAPSHOT_VERSION,
    generatedAt: options.generatedAt.toISOString(),
    period: days.length > 0 ? { start: days[0] ?? '', end: days[days.length - 1] ?? '' } : null,
    measure: options.measure,
    currencies,
    policyKeys: [...options.policyKeys],
    requiredKeys: [...options.requiredKeys],
    sources: sources(accumulator),
    rows: accumulator.rows,
    totals: currencies.map((currency) => money(currency, totals.get(currency)?.total)),
    daily: currencies.flatMap((currency) =>
      [...(totals.get(currency)?.daily ?? [])]
        .sort(([a], [b]) => compareText(a, b))
        .map(([day, sum]) => ({ day, ...money(currency, sum) })),
    ),
    groups: groupList(groups),
    byTag: byTagList,
    tagKeys,
    untagged: currencies.map((currency) => {
      const amount = untagged.get(currency)?.total() ?? 0n;
      return {
        ...money(currency, amount),
        share: share(amount, totalOf(totalByCurrency, currency)),
      };
    }),
    coverage: coverageList(options.requiredKeys, currencies, tagged, totalByCurrency),
    byService: [...services]
      .map(([key, sum]) => {
        const [service = '', currency = ''] = key.split('\u0001');
        return { service, ...money(currency, sum) };
      })
      .sort((a, b) => byAmountThen(a, b, a.service, b.service)),
    unitCosts: unitCostList(units),
    topResources: topResources(accumulator),
    topResourcesExact: accumulator.resourcesExact,
    badRows: problems(accumulator.badRows),
    tagProblems: problems(accumulator.tagProblems),
    drift: drift.result(),
    warnings: fileNotes,
  };
}

function policyTuple(set: TagSet, policyKeys: readonly string[]): Record<string, string | null> {
  const tuple: Record<string, string | null> = {};
  for (const key of policyKeys) tuple[key] = set.tags.get(key) ?? null;
  return tuple;
}

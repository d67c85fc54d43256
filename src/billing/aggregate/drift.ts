import { normalizeKey } from '../../policy/forms.js';
import { MoneySum, toDecimalString } from '../money.js';
import type { Drift, DriftGroup, Money } from '../snapshot/types.js';
import type { TagSet } from '../tags/normalize.js';

/**
 * Finds spellings that differ only by case or separators (`Model_A` / `Model-A`,
 * `FoodRec` / `foodrec`, `cost_center` / `CostCenter`) and the spend on each, so a report can
 * show which spelling to fix and what it is worth.
 */
export class DriftFinder {
  /** fold -> spelling -> currency -> spend, for keys. */
  private readonly keys = new Map<string, Map<string, Map<string, MoneySum>>>();
  /** canonical key + fold -> spelling -> currency -> spend, for values. */
  private readonly values = new Map<string, Map<string, Map<string, MoneySum>>>();
  private readonly valueKeys = new Map<string, string>();

  /** Counts one tag set's spend per currency under each of its spellings. */
  add(set: TagSet, spend: ReadonlyMap<string, bigint>): void {
    for (const [spelling] of set.spellings) {
      addSpend(this.keys, normalizeKey(spelling), spelling, spend);
    }
    for (const [key, value] of set.tags) {
      const group = `${key}\u0001${normalizeKey(value)}`;
      this.valueKeys.set(group, key);
      addSpend(this.values, group, value, spend);
    }
  }

  result(): Drift {
    return {
      keys: driftGroups(this.keys, () => undefined),
      values: driftGroups(this.values, (group) => this.valueKeys.get(group)),
    };
  }
}

function addSpend(
  groups: Map<string, Map<string, Map<string, MoneySum>>>,
  group: string,
  spelling: string,
  spend: ReadonlyMap<string, bigint>,
): void {
  let spellings = groups.get(group);
  if (!spellings) {
    spellings = new Map();
    groups.set(group, spellings);
  }
  let byCurrency = spellings.get(spelling);
  if (!byCurrency) {
    byCurrency = new Map();
    spellings.set(spelling, byCurrency);
  }
  for (const [currency, amount] of spend) {
    let sum = byCurrency.get(currency);
    if (!sum) {
      sum = new MoneySum();
      byCurrency.set(currency, sum);
    }
    sum.add(amount);
  }
}

function driftGroups(
  groups: Map<string, Map<string, Map<string, MoneySum>>>,
  keyOf: (group: string) => string | undefined,
): DriftGroup[] {
  const found: DriftGroup[] = [];
  for (const [group, spellings] of groups) {
    if (spellings.size < 2) continue;
    const key = keyOf(group);
    const entries = [...spellings]
      .map(([spelling, byCurrency]) => ({ spelling, spend: moneyList(byCurrency) }))
      .sort((a, b) => compareText(a.spelling, b.spelling));
    found.push(key === undefined ? { spellings: entries } : { key, spellings: entries });
  }
  return found.sort((a, b) =>
    compareText(
      `${a.key ?? ''}\u0001${a.spellings[0]?.spelling ?? ''}`,
      `${b.key ?? ''}\u0001${b.spellings[0]?.spelling ?? ''}`,
    ),
  );
}

function moneyList(byCurrency: Map<string, MoneySum>): Money[] {
  return [...byCurrency]
    .map(([currency, sum]) => ({ currency, amount: toDecimalString(sum.total()) }))
    .sort((a, b) => compareText(a.currency, b.currency));
}

/** Code-unit order, independent of locale, so snapshots are byte-stable. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

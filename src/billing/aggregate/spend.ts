import { fromDecimalString, MoneySum, toDecimalString } from '../money.js';
import type { Money } from '../snapshot/types.js';
import { compareMagnitude, type UsageCell } from './accumulator.js';
import { compareText } from './drift.js';

/** Sums and shares shared by the snapshot's lists and the cost report. */

/** A sum per currency and, optionally, per day: the building block of every list. */
export class Spend {
  readonly total = new MoneySum();
  readonly daily = new Map<string, MoneySum>();

  add(cell: UsageCell): void {
    const amount = cell.cost.total();
    this.total.add(amount);
    let day = this.daily.get(cell.day);
    if (!day) {
      day = new MoneySum();
      this.daily.set(cell.day, day);
    }
    day.add(amount);
  }
}

export function spendAt(map: Map<string, Spend>, key: string): Spend {
  let spend = map.get(key);
  if (!spend) {
    spend = new Spend();
    map.set(key, spend);
  }
  return spend;
}

export function sumAt(map: Map<string, MoneySum>, key: string): MoneySum {
  let sum = map.get(key);
  if (!sum) {
    sum = new MoneySum();
    map.set(key, sum);
  }
  return sum;
}

export function totalOf(totals: ReadonlyMap<string, Spend>, currency: string): bigint {
  return totals.get(currency)?.total.total() ?? 0n;
}

/** Amount and currency from a sum or a bigint. */
export function money(currency: string, amount: MoneySum | bigint | undefined): Money {
  const value = amount === undefined ? 0n : typeof amount === 'bigint' ? amount : amount.total();
  return { currency, amount: toDecimalString(value) };
}

/** `part / whole`, four decimals; 0 when the whole is 0. */
export function share(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  const millionths = Number((part * 1_000_000n) / whole);
  return Math.round(millionths / 100) / 10_000;
}

export function dailyRecord(spend: Spend): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [day, sum] of [...spend.daily].sort(([a], [b]) => compareText(a, b))) {
    record[day] = toDecimalString(sum.total());
  }
  return record;
}

/** Larger absolute amount first, then by `a`/`b` text, within a currency. */
export function byAmountThen(x: Money, y: Money, a: string, b: string): number {
  if (x.currency !== y.currency) return compareText(x.currency, y.currency);
  const order = compareMagnitude(
    fromDecimalString(y.amount) ?? 0n,
    fromDecimalString(x.amount) ?? 0n,
  );
  return order !== 0 ? order : compareText(a, b);
}

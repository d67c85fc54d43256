import { compareMagnitude } from '../../billing/aggregate/accumulator.js';
import { compareText } from '../../billing/aggregate/drift.js';
import { share } from '../../billing/aggregate/spend.js';
import { fromDecimalString, toDecimalString } from '../../billing/money.js';
import type { Snapshot } from '../../billing/snapshot/types.js';
import { normalizeKey } from '../../policy/forms.js';
import { CostReportError, type GroupRow, type GroupTable } from './types.js';

/** Spend of one combination of group-by values, in one currency. */
interface Leaf {
  readonly values: readonly (string | null)[];
  readonly amount: bigint;
}

/**
 * Resolves group-by keys to the snapshot's canonical keys (`environment` and `ENVIRONMENT`
 * find `Environment`). Several keys must all be policy keys, as the snapshot keeps value
 * combinations of policy keys only; one key may be any key the snapshot has seen.
 */
export function resolveGroupKeys(snapshot: Snapshot, groupBy: readonly string[]): string[] {
  const known = [...new Set([...snapshot.policyKeys, ...snapshot.tagKeys.map((key) => key.key)])];
  return groupBy.map((wanted) => {
    const match =
      known.find((key) => key === wanted) ??
      known.find((key) => normalizeKey(key) === normalizeKey(wanted));
    if (match === undefined) {
      throw new CostReportError(
        `group-by key \`${wanted}\` is not in the snapshot; keys: ${known.join(', ') || '(none)'}`,
      );
    }
    if (groupBy.length > 1 && !snapshot.policyKeys.includes(match)) {
      throw new CostReportError(
        `group-by key \`${match}\` is not a policy key; grouping by several keys works on ` +
          `policy keys only (${snapshot.policyKeys.join(', ')})`,
      );
    }
    return match;
  });
}

/** One table per currency: leaves sorted by spend with a subtotal after each outer value. */
export function groupTables(snapshot: Snapshot, keys: readonly string[]): GroupTable[] {
  return snapshot.currencies.map((currency) => {
    const total =
      fromDecimalString(
        snapshot.totals.find((entry) => entry.currency === currency)?.amount ?? '0',
      ) ?? 0n;
    const leaves = leavesOf(snapshot, keys, currency, total);
    return { currency, rows: withSubtotals(leaves, keys, total), total: toDecimalString(total) };
  });
}

function leavesOf(
  snapshot: Snapshot,
  keys: readonly string[],
  currency: string,
  total: bigint,
): Leaf[] {
  const sums = new Map<string, Leaf>();
  const add = (values: (string | null)[], amount: bigint): void => {
    const id = JSON.stringify(values);
    const previous = sums.get(id);
    sums.set(id, { values, amount: (previous?.amount ?? 0n) + amount });
  };

  const [onlyKey] = keys;
  if (keys.length === 1 && onlyKey !== undefined && !snapshot.policyKeys.includes(onlyKey)) {
    let tagged = 0n;
    for (const entry of snapshot.byTag) {
      if (entry.key !== onlyKey || entry.currency !== currency) continue;
      const amount = fromDecimalString(entry.amount) ?? 0n;
      tagged += amount;
      add([entry.value], amount);
    }
    // Values past the snapshot's per-key limit and untagged spend land in the null row.
    if (total - tagged !== 0n) add([null], total - tagged);
    return [...sums.values()];
  }

  for (const group of snapshot.groups) {
    if (group.currency !== currency) continue;
    add(
      keys.map((key) => group.tags[key] ?? null),
      fromDecimalString(group.amount) ?? 0n,
    );
  }
  return [...sums.values()];
}

function withSubtotals(leaves: Leaf[], keys: readonly string[], total: bigint): GroupRow[] {
  if (keys.length <= 1) {
    return sortLeaves(leaves).map((leaf) => row(keys, leaf.values, leaf.amount, total, false));
  }
  const outer = new Map<string, Leaf[]>();
  for (const leaf of leaves) {
    const id = JSON.stringify(leaf.values[0] ?? null);
    outer.set(id, [...(outer.get(id) ?? []), leaf]);
  }
  const blocks = [...outer.values()].map((members) => ({
    members: sortLeaves(members),
    amount: members.reduce((sum, leaf) => sum + leaf.amount, 0n),
    value: members[0]?.values[0] ?? null,
  }));
  blocks.sort((a, b) => compareMagnitude(b.amount, a.amount) || compareValue(a.value, b.value));
  return blocks.flatMap((block) => [
    ...block.members.map((leaf) => row(keys, leaf.values, leaf.amount, total, false)),
    row(keys.slice(0, 1), [block.value], block.amount, total, true),
  ]);
}

function sortLeaves(leaves: Leaf[]): Leaf[] {
  return [...leaves].sort(
    (a, b) =>
      compareMagnitude(b.amount, a.amount) ||
      compareText(JSON.stringify(a.values), JSON.stringify(b.values)),
  );
}

function compareValue(a: string | null, b: string | null): number {
  return compareText(a ?? '\uffff', b ?? '\uffff');
}

function row(
  keys: readonly string[],
  values: readonly (string | null)[],
  amount: bigint,
  total: bigint,
  subtotal: boolean,
): GroupRow {
  const record: Record<string, string | null> = {};
  keys.forEach((key, index) => {
    record[key] = values[index] ?? null;
  });
  return { values: record, amount: toDecimalString(amount), share: share(amount, total), subtotal };
}

/**
 * The billing snapshot, version 1: what `ingest` writes and `report` reads, documented field by
 * field in docs/snapshot.md. Amounts are exact decimal strings in the currency's unit
 * (`"7000"`, `"-12.5"`, `"0.0000008"`); amounts in different currencies are never added.
 * Days are UTC `YYYY-MM-DD`. Every list is sorted, so the same input gives the same bytes.
 */

/** The snapshot format version this code writes and reads. */
export const SNAPSHOT_VERSION = 1;

/** An exact decimal amount in one currency. */
export interface Money {
  readonly currency: string;
  readonly amount: string;
}

/** Day -> amount, only days with spend. */
export type DailyAmounts = Readonly<Record<string, string>>;

export interface Snapshot {
  readonly version: 1;
  /** ISO 8601 instant of the ingest. */
  readonly generatedAt: string;
  /** First and last charge day seen; null when no row was counted. */
  readonly period: { readonly start: string; readonly end: string } | null;
  /** `billed` (invoiced cost) or `effective` (amortized, FOCUS `EffectiveCost`). */
  readonly measure: 'billed' | 'effective';
  readonly currencies: readonly string[];
  /** The policy's canonical keys, in policy order; `groups` are keyed by them. */
  readonly policyKeys: readonly string[];
  /** The policy keys marked required; `coverage` has one entry per key and currency. */
  readonly requiredKeys: readonly string[];
  readonly sources: readonly SourceSummary[];
  readonly rows: number;
  readonly totals: readonly Money[];
  readonly daily: readonly DailyTotal[];
  /** Spend per combination of policy key values (null: the row lacks the key). */
  readonly groups: readonly GroupCost[];
  /** Spend per tag key and value, for every key seen; see `tagKeys` for what was left out. */
  readonly byTag: readonly TagValueCost[];
  readonly tagKeys: readonly TagKeySummary[];
  /** Spend of rows without any tag, per currency. */
  readonly untagged: readonly ShareOfSpend[];
  /** Per required key and currency: spend that carries the key, and the tagged share. */
  readonly coverage: readonly KeyCoverage[];
  readonly byService: readonly ServiceCost[];
  readonly unitCosts: readonly UnitCost[];
  readonly topResources: readonly ResourceCost[];
  /** False when more distinct resources were seen than kept: amounts are lower bounds. */
  readonly topResourcesExact: boolean;
  readonly badRows: RowProblems;
  /** Rows counted untagged because their tag text could not be read. */
  readonly tagProblems: RowProblems;
  readonly drift: Drift;
  /** Things the reader should know: overlapping exports, assumed currencies. */
  readonly warnings: readonly string[];
}

/** One input file. */
export interface SourceSummary {
  /** The path as given to `ingest`. */
  readonly file: string;
  readonly format: string;
  readonly rows: number;
  readonly badRows: number;
  readonly firstDay: string | null;
  readonly lastDay: string | null;
  readonly notes: readonly string[];
}

export interface DailyTotal extends Money {
  readonly day: string;
}

export interface GroupCost extends Money {
  readonly tags: Readonly<Record<string, string | null>>;
  readonly daily: DailyAmounts;
}

export interface TagValueCost extends Money {
  readonly key: string;
  readonly value: string;
  readonly daily: DailyAmounts;
}

export interface TagKeySummary {
  readonly key: string;
  /** Whether the key is one of the policy's. */
  readonly policy: boolean;
  /** Distinct values seen. */
  readonly values: number;
  /** Values kept in `byTag` (the largest by spend, per currency). */
  readonly kept: number;
}

export interface ShareOfSpend extends Money {
  /** Of the currency's total; 0 when the total is 0. Four decimals. */
  readonly share: number;
}

export interface KeyCoverage {
  readonly key: string;
  readonly currency: string;
  readonly tagged: string;
  readonly untagged: string;
  /** Spend-weighted share of spend carrying the key. Four decimals. */
  readonly share: number;
}

export interface ServiceCost extends Money {
  readonly service: string;
}

/** Cost per unit of usage, where the export states quantities. */
export interface UnitCost extends Money {
  /** Set for a unit cost of one tag value; absent for a whole service. */
  readonly key?: string;
  readonly value?: string;
  readonly service: string;
  readonly unit: string;
  /** Usage quantity, as a decimal string (not money: rounded to 6 significant decimals). */
  readonly quantity: string;
  /** `amount / quantity`, rounded to 10 decimals. */
  readonly perUnit: string;
}

export interface ResourceCost extends Money {
  readonly resourceId: string;
  readonly service: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface RowProblems {
  readonly count: number;
  readonly byReason: Readonly<Record<string, number>>;
  /** The first problems seen, in input order. */
  readonly samples: readonly RowProblem[];
}

export interface RowProblem {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** Spellings of one key, or of one key's values, that differ only by case or separators. */
export interface DriftGroup {
  /** For value drift: the canonical key whose values drift. */
  readonly key?: string;
  readonly spellings: readonly DriftSpelling[];
}

export interface DriftSpelling {
  readonly spelling: string;
  readonly spend: readonly Money[];
}

export interface Drift {
  readonly keys: readonly DriftGroup[];
  readonly values: readonly DriftGroup[];
}

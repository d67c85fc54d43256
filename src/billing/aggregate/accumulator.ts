import type { ChargeDay } from '../dates.js';
import { MoneySum } from '../money.js';
import type { BadRow, CostRecord } from '../record.js';
import type { TagSet } from '../tags/normalize.js';

/**
 * Folds cost records into bounded state while files stream past. Memory grows with distinct
 * (tag set, day, currency, service, unit) cells and is capped for resources, never with rows.
 */

/** Spend and usage of one tag set on one day, in one currency, service and unit. */
export interface UsageCell {
  readonly day: ChargeDay;
  readonly currency: string;
  readonly service: string;
  readonly unit: string;
  readonly cost: MoneySum;
  quantity: number;
  /** Whether any row of the cell stated a quantity. */
  hasQuantity: boolean;
}

export interface ResourceCell {
  readonly resourceId: string;
  readonly currency: string;
  readonly service: string;
  readonly tags: TagSet;
  readonly cost: MoneySum;
}

/** Problems counted by reason, with the first few kept as samples. */
export class ProblemLog {
  count = 0;
  readonly byReason = new Map<string, number>();
  readonly samples: { file: string; line: number; reason: string }[] = [];

  constructor(private readonly sampleLimit: number) {}

  add(file: string, line: number, reason: string, detail?: string): void {
    this.count++;
    this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
    if (this.samples.length < this.sampleLimit) {
      this.samples.push({
        file,
        line,
        reason: detail === undefined ? reason : `${reason}: ${detail}`,
      });
    }
  }
}

/** Distinct resources kept exactly; past it the smallest are dropped (amounts become floors). */
export const RESOURCE_LIMIT = 100_000;

/** Per input file: what was read, for the snapshot's `sources`. */
export interface FileTally {
  readonly file: string;
  format: string;
  rows: number;
  badRows: number;
  readonly days: Set<ChargeDay>;
  notes: string[];
}

export class CostAccumulator {
  /** Tag set id -> day -> currency -> service -> unit -> cell. */
  private readonly cellsByTagSet = new Map<number, CellsByDay>();
  cellCount = 0;
  private lastDay = '';
  private lastTally: FileTally | undefined;
  private lastCell: UsageCell | undefined;
  private lastCellTags: TagSet | undefined;
  private lastResource: ResourceCell | undefined;
  /** Currency -> resource id -> cell; nested so no key string is built per row. */
  private readonly resourcesByCurrency = new Map<string, Map<string, ResourceCell>>();
  private resourceCount = 0;
  resourcesExact = true;
  /** Grows each time resources are pruned: resource cells held from before may be gone. */
  pruneGeneration = 0;
  readonly badRows = new ProblemLog(50);
  readonly tagProblems = new ProblemLog(20);
  readonly files: FileTally[] = [];
  rows = 0;

  /** Starts counting rows for `file`; later `add` calls belong to it. */
  startFile(file: string, format: string): FileTally {
    const tally: FileTally = { file, format, rows: 0, badRows: 0, days: new Set(), notes: [] };
    this.files.push(tally);
    return tally;
  }

  add(record: CostRecord, tally: FileTally, line: number): void {
    this.rows++;
    tally.rows++;
    if (record.day !== this.lastDay || tally !== this.lastTally) {
      tally.days.add(record.day);
      this.lastDay = record.day;
      this.lastTally = tally;
    }
    if (record.tagProblem !== undefined) {
      this.tagProblems.add(tally.file, line, record.tagProblem);
    }
    this.addCell(record);
    if (record.resourceId.length > 0) this.addResource(record);
  }

  addBad(bad: BadRow, tally: FileTally, line: number): void {
    tally.badRows++;
    this.badRows.add(tally.file, line, bad.reason, bad.detail);
  }

  private addCell(record: CostRecord): void {
    // Rows of an export often repeat the previous row's tag set, day, currency, service and
    // unit (exports are sorted by resource and time): then the last cell is the one.
    const last = this.lastCell;
    if (
      last !== undefined &&
      this.lastCellTags === record.tags &&
      last.day === record.day &&
      last.currency === record.currency &&
      last.service === record.service &&
      last.unit === record.unit
    ) {
      addToCell(last, record);
      return;
    }

    const cell = this.cellFor(
      record.tags,
      record.day,
      record.currency,
      record.service,
      record.unit,
    );
    this.lastCell = cell;
    this.lastCellTags = record.tags;
    addToCell(cell, record);
  }

  /**
   * The cell of a tag set, day, currency, service and unit, created empty when new. Readers
   * that aggregate columns themselves hold on to it and add to it directly, row by row.
   */
  cellFor(tags: TagSet, day: ChargeDay, currency: string, service: string, unit: string) {
    // Nested maps rather than one joined key: day and currency strings come from caches, so
    // their hashes are computed once, and no key string is built per row.
    const byDay = nestedMap(this.cellsByTagSet, tags.id);
    const byCurrency = nestedMap(byDay, day);
    const byService = nestedMap(byCurrency, currency);
    const byUnit = nestedMap(byService, service);
    let cell = byUnit.get(unit);
    if (cell === undefined) {
      cell = {
        day,
        currency,
        service,
        unit,
        cost: new MoneySum(),
        quantity: 0,
        hasQuantity: false,
      };
      byUnit.set(unit, cell);
      this.cellCount++;
    }
    return cell;
  }

  /**
   * The cell of a resource, created with `service` and `tags` when new (this may prune others;
   * see `pruneGeneration`). A reader adding to it directly adds to `cost` only.
   */
  resourceFor(resourceId: string, currency: string, service: string, tags: TagSet) {
    const byId = nestedMap(this.resourcesByCurrency, currency);
    let cell = byId.get(resourceId);
    if (cell === undefined) {
      if (this.resourceCount >= RESOURCE_LIMIT) this.pruneResources();
      cell = { resourceId, currency, service, tags, cost: new MoneySum() };
      nestedMap(this.resourcesByCurrency, currency).set(resourceId, cell);
      this.resourceCount++;
    }
    return cell;
  }

  /** Counts a good row that a reader aggregated itself into `cellFor` / `resourceFor` cells. */
  countRow(tally: FileTally, day: ChargeDay): void {
    this.rows++;
    tally.rows++;
    if (day !== this.lastDay || tally !== this.lastTally) {
      tally.days.add(day);
      this.lastDay = day;
      this.lastTally = tally;
    }
  }

  /** Every cell of a tag set. */
  *cellsOf(tagSetId: number): Generator<UsageCell> {
    for (const byCurrency of this.cellsByTagSet.get(tagSetId)?.values() ?? []) {
      for (const byService of byCurrency.values()) {
        for (const byUnit of byService.values()) yield* byUnit.values();
      }
    }
  }

  /** Every resource cell kept. */
  *resources(): Generator<ResourceCell> {
    for (const byId of this.resourcesByCurrency.values()) yield* byId.values();
  }

  private addResource(record: CostRecord): void {
    const last = this.lastResource;
    if (
      last !== undefined &&
      last.resourceId === record.resourceId &&
      last.currency === record.currency
    ) {
      last.cost.add(record.cost);
      return;
    }
    const cell = this.resourceFor(record.resourceId, record.currency, record.service, record.tags);
    this.lastResource = cell;
    cell.cost.add(record.cost);
  }

  /** Keeps the larger half by absolute spend; a dropped resource that comes back restarts. */
  private pruneResources(): void {
    this.resourcesExact = false;
    this.pruneGeneration++;
    const ranked = [...this.resources()].sort((a, b) =>
      compareMagnitude(b.cost.total(), a.cost.total()),
    );
    this.resourcesByCurrency.clear();
    this.lastResource = undefined;
    const kept = ranked.slice(0, RESOURCE_LIMIT / 2);
    for (const cell of kept)
      nestedMap(this.resourcesByCurrency, cell.currency).set(cell.resourceId, cell);
    this.resourceCount = kept.length;
  }
}

function addToCell(cell: UsageCell, record: CostRecord): void {
  cell.cost.add(record.cost);
  if (record.quantity !== null) {
    cell.quantity += record.quantity;
    cell.hasQuantity = true;
  }
}

type CellsByUnit = Map<string, UsageCell>;
type CellsByService = Map<string, CellsByUnit>;
type CellsByCurrency = Map<string, CellsByService>;
type CellsByDay = Map<string, CellsByCurrency>;

function nestedMap<K, V extends Map<string, unknown>>(outer: Map<K, V>, key: K): V {
  let inner = outer.get(key);
  if (inner === undefined) {
    inner = new Map() as V;
    outer.set(key, inner);
  }
  return inner;
}

/** Orders bigints by absolute value. */
export function compareMagnitude(a: bigint, b: bigint): number {
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  return absA < absB ? -1 : absA > absB ? 1 : 0;
}

import { ChargeDayParser, type ChargeDay } from '../dates.js';
import { amountFromJsonNumber, parseAmount, SCALE, type ScaledAmount } from '../money.js';
import type { TagNormalizer, TagPair, TagSet } from '../tags/normalize.js';
import { isNullText, parseTagText, tagPairsFromValue } from '../tags/parse.js';
import { currencyCode } from '../record.js';

/**
 * Reading one cell of a row, whichever the source: CSV gives strings, Parquet gives numbers,
 * bigints, Dates and maps. Each reader answers null for a missing or unreadable value.
 */

/** An amount already in scaled units (a Parquet DECIMAL), so no float ever holds it. */
export class ScaledCell {
  constructor(readonly amount: ScaledAmount) {}
}

/** Project or workspace id -> the tags its spend carries. */
export type ProjectTags = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Shared per-run state that formats read rows with; caches make repeated values cheap. */
export class RowContext {
  readonly days = new ChargeDayParser();
  private readonly currencies = new Map<string, string | null>();
  private readonly tagTexts = new Map<string, TagSet | null>();
  private readonly tagObjects = new Map<string, TagSet | null>();
  /** Tag objects a reader shares between rows (a Parquet map per distinct set of pairs). */
  private readonly sharedTagObjects = new WeakMap<object, TagSet | null>();

  constructor(
    readonly normalizer: TagNormalizer,
    readonly projects: ProjectTags,
  ) {}

  /** Upper-case ISO code of a currency cell, or null. */
  currency(cell: unknown): string | null {
    const text = cellText(cell);
    let code = this.currencies.get(text);
    if (code === undefined) {
      code = currencyCode(text);
      this.currencies.set(text, code);
    }
    return code;
  }

  /** The UTC day of a date cell, or null. */
  day(cell: unknown): ChargeDay | null {
    if (cell instanceof Date) {
      return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
    }
    const text = cellText(cell);
    return text.length === 0 ? null : this.days.parse(text);
  }

  /**
   * The tag set of a tags cell (JSON text, Azure fragment, map or `{key,value}` list), with
   * `extra` pairs (per-column tags, mapped project tags) after it; null when unreadable.
   */
  tags(cell: unknown, extra: readonly TagPair[] = [], rewrite?: (key: string) => string) {
    if (typeof cell === 'string' && extra.length === 0) {
      const cached = this.tagTexts.get(cell);
      if (cached !== undefined) return cached;
      const set = this.internText(cell, extra, rewrite);
      if (this.tagTexts.size > 20_000) this.tagTexts.clear();
      this.tagTexts.set(cell, set);
      return set;
    }
    if (typeof cell === 'string') return this.internText(cell, extra, rewrite);
    // Readers freeze the tag objects they share between rows; only those are worth a cache.
    const shareable = typeof cell === 'object' && cell !== null && Object.isFrozen(cell);
    if (shareable && extra.length === 0) {
      const shared = this.sharedTagObjects.get(cell);
      if (shared !== undefined) return shared;
      const set = this.tagsOfObject(cell, rewrite);
      this.sharedTagObjects.set(cell, set);
      return set;
    }
    if (extra.length === 0) return this.tagsOfObject(cell, rewrite);
    const pairs = tagPairsFromValue(cell);
    if (pairs === null) return null;
    return this.normalizer.intern(rewritePairs([...pairs, ...extra], rewrite));
  }

  private tagsOfObject(cell: unknown, rewrite?: (key: string) => string): TagSet | null {
    const identity = objectIdentity(cell);
    if (identity !== null) {
      const cached = this.tagObjects.get(identity);
      if (cached !== undefined) return cached;
      const pairs = tagPairsFromValue(cell);
      const set = pairs === null ? null : this.normalizer.intern(rewritePairs(pairs, rewrite));
      if (this.tagObjects.size > 20_000) this.tagObjects.clear();
      this.tagObjects.set(identity, set);
      return set;
    }
    const pairs = tagPairsFromValue(cell);
    return pairs === null ? null : this.normalizer.intern(rewritePairs(pairs, rewrite));
  }

  private internText(
    text: string,
    extra: readonly TagPair[],
    rewrite: ((key: string) => string) | undefined,
  ): TagSet | null {
    const pairs = parseTagText(text);
    if (pairs === null) return null;
    return this.normalizer.intern(rewritePairs([...pairs, ...extra], rewrite));
  }

  /** Tags that the policy's `billing.projects` gives a project or workspace id. */
  projectTags(projectId: string): TagPair[] {
    const mapped = this.projects[projectId];
    return mapped ? Object.entries(mapped) : [];
  }
}

/**
 * A cache key for a plain object of string values (a Parquet map row), built without sorting
 * or JSON; null for anything else, which then goes the slow way.
 */
function objectIdentity(cell: unknown): string | null {
  if (typeof cell !== 'object' || cell === null || Array.isArray(cell)) return null;
  if (cell instanceof Map || cell instanceof Date) return null;
  let identity = '';
  for (const key in cell) {
    const value: unknown = (cell as Record<string, unknown>)[key];
    if (typeof value !== 'string') return null;
    identity += `${key}\u0001${value}\u0002`;
  }
  return identity;
}

function rewritePairs(pairs: TagPair[], rewrite?: (key: string) => string): TagPair[] {
  if (!rewrite) return pairs;
  return pairs.map(([key, value]) => [rewrite(key), value] as const);
}

/** A cell as text: strings as written, numbers in shortest form, null and undefined empty. */
export function cellText(cell: unknown): string {
  if (typeof cell === 'string') return cell;
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number' || typeof cell === 'bigint' || typeof cell === 'boolean') {
    return String(cell);
  }
  if (cell instanceof Date) return cell.toISOString();
  return '';
}

/** A money cell in scaled units, or null when missing or not a number. */
export function cellAmount(cell: unknown): ScaledAmount | null {
  if (cell instanceof ScaledCell) return cell.amount;
  if (typeof cell === 'string') return isNullText(cell) ? null : parseAmount(cell);
  if (typeof cell === 'number') return amountFromJsonNumber(cell);
  if (typeof cell === 'bigint') return cell * 10n ** BigInt(SCALE);
  return null;
}

/** A usage quantity (not money, so a double is fine), or null. */
export function cellQuantity(cell: unknown): number | null {
  if (cell instanceof ScaledCell) return Number(cell.amount) / 10 ** SCALE;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'bigint') return Number(cell);
  if (typeof cell !== 'string' || isNullText(cell)) return null;
  const value = Number(cell);
  return Number.isFinite(value) ? value : null;
}

/** A text cell with the null spellings (`NULL`, `null`, empty) read as empty. */
export function cellString(cell: unknown): string {
  const text = cellText(cell);
  return isNullText(text) ? '' : text;
}

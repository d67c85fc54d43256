/**
 * Charge dates as billing exports write them, reduced to the UTC day (`YYYY-MM-DD`) that the
 * snapshot aggregates by.
 */

/** A UTC calendar day, `YYYY-MM-DD`. */
export type ChargeDay = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const US_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:$|[ T])/;
const OFFSET = /(?:[+-]\d{2}:?\d{2}|[+-]\d{2})$/;
const CACHE_LIMIT = 50_000;

/**
 * Remembers the day of each distinct timestamp text: exports repeat the same hourly stamps on
 * millions of rows, so the parse runs once per distinct text.
 */
export class ChargeDayParser {
  private readonly cache = new Map<string, ChargeDay | null>();

  /** The UTC day of `text`, or null when it is not a date this parser knows. */
  parse(text: string): ChargeDay | null {
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached;
    const day = parseChargeDay(text);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(text, day);
    return day;
  }
}

/**
 * The UTC day of an export's timestamp: ISO 8601 with or without time and zone
 * (`2026-11-01T05:00:00Z`, `2024-09-18 22:00:00`, `2026-11-01 00:00:00 UTC`), US dates
 * (`11/01/2026`, `9/1/23`). A timestamp without zone is taken as UTC, as FOCUS specifies.
 */
export function parseChargeDay(text: string): ChargeDay | null {
  const trimmed = text.trim().replace(/ UTC$/, 'Z');
  const iso = ISO_DAY.exec(trimmed);
  if (iso) return isoDay(trimmed, iso[1] ?? '', iso[2] ?? '', iso[3] ?? '');
  const us = US_DAY.exec(trimmed);
  if (us) {
    const year = (us[3] ?? '').length === 2 ? `20${us[3]}` : (us[3] ?? '');
    return validDay(year, pad2(us[1] ?? ''), pad2(us[2] ?? ''));
  }
  return null;
}

function isoDay(text: string, year: string, month: string, day: string): ChargeDay | null {
  const plain = validDay(year, month, day);
  if (plain === null) return null;
  const zone = OFFSET.exec(text.slice(10));
  if (!zone || /^[+-]00:?00$/.test(zone[0])) return plain;

  // A local time with an offset can fall on the neighbouring UTC day.
  const instant = new Date(text.replace(' ', 'T'));
  if (Number.isNaN(instant.getTime())) return null;
  return instant.toISOString().slice(0, 10);
}

function validDay(year: string, month: string, day: string): ChargeDay | null {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(Number(year), m)) return null;
  return `${year}-${month}-${day}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad2(text: string): string {
  return text.length === 1 ? `0${text}` : text;
}

/** The UTC day of a Unix time in seconds (OpenAI buckets). */
export function dayFromUnixSeconds(seconds: number): ChargeDay | null {
  if (!Number.isFinite(seconds)) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** The day `count` days after `day` (negative: before). */
export function addDays(day: ChargeDay, count: number): ChargeDay {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

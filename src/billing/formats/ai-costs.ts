import { dayFromUnixSeconds, parseChargeDay } from '../dates.js';
import { amountFromJsonNumber, parseAmount } from '../money.js';
import { badRow, currencyCode, type BillingFormat, type RowOutcome } from '../record.js';
import type { RowContext } from './cells.js';

/**
 * Cost exports of AI APIs, as their cost endpoints return them: pages of daily buckets. They
 * carry no tags, so spend is attributed through the policy's `billing.projects` map from the
 * OpenAI project id or Anthropic workspace id to tags; an unmapped project is untagged.
 */

type Emit = (outcome: RowOutcome) => void;

/** Which AI cost document `value` is, or null when it is neither. */
export function detectAiCostDocument(value: unknown): 'openai' | 'anthropic' | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (!isRecord(first)) return null;
  if (first.object === 'page' || firstResult(first)?.object === 'organization.costs.result') {
    return 'openai';
  }
  const bucket = Array.isArray(first.data) ? first.data[0] : undefined;
  if (isRecord(bucket) && 'starting_at' in bucket) return 'anthropic';
  return null;
}

/** Reads one OpenAI Costs API page (`object: "page"`), or an array of them. */
export function readOpenAiCosts(value: unknown, context: RowContext, emit: Emit): void {
  for (const bucket of buckets(value, emit)) {
    const day =
      typeof bucket.start_time === 'number' ? dayFromUnixSeconds(bucket.start_time) : null;
    for (const result of results(bucket, emit)) {
      if (day === null) {
        emit(badRow('bucket `start_time` is not a Unix time'));
        continue;
      }
      const amount = isRecord(result.amount) ? result.amount : {};
      const cost = typeof amount.value === 'number' ? amountFromJsonNumber(amount.value) : null;
      if (cost === null) {
        emit(badRow('`amount.value` is not a number'));
        continue;
      }
      const currency = currencyCode(typeof amount.currency === 'string' ? amount.currency : 'usd');
      if (currency === null) {
        emit(badRow('`amount.currency` is not a currency code'));
        continue;
      }
      const project = typeof result.project_id === 'string' ? result.project_id : '';
      const lineItem = typeof result.line_item === 'string' ? result.line_item : '';
      emitCost(emit, context, { day, currency, cost, project, service: 'OpenAI', lineItem });
    }
  }
}

/**
 * Reads one Anthropic cost report (`data` buckets with `starting_at`), or an array of them.
 * `amount` is a decimal string in the currency's lowest unit (cents for USD), so "123.45"
 * USD is $1.2345.
 */
export function readAnthropicCosts(value: unknown, context: RowContext, emit: Emit): void {
  for (const bucket of buckets(value, emit)) {
    const start = typeof bucket.starting_at === 'string' ? bucket.starting_at : '';
    const day = parseChargeDay(start);
    for (const result of results(bucket, emit)) {
      if (day === null) {
        emit(badRow('bucket `starting_at` is not a date', JSON.stringify(start)));
        continue;
      }
      const currency = currencyCode(typeof result.currency === 'string' ? result.currency : 'USD');
      if (currency === null) {
        emit(badRow('`currency` is not a currency code'));
        continue;
      }
      const text = typeof result.amount === 'string' ? result.amount : '';
      const cost = /^[+-]?\d*\.?\d+$/.test(text)
        ? parseAmount(`${text}e-${minorUnitDigits(currency)}`)
        : null;
      if (cost === null) {
        emit(badRow('`amount` is not a decimal string', JSON.stringify(text)));
        continue;
      }
      const project = typeof result.workspace_id === 'string' ? result.workspace_id : '';
      const lineItem = typeof result.description === 'string' ? result.description : '';
      emitCost(emit, context, { day, currency, cost, project, service: 'Anthropic', lineItem });
    }
  }
}

interface AiCharge {
  readonly day: string;
  readonly currency: string;
  readonly cost: number | bigint;
  readonly project: string;
  readonly service: string;
  readonly lineItem: string;
}

function emitCost(emit: Emit, context: RowContext, charge: AiCharge): void {
  emit({
    kind: 'cost',
    day: charge.day,
    currency: charge.currency,
    cost: charge.cost,
    service: charge.service,
    resourceId: charge.project,
    quantity: null,
    unit: '',
    tags: context.normalizer.intern(context.projectTags(charge.project)),
  });
}

/** Digits of a currency's lowest unit: 2 for USD and EUR, 0 for JPY. */
export function minorUnitDigits(currency: string): number {
  try {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency });
    return format.resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

function buckets(value: unknown, emit: Emit): Record<string, unknown>[] {
  const pages = Array.isArray(value) ? value : [value];
  const found: Record<string, unknown>[] = [];
  for (const page of pages) {
    const data = isRecord(page) ? page.data : undefined;
    if (!Array.isArray(data)) {
      emit(badRow('a page has no `data` list of buckets'));
      continue;
    }
    for (const bucket of data) {
      if (isRecord(bucket)) found.push(bucket);
      else emit(badRow('a bucket is not an object'));
    }
  }
  return found;
}

function results(bucket: Record<string, unknown>, emit: Emit): Record<string, unknown>[] {
  if (!Array.isArray(bucket.results)) {
    emit(badRow('a bucket has no `results` list'));
    return [];
  }
  return bucket.results.filter((result): result is Record<string, unknown> => {
    if (isRecord(result)) return true;
    emit(badRow('a result is not an object'));
    return false;
  });
}

function firstResult(page: Record<string, unknown>): Record<string, unknown> | undefined {
  const bucket = Array.isArray(page.data) ? page.data[0] : undefined;
  const result = isRecord(bucket) && Array.isArray(bucket.results) ? bucket.results[0] : undefined;
  return isRecord(result) ? result : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The formats read from JSON documents rather than rows. */
export type AiCostFormat = Extract<BillingFormat, 'openai' | 'anthropic'>;

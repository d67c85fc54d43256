import { fromDecimalString, SCALE } from '../../billing/money.js';
import type { DailySeries } from './types.js';

/**
 * A Mermaid `xychart-beta` bar chart of one currency's daily cost. Only dates, the currency
 * code (validated as three letters at ingest) and numbers reach the chart, so nothing from
 * a user's file needs escaping here. Bar heights are rounded to cents: the chart is a picture,
 * the tables carry the exact amounts.
 */
export function renderDailyChart(series: DailySeries): string {
  const labels = series.days.map((entry) => `"${entry.day.slice(5)}"`);
  const values = series.days.map((entry) => toChartNumber(entry.amount));
  const top = Math.max(0, ...values);
  const bottom = Math.min(0, ...values);
  return [
    '```mermaid',
    'xychart-beta',
    `    title "Daily cost (${series.currency})"`,
    `    x-axis [${labels.join(', ')}]`,
    `    y-axis "${series.currency}" ${niceBound(bottom)} --> ${niceBound(top)}`,
    `    bar [${values.map((value) => value.toFixed(2)).join(', ')}]`,
    '```',
  ].join('\n');
}

function toChartNumber(amount: string): number {
  const scaled = fromDecimalString(amount) ?? 0n;
  const cents = scaled / 10n ** BigInt(SCALE - 2);
  return Number(cents) / 100;
}

/** Rounds an axis bound away from zero to two significant digits. */
function niceBound(value: number): number {
  if (value === 0) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(Math.abs(value)) - 1);
  const rounded = Math.ceil(Math.abs(value) / magnitude) * magnitude;
  return value < 0 ? -rounded : Number(rounded.toPrecision(12));
}

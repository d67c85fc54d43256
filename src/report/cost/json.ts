import type { CostReport } from './types.js';

/** The cost report as JSON (two-space indent, final newline); field names are the contract. */
export function renderCostJson(report: CostReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

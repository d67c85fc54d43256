/**
 * The cost report: built from a billing snapshot, rendered as Markdown (the pull-request
 * comment's cost section) or JSON.
 */
export { buildCostReport, type CostReportOptions } from './build.js';
export { renderCostMarkdown } from './markdown.js';
export { renderCostJson } from './json.js';
export { formatMoney, formatShare, formatUnitPrice } from './money-format.js';
export * from './types.js';

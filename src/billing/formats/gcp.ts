import { amountFromJsonNumber, normalize, parseAmount, type ScaledAmount } from '../money.js';
import type { TagPair } from '../tags/normalize.js';
import { tagPairsFromValue, parseTagText } from '../tags/parse.js';
import { cellString, type RowContext } from './cells.js';
import { costColumns, costRowLayout } from './cost-row-layout.js';
import type { ColumnIndex, TabularFormat } from './layout.js';
import type { RowColumns, TagReader } from './row.js';

/**
 * The fields of a GCP billing export row that are read, by their dotted BigQuery names; a JSON
 * lines export is flattened to these, so CSV and JSON share one reader.
 */
export const GCP_FIELDS = [
  'cost',
  'currency',
  'usage_start_time',
  'service.description',
  'sku.description',
  'project.id',
  'project.labels',
  'labels',
  'credits',
  'usage.amount',
  'usage.unit',
  'resource.global_name',
  'resource.name',
] as const;

/**
 * GCP Cloud Billing export (BigQuery rows as CSV or JSON lines). The cost of a row is `cost`
 * plus the sum of its `credits` (which are negative). Tags are the resource `labels`, then
 * `project.labels`, then the policy's `billing.projects` entry for `project.id`; the first
 * value for a key wins.
 */
export const gcpFormat: TabularFormat = {
  format: 'gcp',

  detect(columns: ColumnIndex): boolean {
    return columns.has('cost') && columns.has('usage_start_time') && columns.has('currency');
  },

  layout(columns, context) {
    const row: RowColumns = {
      ...costColumns(columns, 'GCP', {
        day: 'usage_start_time',
        cost: 'cost',
        currency: 'currency',
      }),
      service: [columns.find('service.description', 'service_description')],
      resourceId: columns.find(
        'resource.global_name',
        'resource_global_name',
        'resource.name',
        'resource_name',
      ),
      quantity: columns.find('usage.amount', 'usage_amount'),
      unit: columns.find('usage.unit', 'usage_unit'),
    };
    const labels = columns.find('labels');
    const projectLabels = columns.find('project.labels', 'project_labels');
    const projectId = columns.find('project.id', 'project_id');
    const credits = columns.find('credits');
    const readTags = gcpTags(context, labels, projectLabels, projectId);
    return costRowLayout('gcp', row, context, readTags, {
      extraColumns: [labels, projectLabels, projectId, credits],
      notes: [],
      adjust: credits < 0 ? undefined : (cost, cells) => addCredits(cost, cells[credits]),
    });
  },
};

function gcpTags(
  context: RowContext,
  labels: number,
  projectLabels: number,
  projectId: number,
): TagReader {
  return (cells) => {
    const own = labels >= 0 ? labelPairs(cells[labels]) : [];
    const project = projectLabels >= 0 ? labelPairs(cells[projectLabels]) : [];
    if (own === null || project === null) return null;
    const mapped = projectId >= 0 ? context.projectTags(cellString(cells[projectId])) : [];
    return context.normalizer.intern([...own, ...project, ...mapped]);
  };
}

function labelPairs(cell: unknown): TagPair[] | null {
  return typeof cell === 'string' ? parseTagText(cell) : tagPairsFromValue(cell);
}

/** `cost` plus every credit's `amount`; null when the credits cell is not a list of amounts. */
function addCredits(cost: ScaledAmount, cell: unknown): ScaledAmount | null {
  let list: unknown = cell;
  if (typeof cell === 'string') {
    const text = cell.trim();
    if (text.length === 0 || text === '[]' || text === 'NULL' || text === 'null') return cost;
    try {
      list = JSON.parse(text);
    } catch {
      return null;
    }
  }
  if (list === null || list === undefined) return cost;
  if (!Array.isArray(list)) return null;
  let total = BigInt(cost);
  for (const credit of list) {
    const raw: unknown = typeof credit === 'object' && credit !== null ? credit.amount : undefined;
    const amount =
      typeof raw === 'number' ? amountFromJsonNumber(raw) : parseAmount(String(raw ?? ''));
    if (amount === null) return null;
    total += BigInt(amount);
  }
  return normalize(total);
}

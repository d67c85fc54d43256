import { costRowLayout } from './cost-row-layout.js';
import type { ColumnIndex, TabularFormat } from './layout.js';
import { tagsFromColumn, type RowColumns } from './row.js';

const COST_COLUMNS = ['CostInBillingCurrency', 'Cost', 'PreTaxCost'];
const DAY_COLUMNS = ['Date', 'UsageDate', 'UsageDateTime'];

/**
 * Azure cost details (EA, MCA and pay-as-you-go CSV; a UTF-8 byte-order mark is dropped by the
 * reader). `Tags` is a JSON object, often written without its braces. Dates are ISO or
 * `MM/DD/YYYY`. The EA `CostCenter` column is an enrollment attribute, not a resource tag, so
 * only `Tags` counts: a row whose tags lack CostCenter is untagged for it.
 */
export const azureFormat: TabularFormat = {
  format: 'azure',

  detect(columns: ColumnIndex): boolean {
    return (
      columns.has(...COST_COLUMNS) &&
      columns.has('MeterCategory', 'ConsumedService') &&
      columns.has(...DAY_COLUMNS)
    );
  },

  layout(columns, context) {
    const costIndex = columns.require('Azure', ...COST_COLUMNS);
    const dayIndex = columns.require('Azure', ...DAY_COLUMNS);
    const currencyIndex = columns.require(
      'Azure',
      'BillingCurrency',
      'BillingCurrencyCode',
      'Currency',
    );
    const row: RowColumns = {
      day: { index: dayIndex, name: columns.names[dayIndex] ?? 'Date' },
      cost: { index: costIndex, name: columns.names[costIndex] ?? 'Cost' },
      currency: { index: currencyIndex, name: columns.names[currencyIndex] ?? 'BillingCurrency' },
      service: [columns.find('MeterCategory'), columns.find('ConsumedService')],
      resourceId: columns.find('ResourceId', 'InstanceId', 'InstanceName'),
      quantity: columns.find('Quantity', 'UsageQuantity'),
      unit: columns.find('UnitOfMeasure'),
    };
    const tagsIndex = columns.find('Tags');
    const readTags = tagsFromColumn(context, tagsIndex);
    return costRowLayout('azure', row, context, readTags, {
      extraColumns: [tagsIndex],
      notes: tagsIndex < 0 ? ['no `Tags` column: every row is untagged'] : [],
    });
  },
};

import { UNKNOWN_CURRENCY } from '../record.js';
import { costColumns, costRowLayout } from './cost-row-layout.js';
import type { ColumnIndex, TabularFormat } from './layout.js';
import { tagsFromColumn, type RowColumns } from './row.js';

/**
 * FOCUS 1.0 to 1.2 (CSV or Parquet). Cost is `BilledCost`, or `EffectiveCost` when the
 * effective measure is asked for; tags come from the `Tags` JSON column only, so provider
 * extension columns (`x_...`) never become tags.
 */
export const focusFormat: TabularFormat = {
  format: 'focus',

  detect(columns: ColumnIndex): boolean {
    return columns.has('BilledCost') && columns.has('ChargePeriodStart');
  },

  layout(columns, context, options) {
    const costName = options.measure === 'effective' ? 'EffectiveCost' : 'BilledCost';
    const row: RowColumns = {
      ...costColumns(columns, 'FOCUS', {
        day: 'ChargePeriodStart',
        cost: costName,
        currency: 'BillingCurrency',
        currencyFallback: UNKNOWN_CURRENCY,
      }),
      service: [columns.find('ServiceName'), columns.find('ProviderName')],
      resourceId: columns.find('ResourceId'),
      quantity: columns.find('ConsumedQuantity'),
      unit: columns.find('ConsumedUnit'),
    };
    const tagsIndex = columns.find('Tags');
    const readTags = tagsFromColumn(context, tagsIndex);
    return costRowLayout('focus', row, context, readTags, {
      extraColumns: [tagsIndex],
      notes: [
        ...(tagsIndex < 0 ? ['no `Tags` column: every row is untagged'] : []),
        ...(row.currency.index < 0
          ? [`no \`BillingCurrency\` column: amounts kept apart as ${UNKNOWN_CURRENCY}`]
          : []),
      ],
    });
  },
};

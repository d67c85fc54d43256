import type { ColumnIndex, TabularFormat } from './layout.js';
import { usedColumns } from './layout.js';
import { UNKNOWN_CURRENCY } from '../record.js';
import { readCostRow, tagsFromColumn, type RowColumns } from './row.js';

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
      day: { index: columns.require('FOCUS', 'ChargePeriodStart'), name: 'ChargePeriodStart' },
      cost: { index: columns.require('FOCUS', costName), name: costName },
      currency: {
        index: columns.find('BillingCurrency'),
        name: 'BillingCurrency',
        fallback: UNKNOWN_CURRENCY,
      },
      service: [columns.find('ServiceName'), columns.find('ProviderName')],
      resourceId: columns.find('ResourceId'),
      quantity: columns.find('ConsumedQuantity'),
      unit: columns.find('ConsumedUnit'),
    };
    const tagsIndex = columns.find('Tags');
    const readTags = tagsFromColumn(context, tagsIndex);
    return {
      format: 'focus',
      used: usedColumns(
        row.day.index,
        row.cost.index,
        row.currency.index,
        ...row.service,
        row.resourceId,
        row.quantity,
        row.unit,
        tagsIndex,
      ),
      map: (cells) => readCostRow(cells, row, context, readTags),
      notes: [
        ...(tagsIndex < 0 ? ['no `Tags` column: every row is untagged'] : []),
        ...(row.currency.index < 0
          ? [`no \`BillingCurrency\` column: amounts kept apart as ${UNKNOWN_CURRENCY}`]
          : []),
      ],
    };
  },
};

import { costColumns, costRowLayout } from './cost-row-layout.js';
import type { ColumnIndex, TabularFormat } from './layout.js';
import { tagsFromColumns, type RowColumns, type TagColumn } from './row.js';

const TAG_PREFIX = 'resourceTags/';

/**
 * AWS legacy Cost and Usage Report (CSV, `lineItem/...` columns). Cost is
 * `lineItem/UnblendedCost` as written, so credits and refunds stay negative; each
 * `resourceTags/user:Key` column is one tag, named without its `user:` prefix (AWS-generated
 * `aws:` tags keep theirs). A file without `lineItem/CurrencyCode` is taken as USD, which the
 * snapshot notes.
 */
export const awsCurFormat: TabularFormat = {
  format: 'aws-cur',

  detect(columns: ColumnIndex): boolean {
    return columns.has('lineItem/UnblendedCost');
  },

  layout(columns, context) {
    const row: RowColumns = {
      ...costColumns(columns, 'AWS CUR', {
        day: 'lineItem/UsageStartDate',
        cost: 'lineItem/UnblendedCost',
        currency: 'lineItem/CurrencyCode',
        currencyFallback: 'USD',
      }),
      service: [columns.find('product/ProductName'), columns.find('lineItem/ProductCode')],
      resourceId: columns.find('lineItem/ResourceId'),
      quantity: columns.find('lineItem/UsageAmount'),
      unit: columns.find('pricing/unit'),
    };
    const tagColumns: TagColumn[] = columns.withPrefix(TAG_PREFIX).map(({ index, name }) => ({
      index,
      spelling: name.slice(TAG_PREFIX.length).replace(/^user:/, ''),
    }));
    const readTags = tagsFromColumns(context, tagColumns);
    const notes: string[] = [];
    if (row.currency.index < 0) notes.push('no `lineItem/CurrencyCode` column: USD assumed');
    if (tagColumns.length === 0) notes.push('no `resourceTags/` columns: every row is untagged');
    return costRowLayout('aws-cur', row, context, readTags, {
      extraColumns: tagColumns.map((column) => column.index),
      notes,
    });
  },
};

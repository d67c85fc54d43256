import { costColumns, costRowLayout } from './cost-row-layout.js';
import type { ColumnIndex, TabularFormat } from './layout.js';
import {
  tagsFromColumn,
  tagsFromColumns,
  type RowColumns,
  type TagColumn,
  type TagReader,
} from './row.js';

const FLAT_TAG_PREFIX = 'resource_tags_';

/**
 * AWS CUR 2.0 (CSV or Parquet, snake_case columns). Tags come from the `resource_tags` map
 * (JSON text in CSV) or from flattened `resource_tags_user_...` columns; a user tag's `user_`
 * or `user:` prefix is dropped, so `user_cost_center` meets the policy's `CostCenter`.
 */
export const awsCur2Format: TabularFormat = {
  format: 'aws-cur2',

  detect(columns: ColumnIndex): boolean {
    return columns.has('line_item_unblended_cost');
  },

  layout(columns, context) {
    const row: RowColumns = {
      ...costColumns(columns, 'AWS CUR 2.0', {
        day: 'line_item_usage_start_date',
        cost: 'line_item_unblended_cost',
        currency: 'line_item_currency_code',
        currencyFallback: 'USD',
      }),
      service: [columns.find('product_product_name'), columns.find('line_item_product_code')],
      resourceId: columns.find('line_item_resource_id'),
      quantity: columns.find('line_item_usage_amount'),
      unit: columns.find('pricing_unit'),
    };
    const mapIndex = columns.find('resource_tags');
    const flat: TagColumn[] = columns.withPrefix(FLAT_TAG_PREFIX).map(({ index, name }) => ({
      index,
      spelling: userTagKey(name.slice(FLAT_TAG_PREFIX.length)),
    }));
    const readTags: TagReader =
      mapIndex >= 0 || flat.length === 0
        ? tagsFromColumn(context, mapIndex, undefined, userTagKey)
        : tagsFromColumns(context, flat);
    const notes: string[] = [];
    if (row.currency.index < 0) notes.push('no `line_item_currency_code` column: USD assumed');
    if (mapIndex < 0 && flat.length === 0) notes.push('no `resource_tags`: every row is untagged');
    return costRowLayout('aws-cur2', row, context, readTags, {
      extraColumns: [mapIndex, ...flat.map((column) => column.index)],
      notes,
    });
  },
};

/** A CUR 2.0 tag key without the `user_` / `user:` prefix AWS puts on user-defined tags. */
export function userTagKey(key: string): string {
  return key.replace(/^user[_:]/, '');
}

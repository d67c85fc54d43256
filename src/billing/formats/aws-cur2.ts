import { usedColumns, type ColumnIndex, type TabularFormat } from './layout.js';
import {
  readCostRow,
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
      day: {
        index: columns.require('AWS CUR 2.0', 'line_item_usage_start_date'),
        name: 'line_item_usage_start_date',
      },
      cost: {
        index: columns.require('AWS CUR 2.0', 'line_item_unblended_cost'),
        name: 'line_item_unblended_cost',
      },
      currency: {
        index: columns.find('line_item_currency_code'),
        name: 'line_item_currency_code',
        fallback: 'USD',
      },
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
    return {
      format: 'aws-cur2',
      used: usedColumns(
        row.day.index,
        row.cost.index,
        row.currency.index,
        ...row.service,
        row.resourceId,
        row.quantity,
        row.unit,
        mapIndex,
        ...flat.map((column) => column.index),
      ),
      map: (cells) => readCostRow(cells, row, context, readTags),
      notes,
    };
  },
};

/** A CUR 2.0 tag key without the `user_` / `user:` prefix AWS puts on user-defined tags. */
export function userTagKey(key: string): string {
  return key.replace(/^user[_:]/, '');
}

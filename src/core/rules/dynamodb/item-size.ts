// dynamodb/item-size: an average item larger than the largest item DynamoDB stores.
import { DYNAMODB_MAX_ITEM_SIZE_KB } from '../../facts';
import * as l10n from '../../l10n';
import { number } from '../helpers/dynamodb-capacity';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'dynamodb/item-size',
    description: 'The average item of a table is larger than the 400 KB DynamoDB allows for one item.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const limit = DYNAMODB_MAX_ITEM_SIZE_KB.value;
    for (const table of model.databases) {
      if (table.service !== 'dynamodb') continue;
      const size = table.item?.averageSizeKB;
      if (typeof size !== 'number' || size <= limit) continue;
      report({
        pointer: `${table.pointer}/item/averageSizeKB`,
        part: 'value',
        message:
          l10n.t`${table.name} has an average item of ${number(size)} KB; a DynamoDB item (attribute names and values together) can be at most ${limit} KB, so writes of such items fail.` +
          ' ' +
          l10n.t`Keep large attributes (documents, images, long text) in Amazon S3 and store the object key in the item, compress them, or split the item into several items under one partition key.`,
      });
    }
  },
});

// Amazon DynamoDB facts. Sources are AWS documentation pages (docs.aws.amazon.com/amazondynamodb/latest/developerguide/...).
import { fact } from './fact';

/** One partition serves at most 3,000 RCU and 1,000 WCU, whatever the table's capacity. */
export const DYNAMODB_PARTITION_THROUGHPUT = fact(
  { readCapacityUnits: 3000, writeCapacityUnits: 1000 },
  'repost.aws/knowledge-center/dynamodb-spiky-workloads-short-intervals',
);

/** DynamoDB key attributes must be strings, numbers or binary. */
export const DYNAMODB_KEY_TYPES = fact(['S', 'N', 'B'] as const, 'docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeDefinition.html');

// security/cross-region-kms: an encrypted copy in another Region without a KMS key of that Region.
import { AURORA_CROSS_REGION_KMS_KEY, DYNAMODB_REPLICA_KMS_KEY, RDS_CROSS_REGION_REPLICA_KMS_KEY } from '../../facts';
import { replicaRegions } from '../helpers/security';
import { defineRule } from '../rule';

/** Why a key of the other Region is needed, shared by every message. */
const KEYS_ARE_REGIONAL = 'a KMS key belongs to the Region it was created in and cannot encrypt data anywhere else';

export default defineRule({
  meta: {
    id: 'security/cross-region-kms',
    description: 'An encrypted database is replicated to another Region without a KMS key for that Region.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const database of model.databases) {
      if (database.service === 'rds') {
        // Replicas inherit encryption from the root of the tree; a replica in its source's Region reuses the source's key.
        if (database.security?.encrypted !== true) continue;
        for (const replica of database.allReplicas) {
          if (!replica.crossRegion || replica.kmsKey !== undefined) continue;
          report({
            pointer: `${replica.pointer}/region`,
            part: 'value',
            message:
              `${replica.name} is a cross-Region read replica in ${replica.region} of ${replica.source.name} (${replica.source.region}), which is encrypted, but it names no \`kmsKey\`: ` +
              `${KEYS_ARE_REGIONAL}, so RDS requires a key of ${replica.region} (\`${RDS_CROSS_REGION_REPLICA_KMS_KEY.value}\`) for an encrypted replica there. Add \`kmsKey:\` with an alias or ARN of a key in ${replica.region}.`,
            related: [{ pointer: `${database.pointer}/security/encrypted`, message: `${database.name} is encrypted, so its replicas are too` }],
          });
        }
      } else if (database.service === 'aurora') {
        if (database.security?.encrypted !== true) continue;
        for (const item of replicaRegions(database.globalDatabase?.secondaryRegions, `${database.pointer}/globalDatabase/secondaryRegions`)) {
          // A "secondary" in the primary's own Region is aurora/global-database's finding, not a cross-Region copy.
          if (item.kmsKey !== undefined || item.region === database.region) continue;
          report({
            pointer: item.regionPointer,
            part: 'value',
            message:
              `${database.name} is encrypted, and its Global Database secondary cluster in ${item.region} names no KMS key: ${KEYS_ARE_REGIONAL}, ` +
              `so the secondary cluster needs a key that is valid in ${item.region} (\`${AURORA_CROSS_REGION_KMS_KEY.value}\`). Write the item as \`{ region: ${item.region}, kmsKey: <a key of ${item.region}> }\`.`,
            related: [{ pointer: `${database.pointer}/security/encrypted`, message: `${database.name} is encrypted` }],
          });
        }
      } else if (database.service === 'dynamodb') {
        // AWS owned and AWS managed keys exist in every Region; only a customer managed key must be named per Region.
        if (database.security?.encryption !== 'customer-managed') continue;
        for (const item of replicaRegions(database.globalTable?.replicaRegions, `${database.pointer}/globalTable/replicaRegions`)) {
          if (item.kmsKey !== undefined || item.region === database.region) continue;
          report({
            pointer: item.regionPointer,
            part: 'value',
            message:
              `${database.name} is encrypted with a customer managed KMS key, and its global table replica in ${item.region} names no key: ${KEYS_ARE_REGIONAL}, ` +
              `so every replica needs its own customer managed key created in its Region (\`${DYNAMODB_REPLICA_KMS_KEY.value}\`). Write the item as \`{ region: ${item.region}, kmsKey: <a key of ${item.region}> }\`.`,
            related: [{ pointer: `${database.pointer}/security/encryption`, message: `${database.name} uses a customer managed key` }],
          });
        }
      }
    }
  },
});

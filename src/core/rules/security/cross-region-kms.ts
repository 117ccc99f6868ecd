// security/cross-region-kms: an encrypted copy in another Region without a KMS key of that Region.
import { AURORA_CROSS_REGION_KMS_KEY, DYNAMODB_REPLICA_KMS_KEY, RDS_CROSS_REGION_REPLICA_KMS_KEY } from '../../facts';
import { replicaRegions } from '../helpers/security';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

/** "Write the item as `{ region: eu-west-1, kmsKey: <a key of eu-west-1> }`." */
function writeItem(region: string): string {
  const key = l10n.t`<a key of ${region}>`;
  return l10n.t('Write the item as `{ region: {region}, kmsKey: {key} }`.', { region, key });
}

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
              l10n.t(
                '{replica} is a cross-Region read replica in {region} of {source} ({sourceRegion}), which is encrypted, but it names no `kmsKey`: a KMS key belongs to the Region it was created in and cannot encrypt data anywhere else, so RDS requires a key of {region} (`{parameter}`) for an encrypted replica there.',
                { replica: replica.name, region: String(replica.region), source: replica.source.name, sourceRegion: String(replica.source.region), parameter: RDS_CROSS_REGION_REPLICA_KMS_KEY.value },
              ) +
              ' ' +
              l10n.t('Add `kmsKey:` with an alias or ARN of a key in {region}.', { region: String(replica.region) }),
            related: [{ pointer: `${database.pointer}/security/encrypted`, message: l10n.t`${database.name} is encrypted, so its replicas are too` }],
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
              l10n.t(
                '{name} is encrypted, and its Global Database secondary cluster in {region} names no KMS key: a KMS key belongs to the Region it was created in and cannot encrypt data anywhere else, so the secondary cluster needs a key that is valid in {region} (`{parameter}`).',
                { name: database.name, region: item.region, parameter: AURORA_CROSS_REGION_KMS_KEY.value },
              ) +
              ' ' +
              writeItem(item.region),
            related: [{ pointer: `${database.pointer}/security/encrypted`, message: l10n.t`${database.name} is encrypted` }],
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
              l10n.t(
                '{name} is encrypted with a customer managed KMS key, and its global table replica in {region} names no key: a KMS key belongs to the Region it was created in and cannot encrypt data anywhere else, so every replica needs its own customer managed key created in its Region (`{parameter}`).',
                { name: database.name, region: item.region, parameter: DYNAMODB_REPLICA_KMS_KEY.value },
              ) +
              ' ' +
              writeItem(item.region),
            related: [{ pointer: `${database.pointer}/security/encryption`, message: l10n.t`${database.name} uses a customer managed key` }],
          });
        }
      }
    }
  },
});
